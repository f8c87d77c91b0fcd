import { Command } from 'commander';
import { ConfigError, loadConfig, prepareDataDir } from '../core/config.ts';
import { openDatabase } from '../core/db/client.ts';
import { migrateToLatest } from '../core/db/migrate.ts';
import { modules } from '../modules/index.ts';

const program = new Command()
  .name('municipium')
  .description('Municipium, the portal of the municipalities of Europe: administration commands.\n'
    + 'Configuration comes from the environment (DATABASE_URL, DATA_DIR, ...), as for the server.')
  .showHelpAfterError();

program
  .command('migrate')
  .description('bring the database schema up to date (safe to run again)')
  .action(async () => {
    const config = prepareDataDir(loadConfig());
    const database = openDatabase(config.databaseUrl);
    try {
      const { applied } = await migrateToLatest(database.db, modules);
      console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'The database is up to date.');
    } finally {
      await database.close();
    }
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `municipium: ${(err as Error).message}`);
  process.exitCode = 1;
}
