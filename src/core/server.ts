import { spawn } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { type Config, loadConfig, prepareDataDir } from './config.ts';
import { type Database, openDatabase } from './db/client.ts';
import { collectMigrations, migrateToLatest } from './db/migrate.ts';
import { MailSender } from './mail/sender.ts';
import { type ModuleManifest, moduleContext } from './modules.ts';
import { runDemoSeeds } from './seeds.ts';

export interface Running {
  app: FastifyInstance;
  database: Database;
  config: Config;
  url: string;
}

export interface StartOptions {
  /**
   * A script that runs prepareData() for these modules. Given, a start that applied migrations (a new
   * installation or an upgrade) runs the modules' start-up work and the demo seeds in a process of
   * its own: importing the places and drawing the demo's pictures take more than 100 MB, which the
   * server would otherwise keep for as long as it runs.
   */
  prepareScript?: string;
}

/** Opens the database, brings it up to date and starts listening. */
export async function startServer(
  modules: ModuleManifest[],
  env: NodeJS.ProcessEnv = process.env,
  options: StartOptions = {},
): Promise<Running> {
  const config = prepareDataDir(loadConfig(env));
  const database = openDatabase(config.databaseUrl);
  let applied: string[];
  try {
    ({ applied } = await migrateToLatest(database.db, modules));
  } catch (err) {
    await database.close();
    throw new Error(`Cannot prepare the database at ${database.location}: ${(err as Error).message}`, { cause: err });
  }
  const fresh = applied.length > 0 && applied.length === Object.keys(collectMigrations(modules)).length;
  // A new embedded installation shows a living portal; a PostgreSQL one is seeded on purpose only.
  const demo = fresh && database.dialect === 'sqlite';
  const pending = applied.length > 0 || (await startWorkPending(modules, database));
  const apart = options.prepareScript && pending && database.location !== ':memory:';
  const prepared = apart ? inChild(options.prepareScript!, demo, env) : undefined;
  prepared?.catch(() => {});
  const app = await buildApp({ config, database, modules, background: true });
  try {
    if (prepared) await prepared;
    else {
      for (const m of modules) await m.onStart?.(app.context);
      if (demo) await runDemoSeeds(modules, app.context);
    }
  } catch (err) {
    await stopServer({ app, database, config, url: '' });
    throw err;
  }
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.port === 0 ? `http://localhost:${port}/` : `${config.baseUrl}/`;
  return { app, database, config, url };
}

async function startWorkPending(modules: ModuleManifest[], database: Database): Promise<boolean> {
  for (const m of modules) if (await m.startWorkPending?.(database)) return true;
  return false;
}

/** Runs the prepare script with this process's Node.js options (a TypeScript loader, V8 flags). */
function inChild(script: string, demo: boolean, env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, [...process.execArgv, script, ...(demo ? ['--demo'] : [])], {
    env,
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (d) => {
    errors += d;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`Cannot prepare the database: ${errors.trim() || `exit code ${code}`}`)),
    );
  });
}

/** The modules' start-up work, and the demo seeds when `demo`, on the configured database. */
export async function prepareData(modules: ModuleManifest[], demo: boolean, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = prepareDataDir(loadConfig(env));
  const database = openDatabase(config.databaseUrl);
  const mail = new MailSender(database, config);
  try {
    const ctx = moduleContext(config, database, mail, modules);
    for (const m of modules) await m.onStart?.(ctx);
    if (demo) await runDemoSeeds(modules, ctx);
  } finally {
    await mail.stop();
    await database.close();
  }
}

/** Stops taking requests, lets the ones in flight finish, then closes the database. */
export async function stopServer({ app, database }: Running): Promise<void> {
  await app.close();
  await database.close();
}
