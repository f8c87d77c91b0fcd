import { type ChildProcess, spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;

/** The portal in production mode on a free port, as `npm start` runs it; `env` adds to and overrides the defaults. */
export function startPortal(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', ...env },
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d) => {
      out += d;
      const m = /running at http:\/\/localhost:(\d+)\//.exec(out);
      if (m) resolve({ child, base: `http://127.0.0.1:${m[1]}` });
    });
    child.on('exit', (code) => reject(new Error(`the portal exited with ${code}:\n${out}`)));
  });
}
