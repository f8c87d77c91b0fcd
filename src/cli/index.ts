import { Command } from 'commander';
import { ConfigError, loadConfig, prepareDataDir } from '../core/config.ts';
import { openDatabase } from '../core/db/client.ts';
import { migrateToLatest } from '../core/db/migrate.ts';
import { MailSender } from '../core/mail/sender.ts';
import { type ModuleContext, moduleContext } from '../core/modules.ts';
import { runDemoSeeds } from '../core/seeds.ts';
import { modules } from '../modules/index.ts';

/** Opens the configured database, brought up to date, for one command. */
async function withDatabase(fn: (ctx: ModuleContext, applied: string[]) => Promise<void>): Promise<void> {
  const config = prepareDataDir(loadConfig());
  const database = openDatabase(config.databaseUrl);
  const mail = new MailSender(database, config);
  try {
    const { applied } = await migrateToLatest(database.db, modules);
    await fn(moduleContext(config, database, mail, modules), applied);
    // Mail a command queued goes out now where it can; the server's worker retries what fails.
    await mail.deliverDue().catch(() => 0);
  } finally {
    await mail.stop();
    await database.close();
  }
}

const program = new Command()
  .name('municipium')
  .description(
    'Municipium, the portal of the municipalities of Europe: administration commands.\n' +
      'Configuration comes from the environment (DATABASE_URL, DATA_DIR, ...), as for the server.',
  )
  .showHelpAfterError();

program
  .command('migrate')
  .description('bring the database schema up to date (safe to run again)')
  .action(() =>
    withDatabase(async (_ctx, applied) => {
      console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'The database is up to date.');
    }),
  );

program
  .command('seed-demo')
  .description('fill the portal with demo content (safe to run again)')
  .action(() =>
    withDatabase(async (ctx) => {
      const ran = await runDemoSeeds(modules, ctx);
      console.log(ran.length ? `Demo content added: ${ran.join(', ')}` : 'No module has demo content yet.');
    }),
  );

for (const command of modules.flatMap((m) => m.commands ?? [])) {
  const c = program.command(command.name).description(command.description);
  for (const o of command.options ?? []) {
    if (o.required) c.requiredOption(o.flags, o.description, o.default);
    else c.option(o.flags, o.description, o.default);
  }
  const positional = command.arguments ?? [];
  for (const a of positional) c.argument(`<${a.name}>`, a.description);
  c.action((...args: unknown[]) => {
    // Commander passes the arguments first, then the options.
    const named = Object.fromEntries(positional.map((a, i) => [a.name, args[i] as string]));
    const options = { ...(args[positional.length] as Record<string, string>), ...named };
    return withDatabase(async (ctx) => console.log(await command.run(ctx, options)));
  });
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `municipium: ${(err as Error).message}`);
  process.exitCode = 1;
}
