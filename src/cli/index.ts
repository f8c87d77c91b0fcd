import { Command } from 'commander';
import { type Config, ConfigError, loadConfig, prepareDataDir } from '../core/config.ts';
import { type Database, openDatabase } from '../core/db/client.ts';
import { migrateToLatest } from '../core/db/migrate.ts';
import { runDemoSeeds } from '../core/seeds.ts';
import { modules } from '../modules/index.ts';

/** Opens the configured database, brought up to date, for one command. */
async function withDatabase(fn: (config: Config, database: Database, applied: string[]) => Promise<void>): Promise<void> {
  const config = prepareDataDir(loadConfig());
  const database = openDatabase(config.databaseUrl);
  try {
    const { applied } = await migrateToLatest(database.db, modules);
    await fn(config, database, applied);
  } finally {
    await database.close();
  }
}

const program = new Command()
  .name('municipium')
  .description('Municipium, the portal of the municipalities of Europe: administration commands.\n'
    + 'Configuration comes from the environment (DATABASE_URL, DATA_DIR, ...), as for the server.')
  .showHelpAfterError();

program
  .command('migrate')
  .description('bring the database schema up to date (safe to run again)')
  .action(() => withDatabase(async (_config, _database, applied) => {
    console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'The database is up to date.');
  }));

program
  .command('seed-demo')
  .description('fill the portal with demo content (safe to run again)')
  .action(() => withDatabase(async (config, database) => {
    const ran = await runDemoSeeds(modules, { config, database });
    console.log(ran.length ? `Demo content added: ${ran.join(', ')}` : 'No module has demo content yet.');
  }));

try {
  await program.parseAsync(process.argv);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `municipium: ${(err as Error).message}`);
  process.exitCode = 1;
}
