// The first start's one-off work (importing the places, the demo content), run by the server in a
// process of its own (see startServer), so that what it allocates goes when it is done.
import { prepareData } from './core/server.ts';
import { modules } from './modules/index.ts';

try {
  await prepareData(modules, process.argv.includes('--demo'));
} catch (err) {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
}
