import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { type Config, loadConfig, prepareDataDir } from './config.ts';
import { type Database, openDatabase } from './db/client.ts';
import { collectMigrations, migrateToLatest } from './db/migrate.ts';
import type { ModuleManifest } from './modules.ts';
import { runDemoSeeds } from './seeds.ts';

export interface Running {
  app: FastifyInstance;
  database: Database;
  config: Config;
  url: string;
}

/** Opens the database, brings it up to date and starts listening. */
export async function startServer(modules: ModuleManifest[], env: NodeJS.ProcessEnv = process.env): Promise<Running> {
  const config = prepareDataDir(loadConfig(env));
  const database = openDatabase(config.databaseUrl);
  let fresh = false;
  try {
    const { applied } = await migrateToLatest(database.db, modules);
    fresh = applied.length > 0 && applied.length === Object.keys(collectMigrations(modules)).length;
  } catch (err) {
    await database.close();
    throw new Error(`Cannot prepare the database at ${database.location}: ${(err as Error).message}`, { cause: err });
  }
  const app = await buildApp({ config, database, modules, background: true });
  // A new embedded installation shows a living portal; a PostgreSQL one is seeded on purpose only.
  for (const m of modules) await m.onStart?.(app.context);
  if (fresh && database.dialect === 'sqlite') await runDemoSeeds(modules, app.context);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.port === 0 ? `http://localhost:${port}/` : `${config.baseUrl}/`;
  return { app, database, config, url };
}

/** Stops taking requests, lets the ones in flight finish, then closes the database. */
export async function stopServer({ app, database }: Running): Promise<void> {
  await app.close();
  await database.close();
}
