import { transaction } from '../../../core/db/client.ts';
import type { DemoSeed, ModuleContext } from '../../../core/modules.ts';
import { municipalityBySlug } from '../../municipalities/index.ts';
import { bulgariaItems } from '../demo/bulgaria.ts';
import { networkItems } from '../demo/networks.ts';
import { northItems } from '../demo/north.ts';
import { platformItems } from '../demo/platform.ts';
import { sloveniaItems } from '../demo/slovenia.ts';
import { southItems } from '../demo/south.ts';
import { type DemoItem, when } from '../demo/when.ts';
import { hasAnyItem, hasItemOf } from '../repo.ts';
import { type ItemSpec, insertItem } from './editing.ts';

export const DEMO_ITEMS: DemoItem[] = [...platformItems, ...bulgariaItems, ...sloveniaItems, ...northItems, ...southItems, ...networkItems];

/** The demo items whose towns the directory holds, dated from `now`; a missing town's items are left out. */
export async function demoSpecs(ctx: ModuleContext, now = new Date()): Promise<ItemSpec[]> {
  const w = when(now);
  const specs: ItemSpec[] = [];
  for (const item of DEMO_ITEMS) {
    if (item.network) continue;
    if (!item.town) {
      specs.push({ ...item.build(w, {}), owner: { type: 'platform' } });
      continue;
    }
    const [country, slug] = item.town.split('/') as [string, string];
    const place = await municipalityBySlug(ctx.database.db, country, slug);
    if (!place) continue;
    const here = place.latitude !== null && place.longitude !== null ? { latitude: place.latitude, longitude: place.longitude } : {};
    specs.push({ ...item.build(w, here), owner: { type: 'municipality', id: place.id, country: place.country } });
  }
  return specs;
}

/**
 * News, events, initiatives and good practices of towns across Europe, so that a new portal looks
 * lived in. Once the portal holds any content it is the portal's own, and the demo adds nothing.
 */
export const demoContent: DemoSeed = {
  name: 'content',
  run: (ctx) =>
    transaction(ctx.database.db, async (db) => {
      if (await hasAnyItem(db)) return;
      const inside: ModuleContext = { ...ctx, database: { ...ctx.database, db } };
      const specs = await demoSpecs(inside);
      // Before the directory is imported the demo would be the platform's items alone, and would then block a later, full run.
      if (!specs.some((s) => s.owner.type === 'municipality')) return;
      for (const spec of specs) await insertItem(inside, spec);
    }),
};

/**
 * What a network of the demo publishes, added by the networks' seed once it has made the network
 * (content's seed runs before there is any). Only on a portal that holds content already, as the
 * demo's does by then: before the directory is imported the network's news alone would keep the
 * rest of the demo out.
 */
export async function demoNetworkContent(ctx: ModuleContext, network: { id: number; slug: string }, now = new Date()): Promise<void> {
  const mine = DEMO_ITEMS.filter((i) => i.network === network.slug);
  if (!mine.length) return;
  await transaction(ctx.database.db, async (db) => {
    if (!(await hasAnyItem(db)) || (await hasItemOf(db, { owner_type: 'network', owner_id: network.id }))) return;
    const inside: ModuleContext = { ...ctx, database: { ...ctx.database, db } };
    const w = when(now);
    for (const item of mine) await insertItem(inside, { ...item.build(w, {}), owner: { type: 'network', id: network.id, country: null } });
  });
}
