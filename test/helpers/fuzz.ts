import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { TestDatabase } from './db.ts';

export interface Route {
  method: 'GET' | 'POST';
  path: string;
}

/**
 * Every GET and POST route of the app, read from Fastify's own route tree (printRoutes): buildApp
 * adds the routes itself, so a hook registered by a test would come too late to see them.
 */
export function routesOf(app: FastifyInstance): Route[] {
  const routes: Route[] = [];
  const prefix: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[└├]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    prefix.length = depth;
    prefix.push(m[2]!);
    for (const method of (m[3] ?? '').split(', ')) {
      if (method === 'GET' || method === 'POST') routes.push({ method, path: prefix.join('') });
    }
  }
  return routes;
}

/**
 * A hash of every row of every table but those named, per table, to tell whether a request
 * changed anything.
 */
export async function snapshot(database: TestDatabase, except: string[]): Promise<Record<string, string>> {
  const tables = (await database.db.introspection.getTables())
    .map((t) => t.name)
    .filter((n) => !except.includes(n))
    .sort();
  const hashes: Record<string, string> = {};
  for (const table of tables) {
    const rows = await database.db
      // biome-ignore lint/suspicious/noExplicitAny: the table names come from the database itself, not from Tables
      .selectFrom(table as any)
      .selectAll()
      .execute();
    const lines = rows
      .map((r) =>
        JSON.stringify(
          Object.entries(r).sort(([a], [b]) => a.localeCompare(b)),
          (_k, v) => (typeof v === 'bigint' ? String(v) : v),
        ),
      )
      .sort();
    hashes[table] = createHash('sha256').update(lines.join('\n')).digest('hex');
  }
  return hashes;
}

const cursor = (json: string) => Buffer.from(json).toString('base64url');

/** Bad values as they travel in an address: already percent-encoded where that matters. */
export const BAD_VALUES = [
  'a%00b',
  '%00',
  '2147483648',
  '9999999999',
  'NaN',
  '1e308',
  '-1',
  '0',
  'x'.repeat(3000),
  '..%2f..%2fetc%2fpasswd',
  '%ff',
  '%',
  '%C3%9Cn%C3%AFc%C3%B8d%C3%A9%20%E2%9C%93%20%F0%9F%98%80',
  '%E2%80%AE',
  '%20',
  "'%20or%201=1--",
  '%0d%0aX:%201',
];

/** Query parameters the app reads somewhere; each bad value goes into all of them at once. */
const KEYS = [
  'q',
  'page',
  'cursor',
  'limit',
  'country',
  'region',
  'municipality',
  'tag',
  'type',
  'area',
  'language',
  'lang',
  'month',
  'view',
  'before',
  'next',
  'notice',
  'topic',
  'sort',
  'upcoming',
  'registered',
  'when',
  'id',
];

/** Query strings to try on every GET route. */
export const BAD_QUERIES = [
  ...BAD_VALUES.map((v) => KEYS.map((k) => `${k}=${v}`).join('&')),
  KEYS.map((k) => `${k}=a&${k}=b`).join('&'),
  KEYS.map((k) => `${k}[]=x`).join('&'),
  KEYS.map((k) => `${k}[a][b]=x&${k}.c=y`).join('&'),
  'view=month&month=9999-12',
  'view=month&month=0000-01',
  'view=month&month=9999-99',
  'view=month&month=2026-13',
  'page=1e308',
  'page=2147483648',
  'page=-1',
  'page=0x10',
  'limit=1e308',
  'before=2147483648',
  'municipality=2147483648&type=event',
  ...[
    '[NaN,1]',
    '[1e308,1]',
    '[2147483648,1]',
    '[1,2147483648]',
    '[1,1e308]',
    '[1,1.5]',
    '["a\\u0000b",1]',
    '["x",1]',
    '[-1,-1]',
    '{}',
    '[]',
    'null',
  ].flatMap((c) => [`cursor=${cursor(c)}`, `sort=name&cursor=${cursor(c)}`]),
];

/**
 * Body values no form accepts: NUL and other control characters, too long for any field. Bad
 * numbers and plain unicode are not among them: a form may rightly take them as text and save.
 */
export const BAD_FIELD_VALUES = ['a\u0000b', '\u0000', 'a\u0001b', 'x'.repeat(1001)];

export function multipart(fields: Record<string, string>): { payload: string; contentType: string } {
  const boundary = 'fuzz-boundary';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  return { payload: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Bodies that are broken as a whole, whatever the route: [content type, payload]. */
export function brokenBodies(csrf: string): [string, string][] {
  const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
  return [
    ['multipart/form-data', 'x'],
    ['multipart/form-data; boundary=XX', 'x'],
    ['multipart/form-data; boundary=XX', '--XX\r\nContent-Disposition: form-data; name="a"\r\n\r\nunfinished'],
    ['multipart/form-data; boundary=XX', '--XX\r\nno header here\r\n\r\nx\r\n--XX--\r\n'],
    [
      'multipart/form-data; boundary=XX',
      `--XX\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--XX\r\nContent-Disposition: form-data; name="name"\r\nContent-Type: application/json\r\n\r\n{"a":1}\r\n--XX--\r\n`,
    ],
    ['application/json', deep],
    ['application/json', `{"_csrf":"${csrf}","name":${deep}}`],
    ['application/json', `{"_csrf":"${csrf}","name":"${'x'.repeat(100_000)}"}`],
    ['application/json', `{"_csrf":"${csrf}","name":{"a":1},"email":[1,2],"message":null,"__proto__":{"x":1}}`],
    ['application/json', '{"_csrf":'],
    // Undecodable escapes stay as typed (valid text), so they go under keys no form reads.
    ['application/x-www-form-urlencoded', `_csrf=${csrf}&name[]=%ff&%=%&message[]=x&title[a]=y&%ff=1`],
    ['text/plain', 'x'],
  ];
}
