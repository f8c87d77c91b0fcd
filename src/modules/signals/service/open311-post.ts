import { z } from 'zod';
import { hasControl } from '../../../core/http/input.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { municipalityById } from '../../municipalities/index.ts';
import { announceReport } from './announce.ts';
import { townCategories } from './categories.ts';
import { type Jurisdiction, jurisdictionId } from './open311.ts';
import { readAnswers } from './questions.ts';
import { fileReport, REPORT_LIMITS } from './reports.ts';
import { placePoint } from './routing.ts';

/** An answer in the spec's error format: its HTTP status and what was wrong. */
export class Open311Error extends Error {
  constructor(
    readonly statusCode: number,
    description: string,
  ) {
    super(description);
  }
}

const refuse = (description: string): never => {
  throw new Open311Error(400, description);
};

type Body = Record<string, unknown>;

/** A single text field: absent, or one string of at most `max` characters without control characters. */
function field(body: Body, name: string, max: number): string | null {
  const v = body[name];
  if (v === undefined || v === '') return null;
  if (typeof v !== 'string') return refuse(`${name} must be given once`);
  if (hasControl(v)) return refuse(`${name} holds control characters`);
  const trimmed = v.trim();
  if (trimmed.length > max) return refuse(`${name} is longer than ${max} characters`);
  return trimmed || null;
}

/** A coordinate: a decimal number within its range. */
function coordinate(body: Body, name: 'lat' | 'long', limit: number): number {
  const v = field(body, name, 30);
  if (v === null) return refuse(`${name} is required`);
  const n = /^[+-]?\d{1,3}(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isFinite(n) || Math.abs(n) > limit) return refuse(`${name} must be a number from -${limit} to ${limit}`);
  return n;
}

/** What a client sent for an attribute: `attribute[code]`, or `attribute[code][]` for several values. */
function attributeValues(body: Body, code: string): string[] {
  const values = [body[`attribute[${code}]`], body[`attribute[${code}][]`]].flat().filter((v) => v !== undefined);
  return values.map((v) => (typeof v === 'string' && !hasControl(v) ? v : refuse(`attribute[${code}] must be text`)));
}

const email = z.email();

/**
 * Files a report an Open311 client posted for a town, as the spec's form fields say it. Every
 * problem is a 400 that names the field; a point in another town names that town.
 */
export async function postRequest(ctx: ModuleContext, town: Jurisdiction, body: Body, apiKeyId: number) {
  const code = field(body, 'service_code', 40) ?? refuse('service_code is required');
  const { all, questions } = await townCategories(ctx, town.id);
  const category =
    all.find((c) => c.code === code && c.active === 1) ?? refuse(`service_code ${code} is not a service of ${jurisdictionId(town)}`);
  if (body.lat === undefined && body.long === undefined) {
    if (body.address_string !== undefined || body.address_id !== undefined)
      refuse('lat and long are required: this endpoint does not look up addresses');
    refuse('lat and long are required');
  }
  const latitude = coordinate(body, 'lat', 90);
  const longitude = coordinate(body, 'long', 180);
  const placed = await placePoint(ctx.database.db, { latitude, longitude });
  if (placed?.municipalityId !== town.id) {
    const other = placed && (await municipalityById(ctx.database.db, placed.municipalityId));
    refuse(
      other
        ? `the location is in ${other.name} (${jurisdictionId(other)}), not in ${town.name}`
        : `the location is in no municipality of this portal, not in ${town.name}`,
    );
  }
  const description = field(body, 'description', REPORT_LIMITS.description) ?? refuse('description is required');
  const address = field(body, 'address_string', REPORT_LIMITS.address);
  const name = [field(body, 'first_name', REPORT_LIMITS.name), field(body, 'last_name', REPORT_LIMITS.name)].filter(Boolean).join(' ');
  if (name.length > REPORT_LIMITS.name) refuse(`first_name and last_name are longer than ${REPORT_LIMITS.name} characters together`);
  const mail = field(body, 'email', REPORT_LIMITS.email);
  if (mail !== null && !email.safeParse(mail).success) refuse('email is not an email address');
  const phone = field(body, 'phone', REPORT_LIMITS.phone);
  const { answers, wrong } = readAnswers(questions.get(category.id) ?? [], (c) => attributeValues(body, c));
  if (wrong.length)
    refuse(wrong.map((w) => `attribute[${w.code}] ${w.reason === 'required' ? 'is required' : 'has a value it does not take'}`).join('; '));
  const filed = await fileReport(ctx, null, {
    municipalityId: town.id,
    category,
    latitude,
    longitude,
    address,
    description,
    answers,
    contact: { name: name || null, email: mail?.toLowerCase() ?? null, phone },
    showName: false,
    apiKeyId,
  });
  // A category another body handles goes to it by mail, as a report from the form does.
  if (category.destination === 'email') await announceReport(ctx, filed.id);
  return filed;
}
