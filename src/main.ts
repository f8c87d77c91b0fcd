import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyBaseLogger } from 'fastify';
import { ConfigError } from './core/config.ts';
import { startServer, stopServer } from './core/server.ts';
import { modules } from './modules/index.ts';

// prepare.ts beside this file, or prepare.js in the built output.
const prepareScript = fileURLToPath(new URL(`./prepare${extname(import.meta.url)}`, import.meta.url));

try {
  const running = await startServer(modules, process.env, { prepareScript });
  running.app.log.info({ database: running.database.dialect, location: running.database.location }, 'database ready');
  // Log lines are written in batches: the start-up ones go out before the banner.
  (running.app.log as FastifyBaseLogger & { flush?: () => void }).flush?.();
  const notes = (await Promise.all(modules.map((m) => m.startupNotes?.(running.app.context) ?? []))).flat();
  process.stdout.write(
    `\n  Municipium is running at ${running.url}\n  Database: ${running.database.dialect} (${running.database.location})\n${notes.map((n) => `  ${n}\n`).join('')}\n`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.app.log.info({ signal }, 'shutting down: finishing requests in flight');
    stopServer(running).then(
      () => process.exit(0),
      (err: unknown) => {
        running.app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (err) {
  const message = err instanceof ConfigError ? err.message : `Municipium could not start: ${(err as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
