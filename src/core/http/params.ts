import type { FastifyRequest } from 'fastify';
import { type ZodType, z } from 'zod';
import { isCountry } from '../countries.ts';
import { isLanguage } from '../i18n/languages.ts';
import { NotFound } from './guards.ts';
import { idSchema } from './input.ts';

function readOr404<T>(schema: ZodType<T>, of: (req: FastifyRequest) => unknown): (req: FastifyRequest) => T {
  return (req) => {
    const parsed = schema.safeParse(of(req));
    if (!parsed.success) throw new NotFound();
    return parsed.data;
  };
}

/** Reads an address's parameters; an address they do not fit names nothing: the localised 404. */
export const pathParams = <T>(schema: ZodType<T>) => readOr404(schema, (req) => req.params);

/** Reads a query that names a page (a page number, a country): one that does not fit is the localised 404. */
export const pageQuery = <T>(schema: ZodType<T>) => readOr404(schema, (req) => req.query ?? {});

type Lenient<S extends Record<string, ZodType>> = { [K in keyof S]?: z.output<S[K]> };

/** Reads a set of fields leniently: a field that does not fit reads as absent. */
export function lenient<S extends Record<string, ZodType>>(shape: S): (value: unknown) => Lenient<S> {
  const fields = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, s.optional().catch(undefined)]));
  const schema = z.object(fields);
  return (value) => schema.parse(value && typeof value === 'object' ? value : {}) as Lenient<S>;
}

/**
 * Reads a page's query. A field that does not fit reads as absent, so a stale or hand-edited
 * address still shows the page (the API refuses instead: apiParams).
 */
export function queryParams<S extends Record<string, ZodType>>(shape: S): (req: FastifyRequest) => Lenient<S> {
  const read = lenient(shape);
  return (req) => read(req.query);
}

export type Problems = { name: string; reason: string }[];

/** Thrown for an API request whose path or query a schema refused: a 400 problem naming each parameter and why. */
export class BadParameters extends Error {
  readonly statusCode = 400;
  constructor(
    readonly title: string,
    readonly problems: Problems,
  ) {
    super(problems.map((p) => `${p.name}: ${p.reason}`).join('; '));
  }
}

/** Reads an API request's path or query; anything that does not fit is a 400 problem. */
export function apiParams<T>(schema: ZodType<T>, where: 'path' | 'query'): (req: FastifyRequest) => T {
  return (req) => {
    const parsed = schema.safeParse(where === 'path' ? req.params : (req.query ?? {}));
    if (parsed.success) return parsed.data;
    const problems = parsed.error.issues.map((i) => ({ name: String(i.path[0] ?? i.code), reason: i.message }));
    throw new BadParameters(where === 'path' ? 'Bad path parameter' : 'Bad query parameters', problems);
  };
}

/** An address ending in an id: /…/:id. */
export const idParams = pathParams(z.object({ id: idSchema }));

/** An address from a mailed link: /…/:token. An unknown token is the service's to answer (410 or 404). */
export const tokenParams = pathParams(z.object({ token: z.string() }));

/** A country in an address or query: an EU member's ISO code, either case; read as upper case. */
export const countryParam = z
  .string()
  .transform((c) => c.toUpperCase())
  .refine(isCountry, 'must be the ISO code of an EU member state, e.g. BG');

/** A language in a query: one of the 24 official EU languages. */
export const languageParam = z.string().refine(isLanguage, 'must be one of the 24 EU language codes, e.g. bg');
