import type { Kysely } from 'kysely';
import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import type { Tables } from '../../../core/db/tables.ts';
import type { FormResult } from '../../../core/http/forms.ts';
import { validateForm } from '../../../core/http/forms.ts';
import { isLanguage, LANGUAGE_CODES } from '../../../core/i18n/languages.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { nameKey } from '../../../core/search/normalize.ts';
import { displayNames } from '../../accounts/index.ts';
import { changesOf, descriptionsOf, insertChanges, setDescription, updateMunicipality } from '../repo.ts';
import type { Municipality } from '../schema.ts';
import { PROFILE_LIMITS, profileInput, SOCIAL } from '../schema.ts';

/** The fields staff edit, as they are stored, for comparing and recording changes. */
type Fields = Record<string, string | null>;

export { descriptionsOf } from '../repo.ts';

export function languagesOf(m: Pick<Municipality, 'languages'>): string[] {
  return (m.languages ?? '').split(',').filter(isLanguage);
}

export function socialOf(m: Pick<Municipality, 'social'>): Partial<Record<(typeof SOCIAL)[number], string>> {
  try {
    return m.social ? (JSON.parse(m.social) as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The form's values for a municipality as it is now. */
export async function currentValues(db: Kysely<Tables>, m: Municipality): Promise<Record<string, string>> {
  const social = socialOf(m);
  const values: Record<string, string> = {
    name: m.name,
    native_name: m.native_name ?? '',
    population: String(m.population),
    website: m.website ?? '',
    email: m.email ?? '',
    phone: m.phone ?? '',
    address: m.address ?? '',
    region_name: m.region_name ?? '',
    latitude: m.latitude === null ? '' : String(m.latitude),
    longitude: m.longitude === null ? '' : String(m.longitude),
    mayor_name: m.mayor_name ?? '',
    mayor_since: m.mayor_since ?? '',
    languages: languagesOf(m).join(','),
  };
  for (const s of SOCIAL) values[`social_${s}`] = social[s] ?? '';
  for (const d of await descriptionsOf(db, m.id)) values[`description_${d.language}`] = d.text;
  return values;
}

/**
 * Saves staff edits. Each changed field is recorded in the history with who and when; edited
 * fields are marked so that a re-import of open data leaves them alone.
 */
export async function editProfile(
  ctx: ModuleContext,
  actor: Actor,
  m: Municipality,
  body: unknown,
  ip: string,
): Promise<FormResult<{ changed: string[] }>> {
  const form = validateForm(profileInput, body, PROFILE_LIMITS);
  if (!form.ok) return form;
  const v = form.data as Record<string, unknown> & { languages: string[] };
  const social = Object.fromEntries(SOCIAL.map((s) => [s, String(v[`social_${s}`] ?? '')]).filter(([, u]) => u));
  const next: Fields = {
    name: String(v.name),
    native_name: String(v.native_name) || null,
    population: String(v.population),
    website: String(v.website) || null,
    email: String(v.email) || null,
    phone: String(v.phone) || null,
    address: String(v.address) || null,
    region_name: String(v.region_name) || null,
    latitude: String(v.latitude) === '' ? null : String(Number(v.latitude)),
    longitude: String(v.longitude) === '' ? null : String(Number(v.longitude)),
    mayor_name: String(v.mayor_name) || null,
    mayor_since: String(v.mayor_since) || null,
    languages: v.languages.length ? `,${[...new Set(v.languages)].join(',')},` : null,
    social: Object.keys(social).length ? JSON.stringify(social) : null,
  };
  const before: Fields = {
    name: m.name,
    native_name: m.native_name,
    population: String(m.population),
    website: m.website,
    email: m.email,
    phone: m.phone,
    address: m.address,
    region_name: m.region_name,
    latitude: m.latitude === null ? null : String(m.latitude),
    longitude: m.longitude === null ? null : String(m.longitude),
    mayor_name: m.mayor_name,
    mayor_since: m.mayor_since,
    languages: m.languages,
    social: m.social,
  };
  const oldDescriptions = new Map((await descriptionsOf(ctx.database.db, m.id)).map((d) => [d.language, d.text]));
  const changed = Object.keys(next).filter((k) => next[k] !== before[k]);
  const descriptionChanges = LANGUAGE_CODES.filter((l) => (String(v[`description_${l}`] ?? '') || undefined) !== oldDescriptions.get(l));
  if (changed.length === 0 && descriptionChanges.length === 0) return { ok: true, data: { changed: [] } };
  const now = new Date().toISOString();
  await transaction(ctx.database.db, async (trx) => {
    const edited = new Set(m.edited_fields.split(',').filter(Boolean));
    for (const f of changed) edited.add(f);
    if (changed.includes('name')) edited.add('name_key');
    if (changed.includes('native_name')) edited.add('native_key');
    await updateMunicipality(trx, m.id, {
      name: next.name!,
      native_name: next.native_name,
      name_key: nameKey(next.name!),
      native_key: next.native_name ? nameKey(next.native_name) : null,
      population: Number(next.population),
      website: next.website,
      email: next.email,
      phone: next.phone,
      address: next.address,
      region_name: next.region_name,
      latitude: next.latitude === null ? null : Number(next.latitude),
      longitude: next.longitude === null ? null : Number(next.longitude),
      mayor_name: next.mayor_name,
      mayor_since: next.mayor_since,
      languages: next.languages,
      social: next.social,
      edited_fields: `,${[...edited].join(',')},`,
      updated_at: now,
    });
    for (const lang of descriptionChanges) {
      await setDescription(trx, m.id, lang, String(v[`description_${lang}`] ?? ''), now);
    }
    const rows = [
      ...changed.map((f) => ({ field: f, old_value: before[f] ?? null, new_value: next[f] ?? null })),
      ...descriptionChanges.map((l) => ({
        field: `description_${l}`,
        old_value: oldDescriptions.get(l) ?? null,
        new_value: String(v[`description_${l}`] ?? '') || null,
      })),
    ];
    await insertChanges(
      trx,
      rows.map((r) => ({ ...r, municipality_id: m.id, user_id: actor.id, created_at: now })),
    );
    await audit(
      trx,
      actor,
      {
        action: 'municipality.edit',
        subjectType: 'municipality',
        subjectId: m.id,
        details: { fields: rows.map((r) => r.field) },
      },
      ip,
    );
  });
  return { ok: true, data: { changed: [...changed, ...descriptionChanges.map((l) => `description_${l}`)] } };
}

/** The history of changes, newest first, with who made each. */
export async function historyOf(db: Kysely<Tables>, municipalityId: number) {
  const rows = await changesOf(db, municipalityId);
  const names = await displayNames(
    db,
    rows.flatMap((r) => (r.user_id === null ? [] : [r.user_id])),
  );
  return rows.map((r) => ({ ...r, who: r.user_id === null ? undefined : names.get(r.user_id) }));
}
