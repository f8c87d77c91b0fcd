import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { Translator } from './i18n/catalog.ts';
import type { LanguageCode } from './i18n/languages.ts';

export interface ModuleContext {
  config: Config;
  database: Database;
}

/** A link in the main navigation; `label` is a message key, `path` follows the language prefix. */
export interface NavEntry {
  label: string;
  path: string;
  order: number;
}

export interface SearchQuery {
  text: string;
  lang: LanguageCode;
  t: Translator;
  limit: number;
}

export interface SearchHit {
  /** Message key naming what kind of thing this is, e.g. "search.kind.page". */
  kind: string;
  title: string;
  url: string;
  summary?: string;
  /** Higher comes first across providers. */
  score: number;
}

export interface SearchProvider {
  name: string;
  search(query: SearchQuery, ctx: ModuleContext): Promise<SearchHit[]>;
}

/** What a module adds to the portal. The core reads these and nothing else of a module. */
export interface ModuleManifest {
  name: string;
  migrations?: Record<string, Migration>;
  routes?: (app: FastifyInstance, ctx: ModuleContext) => void | Promise<void>;
  nav?: NavEntry[];
  search?: SearchProvider[];
}
