import type { Kysely } from 'kysely';
import { transaction } from '../../../core/db/client.ts';
import type { Tables } from '../../../core/db/tables.ts';
import type { DemoSeed, ModuleContext } from '../../../core/modules.ts';
import { nameKey } from '../../../core/search/normalize.ts';
import { emblemSvg, silhouetteSvg } from '../demo/pictures.ts';
import { DEMO_TOWNS, type DemoTown } from '../demo/towns.ts';
import { descriptionsOf, findBySlug, setDescription, updateMunicipality } from '../repo.ts';
import type { Municipality } from '../schema.ts';
import { IMAGE_WIDTHS, storeVariants } from './images.ts';

/** What staff fill in on a profile: a place with any of them set is someone's, and the demo leaves it alone. */
const FILLED = ['website', 'email', 'phone', 'address', 'mayor_name', 'languages', 'social', 'coat_of_arms', 'mayor_photo'] as const;

/** The directory's entry for a demo town, if it has one. */
function find(db: Kysely<Tables>, town: DemoTown) {
  const [country, slug] = town.town.split('/') as [string, string];
  return findBySlug(db, country, slug);
}

async function untouched(db: Kysely<Tables>, m: Municipality): Promise<boolean> {
  const edited = m.edited_fields.split(',').some(Boolean);
  if (m.joined_at || edited || FILLED.some((f) => m[f] !== null)) return false;
  return (await descriptionsOf(db, m.id)).length === 0;
}

/**
 * An SVG as the variants an upload is stored as: WebP at each of IMAGE_WIDTHS (the drawings are 400 wide at 72 dpi).
 * Lossless at low effort: for flat colours it is smaller than lossy, keeps edges sharp and encodes several times faster.
 */
async function render(svg: string): Promise<Buffer[]> {
  // Loaded here only: the server itself draws nothing, and libvips adds some 15 MB to a process.
  const { default: sharp } = await import('sharp');
  const input = Buffer.from(svg);
  return Promise.all(
    IMAGE_WIDTHS.map((w) =>
      sharp(input, { density: (72 * w) / 400 })
        .webp({ lossless: true, effort: 1 })
        .toBuffer(),
    ),
  );
}

/** Fills one place's profile as its staff would, and marks it joined as an approved claim does. */
async function fill(ctx: ModuleContext, town: DemoTown, [arms, photo]: Buffer[][]): Promise<void> {
  await transaction(ctx.database.db, async (db) => {
    // Read again inside the transaction: staff may have saved the profile while the pictures were drawn.
    const m = await find(db, town);
    if (!m || !(await untouched(db, m))) return;
    const now = new Date().toISOString();
    const nativeName = town.nativeName && town.nativeName !== m.name ? town.nativeName : m.native_name;
    await updateMunicipality(db, m.id, {
      native_name: nativeName,
      native_key: nativeName ? nameKey(nativeName) : null,
      region_name: town.region,
      website: town.website,
      email: town.email,
      phone: town.phone,
      address: town.address,
      mayor_name: town.mayor,
      mayor_since: town.mayorSince,
      languages: `,${town.languages.join(',')},`,
      coat_of_arms: storeVariants(ctx, m.id, 'coat_of_arms', arms!),
      mayor_photo: storeVariants(ctx, m.id, 'mayor_photo', photo!),
      // Fields the open-data import refreshes: marked as edited, so that a re-import keeps the demo's values.
      edited_fields: ',native_name,native_key,region_name,',
      joined_at: now,
      join_rank: 1,
      updated_at: now,
    });
    for (const [language, lines] of Object.entries(town.about)) await setDescription(db, m.id, language, lines.join(' '), now);
  });
}

/**
 * The demo's towns as members: joined, with a profile, an emblem and a mayor, so that the portal they
 * publish on looks alive. A town the directory lacks is skipped; one that has joined, or whose profile
 * anyone has filled in or edited, is left as it is, so running the seed again changes nothing.
 */
export const demoTowns: DemoSeed = {
  name: 'towns',
  run: async (ctx) => {
    const { db } = ctx.database;
    const todo: DemoTown[] = [];
    for (const town of DEMO_TOWNS) {
      const m = await find(db, town);
      if (m && (await untouched(db, m))) todo.push(town);
    }
    // Drawn all at once, so that sharp keeps every core busy: most of the seed's time is spent here.
    const pictures = await Promise.all(todo.map((t) => Promise.all([render(emblemSvg(t.emblem)), render(silhouetteSvg(t.emblem.field))])));
    for (const [i, town] of todo.entries()) await fill(ctx, town, pictures[i]!);
  },
};
