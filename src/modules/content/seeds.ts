import type { DemoSeed } from '../../core/modules.ts';

export const demoContent: DemoSeed = { name: 'content', run: async () => {} };
