import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('..', import.meta.url));
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)'(\.{1,2}\/[^']+)'/g;

/** Where a file of src/ lives: in core, in a module (by name), or elsewhere (cli, main, the module list). */
function placeOf(path: string): { kind: 'core' | 'module' | 'other'; module?: string } {
  const [top, name] = path.split('/');
  if (top === 'core') return { kind: 'core' };
  if (top === 'modules' && name && !name.includes('.')) return { kind: 'module', module: name };
  return { kind: 'other' };
}

/**
 * Why an import breaks the boundaries, or undefined when it keeps them. Paths are relative to
 * src/. A module reaches another module through its index.ts only; core reaches no module (its
 * tests may build the whole portal from the module list).
 */
export function violation(file: string, target: string): string | undefined {
  const from = placeOf(file);
  const to = placeOf(target);
  if (from.kind === 'core' && target.startsWith('modules/')) {
    const buildsPortal = /\.test\.tsx?$/.test(file) && target === 'modules/index.ts';
    return buildsPortal ? undefined : `core imports ${target}`;
  }
  if (to.kind !== 'module') return undefined;
  if (from.module === to.module) return undefined;
  return target === `modules/${to.module}/index.ts` ? undefined : `reaches into ${to.module} past its index.ts`;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(src, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(dir, f));
}

test('the boundary rule tells a module’s public face from its insides', () => {
  assert.equal(violation('modules/content/service.ts', 'modules/municipalities/index.ts'), undefined);
  assert.equal(violation('modules/content/service.ts', 'modules/content/repo.ts'), undefined);
  assert.equal(violation('modules/content/service.ts', 'core/audit.ts'), undefined);
  assert.match(violation('modules/content/service.ts', 'modules/municipalities/service.ts') ?? '', /past its index/);
  assert.match(violation('modules/content/read.test.ts', 'modules/accounts/repo.ts') ?? '', /past its index/);
  assert.match(violation('core/app.ts', 'modules/accounts/index.ts') ?? '', /core imports/);
  assert.match(violation('core/app.ts', 'modules/index.ts') ?? '', /core imports/);
  assert.equal(violation('core/app.test.ts', 'modules/index.ts'), undefined);
  assert.equal(violation('modules/index.ts', 'modules/pages/index.ts'), undefined);
});

test('no module imports another module’s insides, and core imports no module', () => {
  const broken: string[] = [];
  for (const file of [...sourceFiles('core'), ...sourceFiles('modules')]) {
    for (const [, spec] of readFileSync(join(src, file), 'utf8').matchAll(SPECIFIER)) {
      const target = relative(src, normalize(join(src, dirname(file), spec!)));
      const why = violation(file, target);
      if (why) broken.push(`${file} → ${target}: ${why}`);
    }
  }
  assert.deepEqual(broken, []);
});
