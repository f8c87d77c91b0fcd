import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely';
import type { ComponentType, VNode } from 'preact';
import type { Actor, Scope } from './authz.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { Translator } from './i18n/catalog.ts';
import type { LanguageCode } from './i18n/languages.ts';
import type { Bounce, MailSender } from './mail/sender.ts';
import { type ModeratedKind, registerModerated } from './moderation.ts';
import { registerScopes, type ScopeDefinition } from './scopes.ts';

export interface ModuleContext {
  config: Config;
  database: Database;
  /** Delivers the mail outbox; wake() after a transaction that queued mail. */
  mail: MailSender;
  /** Every module's personal data, for data downloads and account erasure. */
  personalData: { module: string; data: PersonalData }[];
  /** Every module's sections, by section point. */
  sections: Record<string, SectionProvider[]>;
  /** Every module's desks, in module order, for the "Your work" page. */
  work: WorkProvider[];
}

/** A link in the main navigation; `label` is a message key, `path` follows the language prefix. */
export interface NavEntry {
  label: string;
  path: string;
  order: number;
  /** In the footer's links rather than the main navigation. */
  footer?: boolean;
  /** A message key: entries sharing it open from one item of the main navigation, at the first one's place. */
  group?: string;
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

export interface FeedEntry {
  title: string;
  /** Path of the entry's page, e.g. "/en/news/42". */
  url: string;
  summary?: string;
  published: string;
  updated?: string;
  author?: string;
  /** The author's page (an organisation's profile), without the site's address. */
  authorPath?: string;
}

export interface FeedQuery {
  lang: LanguageCode;
  t: Translator;
  /** The listing's filters, from the feed address's query. */
  params: Record<string, string>;
  limit: number;
}

/** A feed of a listing; served at /{lang}/feeds/{name}.rss, .atom and .json. */
export interface FeedProvider {
  name: string;
  read(query: FeedQuery, ctx: ModuleContext): Promise<{ title: string; link: string; entries: FeedEntry[] }>;
}

/** Demo content for a new portal; must be safe to run again. */
export interface DemoSeed {
  name: string;
  run(ctx: ModuleContext): Promise<void>;
}

/** A person whose data is downloaded or erased. */
export interface DataSubject {
  userId: number;
  email: string;
}

/** What a module holds on a person: shown in their data download, erased with their account. */
export interface PersonalData {
  export(person: DataSubject, ctx: ModuleContext): Promise<unknown>;
  erase(person: DataSubject, ctx: ModuleContext): Promise<void>;
}

function sectionsOf(modules: ModuleManifest[]): ModuleContext['sections'] {
  const all: ModuleContext['sections'] = {};
  for (const m of modules) {
    for (const [point, providers] of Object.entries(m.sections ?? {})) {
      all[point] ??= [];
      all[point].push(...[providers].flat());
    }
  }
  return all;
}

/** Renders what every module adds at a section point of a page, in module order. */
export async function renderSections(ctx: ModuleContext, point: string, subject: unknown, view: SectionView): Promise<VNode[]> {
  const parts = await Promise.all((ctx.sections[point] ?? []).map((provider) => provider(subject, view, ctx)));
  return parts.filter((p): p is VNode => p !== null);
}

function personalDataOf(modules: ModuleManifest[]): ModuleContext['personalData'] {
  return modules.flatMap((m) => (m.personalData ? [{ module: m.name, data: m.personalData }] : []));
}

/** A `municipium` command that a module adds. */
export interface CliCommand {
  name: string;
  description: string;
  options?: { flags: string; description: string; required?: boolean; default?: string }[];
  /** Arguments after the name, e.g. a file, each required; `run` finds them among the options by name. */
  arguments?: { name: string; description: string }[];
  /** Returns what to print. */
  run(ctx: ModuleContext, options: Record<string, string>): Promise<string>;
}

/** Housekeeping that each server process runs now and then, e.g. removing expired rows. */
export interface Job {
  name: string;
  everyMs: number;
  run(ctx: ModuleContext): Promise<void>;
}

/** Pages a module lists in the sitemap, in chunks of at most a few thousand. */
export interface SitemapProvider {
  name: string;
  /** Chunk names, e.g. one per country; each becomes /sitemaps/{name}-{chunk}.xml. */
  chunks(ctx: ModuleContext): Promise<string[]>;
  /** Paths after the language prefix, e.g. "/municipalities/bg/stara-zagora"; undefined for an unknown chunk. */
  paths(chunk: string, ctx: ModuleContext): Promise<{ path: string; lastmod?: string }[] | undefined>;
}

/** A module's part of the OpenAPI document at /api/v1/openapi.json. */
export interface ApiDescription {
  paths: Record<string, unknown>;
  schemas?: Record<string, unknown>;
}

/** Who is looking, for a section that a module adds to another module's page. */
export interface SectionView {
  lang: LanguageCode;
  t: Translator;
  actor: Actor | null;
}

/**
 * A part of another module's page, e.g. the news of a municipality on its profile. The page
 * names its section points ("municipality.profile"); a section gets the page's subject.
 */
export type SectionProvider = (subject: unknown, view: SectionView, ctx: ModuleContext) => Promise<VNode | null>;

/**
 * A place where a person does their work, e.g. a review queue or a team page, with what waits
 * there. Its words come translated from the module that declares it.
 */
export interface WorkDesk {
  label: string;
  description: string;
  /** After the language prefix, e.g. "/admin/claims". */
  path: string;
  /** The thing the desk is about, to list it under that thing; none for a desk that spans all of them. */
  scope?: Scope;
  /** What waits there for the person, in the module's words, e.g. "2 claims, 1 proposed place". */
  waiting?: { count: number; text: string };
}

/** Who is looking at their work: always someone signed in. */
export type WorkView = SectionView & { actor: Actor };

/** The desks a module offers this person: only those its own policy allows them. */
export type WorkProvider = (view: WorkView, ctx: ModuleContext) => Promise<WorkDesk[]>;

/** Every desk the modules offer this person, in module order. */
export async function workOf(ctx: ModuleContext, view: WorkView): Promise<WorkDesk[]> {
  return (await Promise.all(ctx.work.map((provider) => provider(view, ctx)))).flat();
}

/** What a module adds to the portal. The core reads these and nothing else of a module. */
export interface ModuleManifest {
  name: string;
  migrations?: Record<string, Migration>;
  routes?: (app: FastifyInstance, ctx: ModuleContext) => void | Promise<void>;
  nav?: NavEntry[];
  search?: SearchProvider[];
  feeds?: FeedProvider[];
  sitemaps?: SitemapProvider[];
  api?: ApiDescription;
  seeds?: DemoSeed[];
  personalData?: PersonalData;
  commands?: CliCommand[];
  jobs?: Job[];
  /** Its tables whose rows no page shows (sessions, tokens, private messages): writing them keeps cached pages. */
  privateTables?: string[];
  /** Runs before the server listens, e.g. to import data a new installation needs. */
  onStart?: (ctx: ModuleContext) => Promise<void>;
  /**
   * Whether onStart has heavy work to do (a directory to import): the server then runs it in a
   * process of its own, even when the migrations were applied beforehand (`municipium migrate`).
   */
  startWorkPending?: (database: Database) => Promise<boolean>;
  /** Lines for the operator when the server starts, e.g. how to create the first admin. */
  startupNotes?: (ctx: ModuleContext) => Promise<string[]>;
  /** Shown in the header's account area, e.g. a sign-in link. */
  header?: ComponentType;
  /** Parts of other modules' pages, by section point. */
  sections?: Record<string, SectionProvider | SectionProvider[]>;
  /** The things this module owns that people hold roles in (see scopes.ts). */
  scopes?: ScopeDefinition[];
  /** The kinds of text people write in it that moderation flags, hides and restores (see moderation.ts). */
  moderated?: ModeratedKind[];
  /** The desks it offers a signed-in person on their "Your work" page (/{lang}/work). */
  work?: WorkProvider;
  /** Told of each address that refused mail for good (see MailSender.bounced). */
  bounces?: (bounce: Bounce, ctx: ModuleContext) => Promise<void>;
}

/** What the modules share at run time, for the server and the commands alike; makes their scopes known. */
export function moduleContext(config: Config, database: Database, mail: MailSender, modules: ModuleManifest[]): ModuleContext {
  registerScopes(modules.flatMap((m) => m.scopes ?? []));
  registerModerated(modules.flatMap((m) => m.moderated ?? []));
  const work = modules.flatMap((m) => (m.work ? [m.work] : []));
  const ctx: ModuleContext = { config, database, mail, personalData: personalDataOf(modules), sections: sectionsOf(modules), work };
  for (const m of modules) if (m.bounces) mail.onBounce((bounce) => m.bounces!(bounce, ctx));
  return ctx;
}
