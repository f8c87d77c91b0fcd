// The load generator and the baseline server of the page bench: wrk against nginx where both are
// installed, otherwise autocannon against bench/static-server.mjs. Both send 32 connections.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';

const CONNECTIONS = 32;
const root = new URL('..', import.meta.url).pathname;

export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  /** Answers outside 2xx/3xx and socket errors, timeouts among them. */
  errors: number;
  /** Requests unanswered after 2 s (wrk's default) or 10 s (autocannon's). */
  timeouts: number;
}

/** A file the baseline serves: the bytes the portal sent, with its content type. */
export interface StaticFile {
  body: Buffer;
  type: string;
}

export interface Baseline {
  kind: 'nginx' | 'node';
  /** The address of the i-th file given to startBaseline. */
  url: (i: number) => string;
  stop: () => Promise<void>;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The program's path on PATH or in the sbin folders (nginx is there, outside a normal user's PATH). */
const which = (name: string) =>
  [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin']
    .filter(Boolean)
    .map((dir) => join(dir, name))
    .find(executable);

const WRK = which('wrk');
const NGINX = which('nginx');
/** wrk and nginx, or autocannon and the Node static server when either is missing (or BENCH_BASELINE=node). */
export const tools = WRK && NGINX && process.env.BENCH_BASELINE !== 'node' ? 'wrk' : 'autocannon';

const MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const ms = (value: string, unit: string) => Number(value) * MS[unit]!;

/** Reads wrk's report (with --latency): requests per second, p50 and p99, and every kind of error. */
export function parseWrk(out: string): Figures {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out);
  const p50 = /^\s+50%\s+([\d.]+)(us|ms|s|m|h)\s*$/m.exec(out);
  const p99 = /^\s+99%\s+([\d.]+)(us|ms|s|m|h)\s*$/m.exec(out);
  if (!rps || !p50 || !p99) throw new Error(`wrk said:\n${out}`);
  const sockets = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  const errors = (sockets?.slice(1) ?? []).reduce((sum, n) => sum + Number(n), Number(non2xx?.[1] ?? 0));
  const timeouts = Number(sockets?.[4] ?? 0);
  return { rps: Number(rps[1]), p50: ms(p50[1]!, p50[2]!), p99: ms(p99[1]!, p99[2]!), errors, timeouts };
}

/** A wrk script that asks for the next of `paths` on every request, round and round. */
function wrkScript(paths: string[]): { script: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'municipium-wrk-'));
  writeFileSync(join(dir, 'paths'), `${paths.join('\n')}\n`);
  const lua = [
    'local paths, i = {}, 0',
    `for line in io.lines("${join(dir, 'paths')}") do paths[#paths + 1] = line end`,
    'request = function() i = i % #paths + 1; return wrk.format(nil, paths[i]) end',
  ];
  writeFileSync(join(dir, 'paths.lua'), lua.join('\n'));
  return { script: join(dir, 'paths.lua'), dir };
}

/**
 * Loads `url` for `seconds` with 32 connections; `cookie` is sent with every request. With `paths`,
 * each request asks for the next of them on the same server instead (a new search each time).
 */
export async function load(url: string, seconds: number, cookie?: string, paths?: string[]): Promise<Figures> {
  if (tools === 'wrk') {
    const varied = paths?.length ? wrkScript(paths) : undefined;
    const args = ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', ...(cookie ? ['-H', `Cookie: ${cookie}`] : [])];
    try {
      const { stdout } = await promisify(execFile)(WRK!, [...args, ...(varied ? ['-s', varied.script] : []), url]);
      return parseWrk(stdout);
    } finally {
      if (varied) rmSync(varied.dir, { recursive: true, force: true });
    }
  }
  let i = 0;
  const next = (req: object) => ({ ...req, path: paths![i++ % paths!.length] });
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: cookie ? { cookie } : {},
    ...(paths?.length ? { requests: [{ setupRequest: next }] } : {}),
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx, timeouts: r.timeouts };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Waits until `url` answers, or the process serving it has ended. */
async function answering(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100 && child.exitCode === null; i++) {
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing answers at ${url}`);
}

function stopper(child: ChildProcess, dir: string): () => Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
}

/**
 * nginx with one worker, no access log and sendfile, serving each file at /f<i> with its own
 * content type, as a fast static server does: the ceiling for the same bytes on this machine.
 */
async function startNginx(files: StaticFile[]): Promise<Baseline> {
  const dir = mkdtempSync(join(tmpdir(), 'municipium-nginx-'));
  // nginx's worker may run as another user than its master: it must be able to read the files.
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'www'), { mode: 0o755 });
  const locations = files.map((f, i) => {
    writeFileSync(join(dir, 'www', `f${i}`), f.body, { mode: 0o644 });
    return `location = /f${i} { default_type "${f.type}"; }`;
  });
  const port = await freePort();
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/${t};`);
  const conf = [
    `worker_processes 1; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;`,
    'events { worker_connections 1024; }',
    `http { access_log off; sendfile on; ${temp.join(' ')}`,
    `  server { listen 127.0.0.1:${port}; root ${dir}/www; ${locations.join(' ')} } }`,
  ];
  writeFileSync(join(dir, 'nginx.conf'), conf.join('\n'));
  const child = spawn(NGINX!, ['-p', dir, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`], { stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  const stop = stopper(child, dir);
  await answering(`${base}/f0`, child).catch(async (err) => {
    await stop();
    throw err;
  });
  return { kind: 'nginx', url: (i) => `${base}/f${i}`, stop };
}

/** A bare node:http server per file, the baseline where nginx is missing. */
async function startNode(files: StaticFile[]): Promise<Baseline> {
  const dir = mkdtempSync(join(tmpdir(), 'municipium-static-'));
  const servers = await Promise.all(
    files.map((f, i) => {
      const file = join(dir, `f${i}`);
      writeFileSync(file, f.body);
      const child = spawn(process.execPath, ['bench/static-server.mjs', file, f.type], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
      return new Promise<{ child: ChildProcess; url: string }>((resolve, reject) => {
        child.stdout?.once('data', (d) => resolve({ child, url: `http://127.0.0.1:${/listening (\d+)/.exec(String(d))?.[1]}/` }));
        child.once('exit', (code) => reject(new Error(`bench/static-server.mjs exited with ${code}`)));
      });
    }),
  );
  const stops = servers.map((s) => stopper(s.child, dir));
  return { kind: 'node', url: (i) => servers[i]!.url, stop: async () => void (await Promise.all(stops.map((s) => s()))) };
}

export const startBaseline = (files: StaticFile[]): Promise<Baseline> => (tools === 'wrk' ? startNginx(files) : startNode(files));
