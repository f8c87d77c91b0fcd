// Compiles src/ to plain JavaScript in dist/, file by file, so that `npm start` runs without a
// TypeScript loader. dist/ mirrors src/ at the same depth, so every path a module finds from its own
// place (public/, node_modules/, the catalogs beside it) resolves the same from either folder.
//   node scripts/build.mjs             builds
//   node scripts/build.mjs --if-stale  builds only when dist/ is missing or older than src/
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
export const dist = join(root, 'dist');
const stamp = join(dist, '.sources');
// A change to these rebuilds as well: they decide what the output is.
const inputs = [fileURLToPath(import.meta.url), join(root, 'tsconfig.json')];

/** The files under src/ that the running portal needs: sources and the data beside them, not tests. */
function sourceFiles() {
  return readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !/\.test\.tsx?$/.test(d.name))
    .map((d) => join(d.parentPath ?? d.path, d.name).slice(src.length + 1))
    .sort();
}

/** Whether dist/ was built from the sources as they are now: the same files, none changed since. */
export function isFresh() {
  if (!existsSync(stamp)) return false;
  const files = sourceFiles();
  if (readFileSync(stamp, 'utf8') !== files.join('\n')) return false;
  const built = statSync(stamp).mtimeMs;
  return [...files.map((f) => join(src, f)), ...inputs].every((f) => statSync(f).mtimeMs <= built);
}

// esbuild prints every import as `from "…"`, `import "…"` or `import("…")`: only those are rewritten.
const tsImport = /(\bfrom |\bimport |\bimport\()"(\.\.?\/[^"\n]*)\.tsx?"/g;

/** Builds dist/ afresh, in a folder of its own first so that a running portal never sees half of it. */
export async function build() {
  const { build: esbuild } = await import('esbuild');
  // Stamped with the time it started: a source saved while it runs makes the next start build again.
  const started = new Date();
  const files = sourceFiles();
  const out = `${dist}.tmp-${process.pid}`;
  rmSync(out, { recursive: true, force: true });
  const result = await esbuild({
    absWorkingDir: root,
    entryPoints: files.filter((f) => /\.tsx?$/.test(f)).map((f) => join(src, f)),
    outbase: src,
    outdir: out,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    write: false,
    logLevel: 'warning',
  });
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.text.replace(tsImport, '$1"$2.js"'));
  }
  for (const f of files.filter((f) => !/\.tsx?$/.test(f))) {
    mkdirSync(dirname(join(out, f)), { recursive: true });
    copyFileSync(join(src, f), join(out, f));
  }
  writeFileSync(join(out, '.sources'), files.join('\n'));
  utimesSync(join(out, '.sources'), started, started);
  const old = `${dist}.old-${process.pid}`;
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(out, dist);
  rmSync(old, { recursive: true, force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale') && isFresh()) process.exit(0);
  const started = Date.now();
  await build();
  console.log(`Built dist/ from src/ in ${Date.now() - started} ms`);
}
