import type { ModuleContext, ModuleManifest } from './modules.ts';

/** Runs every module's demo seeds in module order; each seed is safe to run again. */
export async function runDemoSeeds(modules: ModuleManifest[], ctx: ModuleContext): Promise<string[]> {
  const ran: string[] = [];
  for (const m of modules) {
    for (const seed of m.seeds ?? []) {
      await seed.run(ctx);
      ran.push(`${m.name}:${seed.name}`);
    }
  }
  return ran;
}
