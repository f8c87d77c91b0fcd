import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** A folder served under /static/: the portal's own files, and map libraries from their npm packages (no CDN). */
export interface AssetRoot {
  name: string;
  prefix: string;
  dir: string;
}

const modules = new URL('../../../node_modules/', import.meta.url);

export const assetRoots: AssetRoot[] = [
  { name: 'public', prefix: '/static/', dir: fileURLToPath(new URL('../../../public/', import.meta.url)) },
  { name: 'leaflet', prefix: '/static/vendor/leaflet/', dir: fileURLToPath(new URL('leaflet/dist/', modules)) },
  {
    name: 'leaflet.markercluster',
    prefix: '/static/vendor/leaflet.markercluster/',
    dir: fileURLToPath(new URL('leaflet.markercluster/dist/', modules)),
  },
];

/** Source maps and the libraries' unminified builds are left out: no page uses them. */
export function servedAsset(path: string): boolean {
  return !path.endsWith('.map') && !path.includes('-src.') && !path.endsWith('.br') && !path.endsWith('.gz');
}

/** Text worth compressing; smaller files gain less than the bytes of the header that says so. */
const COMPRESSIBLE = /\.(css|js|mjs|json|svg|txt|html|xml)$/;
export const COMPRESSION_THRESHOLD = 1024;

function filesOf(dir: string, under = ''): string[] {
  return readdirSync(join(dir, under), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? filesOf(dir, join(under, e.name)) : [join(under, e.name)]))
    .filter(servedAsset);
}

let version: string | undefined;

/**
 * A hash of every served file: it goes into asset URLs (`?v=`), so a browser may keep them for a
 * year and still gets a new stylesheet or library the moment one changes.
 */
export function assetVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  for (const root of assetRoots) {
    for (const file of filesOf(root.dir)) hash.update(`${root.name}/${file}\0`).update(readFileSync(join(root.dir, file)));
  }
  version = hash.digest('hex').slice(0, 10);
  return version;
}

/**
 * Copies the assets, with Brotli and gzip versions of the compressible ones at their best (slow)
 * settings, once per asset version into the first cache folder that can be written. Returns that
 * version's folder, holding one folder per root, or undefined when none could be written (files are
 * then sent from where they are, as they are).
 */
export function precompressAssets(cacheDirs: string[]): string | undefined {
  const v = assetVersion();
  for (const cacheDir of cacheDirs) {
    const target = join(cacheDir, v);
    try {
      if (!statSync(join(target, 'complete'), { throwIfNoEntry: false })) build(target);
      const now = new Date();
      utimesSync(target, now, now);
      forgetOldVersions(cacheDir, v);
      return target;
    } catch {
      // Not writable (a read-only install): try the next folder.
    }
  }
  return undefined;
}

/** Built aside and renamed into place, so that processes starting together never see half a folder. */
function build(target: string): void {
  const building = `${target}.${process.pid}.${Date.now()}`;
  for (const root of assetRoots) compressRoot(root, join(building, root.name));
  writeFileSync(join(building, 'complete'), '');
  try {
    renameSync(building, target);
  } catch {
    // Another process was quicker: its folder holds the same files.
    rmSync(building, { recursive: true, force: true });
  }
}

/** A version no process has started with for a week is removed: its files were replaced long since. */
function forgetOldVersions(cacheDir: string, current: string): void {
  const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name);
    if (name !== current && statSync(path).mtimeMs < weekAgo) rmSync(path, { recursive: true, force: true });
  }
}

function compressRoot(root: AssetRoot, into: string): void {
  for (const file of filesOf(root.dir)) {
    const source = join(root.dir, file);
    const { mtime } = statSync(source);
    const body = readFileSync(source);
    const copies: [string, Buffer][] = [['', body]];
    if (COMPRESSIBLE.test(file) && body.length >= COMPRESSION_THRESHOLD) {
      const size = body.length;
      copies.push([
        '.br',
        brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: size } }),
      ]);
      copies.push(['.gz', gzipSync(body, { level: 9 })]);
    }
    mkdirSync(dirname(join(into, file)), { recursive: true });
    for (const [ext, data] of copies) {
      if (ext && data.length >= body.length) continue;
      writeFileSync(join(into, file + ext), data);
      // Every copy keeps its source's date: Last-Modified and ETag stay what they were.
      utimesSync(join(into, file + ext), mtime, mtime);
    }
  }
}
