import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;

export interface Portal {
  child: ChildProcess;
  base: string;
  /** Milliseconds from spawning the process to its "running at" line. */
  startMs: number;
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
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', ...env },
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d) => {
      out += d;
      const m = /running at http:\/\/localhost:(\d+)\//.exec(out);
      if (m) resolve({ child, base: `http://127.0.0.1:${m[1]}`, startMs: performance.now() - started });
    });
    child.on('exit', (code) => reject(new Error(`the portal exited with ${code}:\n${out}`)));
  });
}

/** A process's resident memory in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}
