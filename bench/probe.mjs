// Loaded into the portal by npm run bench:memory (node --import): on SIGUSR2 the process appends
// its memory figures, as a JSON line, to the file named by MEMORY_PROBE_FILE.
import { appendFileSync } from 'node:fs';

const file = process.env.MEMORY_PROBE_FILE;
if (file) process.on('SIGUSR2', () => appendFileSync(file, `${JSON.stringify(process.memoryUsage())}\n`));
