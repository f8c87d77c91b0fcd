import { deflateRawSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../src/core/authz.ts';
import { insertUser } from '../src/modules/accounts/repo.ts';
import { SESSION_COOKIE } from '../src/modules/accounts/routes/session.ts';
import { hashPassword } from '../src/modules/accounts/service/passwords.ts';
import { grantRole } from '../src/modules/accounts/service/roles.ts';
import { startSession } from '../src/modules/accounts/service/sessions.ts';
import { TERMS_VERSION } from '../src/modules/pages/index.ts';
import type { TestDatabase } from './helpers/db.ts';

export const PASSWORD = 'Lipica horses run at dawn';
let hashed: Promise<string> | undefined;
let counter = 0;

export interface TestPerson {
  id: number;
  email: string;
  name: string;
  /** A Cookie header that signs this person in. */
  cookie: string;
}

/** A confirmed account (unless said otherwise) with the given roles, signed in. */
export async function person(
  database: TestDatabase,
  options: {
    roles?: [Role, number | null][];
    confirmed?: boolean;
    name?: string;
    email?: string;
    language?: string;
  } = {},
): Promise<TestPerson> {
  counter += 1;
  const email = options.email ?? `person${counter}-${Date.now()}@example.eu`;
  const name = options.name ?? `Person ${counter}`;
  hashed ??= hashPassword(PASSWORD);
  const now = new Date().toISOString();
  const id = await insertUser(database.db, {
    name,
    email,
    password_hash: await hashed,
    language: options.language ?? 'en',
    email_confirmed_at: options.confirmed === false ? null : now,
    terms_accepted_at: now,
    terms_version: TERMS_VERSION,
    created_at: now,
  });
  for (const [role, scopeId] of options.roles ?? []) await grantRole(database.db, id, role, scopeId, null);
  const token = await startSession(database.db, id, { ip: '127.0.0.1', userAgent: 'test' });
  return { id, email, name, cookie: `${SESSION_COOKIE}=${token}` };
}

/** Loads a form page as this person and returns the cookie and CSRF token to post it with. */
export async function formAs(app: FastifyInstance, url: string, who?: TestPerson): Promise<{ cookie: string; csrf: string }> {
  const res = await app.inject({ url, headers: who ? { cookie: who.cookie } : {} });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
  if (!csrf) throw new Error(`no form on ${url} (${res.statusCode})`);
  const set = res.cookies.map((c) => `${c.name}=${c.value}`);
  return { cookie: [who?.cookie, ...set].filter(Boolean).join('; '), csrf };
}

/** Posts a form as a browser would, after loading the page it is on; a list is a repeated field (checkboxes). */
export async function submit(
  app: FastifyInstance,
  pageUrl: string,
  fields: Record<string, string | string[]>,
  who?: TestPerson,
  action = pageUrl,
) {
  const { cookie, csrf } = await formAs(app, pageUrl, who);
  const body = new URLSearchParams({ _csrf: csrf });
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return app.inject({
    method: 'POST',
    url: action,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}

/** A file a test sends with a form. */
export interface TestFile {
  name: string;
  data: Buffer;
  type?: string;
}

/** A small PDF: enough for the portal to read its type from its content. */
export const SAMPLE_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Sends a form with files as multipart/form-data, as a browser sends a form that has a file field. */
export async function submitFiles(
  app: FastifyInstance,
  pageUrl: string,
  fields: Record<string, string>,
  files: Record<string, TestFile>,
  who?: TestPerson,
  action = pageUrl,
) {
  const { cookie, csrf } = await formAs(app, pageUrl, who);
  const boundary = '----municipium-test-form';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries({ _csrf: csrf, ...fields }))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const [k, f] of Object.entries(files)) {
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${f.name}"\r\n`;
    parts.push(Buffer.from(`${head}Content-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`), f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return app.inject({
    method: 'POST',
    url: action,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(parts),
  });
}

/** The session cookie a response set, as a Cookie header. */
export function sessionFrom(res: { cookies: { name: string; value: string }[] }): string {
  const c = res.cookies.find((x) => x.name === SESSION_COOKIE);
  if (!c) throw new Error('no session cookie was set');
  return `${SESSION_COOKIE}=${c.value}`;
}

/** A ZIP written by hand; `declared` overrides the uncompressed size its directory states (a bomb lies). */
export function zip(entries: { name: string; data: Buffer; declared?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.declared ?? e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(e.declared ?? e.data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    central.push(dir, name);
    offset += 30 + name.length + packed.length;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

/** An organisation (an NGO), by name, with its address made from the name. */
export async function organisation(database: TestDatabase, name: string): Promise<{ id: number; slug: string }> {
  const slug = name.toLowerCase().replace(/\s+/g, '-');
  const at = new Date().toISOString();
  const row = await database.db
    .insertInto('organisations')
    .values({ name, slug, kind: 'ngo', website: null, description: null, created_by: null, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, slug };
}
