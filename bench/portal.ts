import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/core/db/client.ts';
import { SESSION_COOKIE } from '../src/modules/accounts/routes/session.ts';
import { startSession } from '../src/modules/accounts/service/sessions.ts';

const root = new URL('..', import.meta.url).pathname;

/** The settings of a production portal, with the rate limit off so that the load is served, not refused. */
export const PRODUCTION = { NODE_ENV: 'production', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' };

export interface Portal {
  child: ChildProcess;
  base: string;
  /** Milliseconds from spawning the process to its "running at" line. */
  startMs: number;
  /** Stops the portal and waits until it has let go of its database. */
  stop: () => Promise<void>;
}

/** `npm start`'s command without `node`: its Node.js options and the built entry point. */
function startArgs(): string[] {
  const { scripts } = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: Record<string, string> };
  const [node, ...args] = scripts.start!.split(' ');
  if (node !== 'node') throw new Error(`npm start runs "${scripts.start}", not node`);
  return args;
}

/** Builds dist/ when the sources are newer, as `npm start` does first. */
export function buildIfStale(): void {
  const res = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('the build failed');
}

/**
 * The portal in production mode on a free port, as `npm start` runs it (built first when stale), or
 * from the sources through the TypeScript loader with `source: true`; `env` adds to and overrides the defaults.
 */
export function startPortal(env: Record<string, string>, { source = false } = {}): Promise<Portal> {
  if (!source) buildIfStale();
  const args = source ? ['--import', 'tsx', 'src/main.ts'] : startArgs();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...PRODUCTION, PORT: '0', HOST: '127.0.0.1', ...env },
  });
  let stopping = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      // A run that fails on a refused connection should say why the portal went away.
      if (!stopping) console.error(`the portal stopped by itself: ${signal ? `signal ${signal}` : `exit code ${code}`}`);
      resolve();
    }),
  );
  const stop = () => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d) => {
      out += d;
      const m = /running at http:\/\/localhost:(\d+)\//.exec(out);
      if (m) resolve({ child, base: `http://127.0.0.1:${m[1]}`, startMs: performance.now() - started, stop });
    });
    child.on('exit', (code) => reject(new Error(`the portal exited with ${code}:\n${out}`)));
  });
}

/** Runs a `municipium` command with the portal's settings in `env`. */
export function cli(args: string[], env: Record<string, string>): void {
  execFileSync(process.execPath, ['bin/municipium.js', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: 'ignore' });
}

/**
 * The session cookie of a person signed in as a platform administrator: created by the CLI and
 * given a session the way the sign-in gives one. `env` names the portal's DATA_DIR and DATABASE_URL.
 */
export async function signedInCookie(env: Record<string, string>, email = 'bench@example.eu'): Promise<string> {
  cli(['create-admin', '--email', email], env);
  const database = openDatabase(env.DATABASE_URL ?? `sqlite:${join(env.DATA_DIR!, 'municipium.sqlite')}`);
  try {
    const user = await database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    return `${SESSION_COOKIE}=${await startSession(database.db, user.id, { userAgent: 'bench' })}`;
  } finally {
    await database.close();
  }
}

/** Runs fn on a schema of its own in the PostgreSQL database, dropped afterwards. */
export async function onFreshSchema<T>(url: string, fn: (schemaUrl: string) => Promise<T>): Promise<T> {
  const schema = `bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  try {
    const schemaUrl = new URL(url);
    schemaUrl.searchParams.set('options', `-c search_path=${schema}`);
    return await fn(schemaUrl.toString());
  } finally {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

/** A process's resident memory in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}
