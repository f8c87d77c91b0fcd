import { Remembered } from '../../../core/cache.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { ScopeThing } from '../../../core/scopes.ts';
import * as repo from '../repo.ts';
import type { MembershipKind, Network } from '../schema.ts';

/** A network as a reader sees it: its texts in their language, or in the original one. */
export interface NetworkView extends Network {
  name: string;
  acronym: string;
  description: string;
  /** The language the texts shown are in. */
  textLanguage: string;
  areaList: string[];
}

export const networkPath = (n: { slug: string }) => `/networks/${n.slug}`;

/** Networks change rarely and are read on every page that names one: kept like the lists. */
const views = new Remembered<NetworkView[]>(60_000, 500);

async function viewsOf(ctx: ModuleContext, networks: Network[], language: string): Promise<NetworkView[]> {
  const texts = await repo.textsOf(
    ctx.database.db,
    networks.map((n) => n.id),
    language,
  );
  return networks.flatMap((n) => {
    const text =
      texts.find((t) => t.network_id === n.id && t.language === language) ??
      texts.find((t) => t.network_id === n.id && t.language === n.original_language);
    if (!text) return [];
    return [
      {
        ...n,
        name: text.name,
        acronym: text.acronym,
        description: text.description,
        textLanguage: text.language,
        areaList: n.areas.split(',').filter(Boolean),
      },
    ];
  });
}

/** Every network, by name, in the reader's language. */
export function allNetworks(ctx: ModuleContext, language: string): Promise<NetworkView[]> {
  return views.get(ctx.database.db, `all|${language}`, async () => {
    const list = await viewsOf(ctx, (await repo.allNetworks(ctx.database.db)) as Network[], language);
    return list.sort((a, b) => a.name.localeCompare(b.name, language));
  });
}

export async function networkBySlug(ctx: ModuleContext, slug: string, language: string): Promise<NetworkView | undefined> {
  return (await allNetworks(ctx, language)).find((n) => n.slug === slug);
}

export async function networksByIds(ctx: ModuleContext, ids: readonly number[], language: string): Promise<Map<number, NetworkView>> {
  const wanted = new Set(ids);
  return new Map((await allNetworks(ctx, language)).filter((n) => wanted.has(n.id)).map((n) => [n.id, n]));
}

/** The scope registry's view of networks: their names and pages. */
export async function describeNetworks(ctx: ModuleContext, ids: readonly number[]): Promise<Map<number, ScopeThing>> {
  const found = await networksByIds(ctx, ids, 'en');
  return new Map([...found].map(([id, n]) => [id, { name: n.name, path: networkPath(n) }]));
}

/** A text kept per language (a kind's name, a question): in the reader's, or English, or the first written. */
export function inLanguage(labels: Record<string, string>, language: string): string {
  return labels[language] || labels.en || Object.values(labels).find(Boolean) || '';
}

/** A kind's name in a language, or in English, or its code. */
export const kindLabel = (kind: Pick<MembershipKind, 'labels' | 'code'>, language: string): string =>
  inLanguage(JSON.parse(kind.labels), language) || kind.code;

export const kindsOf = async (ctx: ModuleContext, networkIds: readonly number[]) =>
  (await repo.kindsOf(ctx.database.db, networkIds)) as MembershipKind[];
