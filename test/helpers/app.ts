import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/core/app.ts';
import { type Config, loadConfig } from '../../src/core/config.ts';
import { modules } from '../../src/modules/index.ts';
import { dbTest, type TestDatabase } from './db.ts';
import { migrated } from './migrated.ts';
import { startSmtp, type TestSmtp } from './smtp.ts';

export function testConfig(database: TestDatabase, env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'municipium-data-')),
    DATABASE_URL: database.url,
    SECRET_KEY: 'test-secret-that-is-long-enough-for-cookies',
    BASE_URL: 'http://portal.test',
    LOG_LEVEL: 'silent',
    ...env,
  });
}

/** The whole portal on a fresh, migrated database, answering in-process requests. */
export async function createTestApp(database: TestDatabase, env: Record<string, string> = {}): Promise<FastifyInstance> {
  await migrated(database);
  return buildApp({ config: testConfig(database, env), database, modules, logger: false });
}

/** Registers the test once per database, with the app built and closed around it. */
export function appTest(
  name: string,
  fn: (app: FastifyInstance, database: TestDatabase) => Promise<void>,
  env: Record<string, string> = {},
): void {
  dbTest(name, async (database) => {
    const app = await createTestApp(database, env);
    try {
      await fn(app, database);
    } finally {
      await app.close();
    }
  });
}

/**
 * Like appTest, with the portal's mail going to a real SMTP server started for the test; looking for
 * a message first delivers what is due, as the outbox's poll would.
 */
export function mailAppTest(
  name: string,
  fn: (c: { app: FastifyInstance; database: TestDatabase; smtp: TestSmtp }) => Promise<void>,
): void {
  dbTest(name, async (database) => {
    const server = await startSmtp();
    const app = await createTestApp(database, { SMTP_URL: server.url });
    try {
      const messageTo = async (to: string, timeoutMs?: number) => {
        await app.context.mail.deliverDue();
        return server.messageTo(to, timeoutMs);
      };
      await fn({ app, database, smtp: { ...server, messageTo } });
    } finally {
      await app.close();
      await server.close();
    }
  });
}

/** Cookies a browser would send back after this response. */
export function cookieHeader(res: LightMyRequestResponse): string {
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Loads a form page and returns what a browser would submit with it: the cookie and the CSRF token. */
export async function formSession(app: FastifyInstance, url: string): Promise<{ cookie: string; csrf: string }> {
  const res = await app.inject({ url });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
  if (!csrf) throw new Error(`no CSRF token on ${url}`);
  return { cookie: cookieHeader(res), csrf };
}

export function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}
