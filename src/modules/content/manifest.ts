import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ModuleManifest } from '../../core/modules.ts';
import { contentApi } from './api.ts';
import { contentApiDoc } from './api-doc.ts';
import { deskRoutes } from './desk-routes.tsx';
import { contentFeed, contentSearch, contentSitemap, homeSection, profileSection } from './discovery.tsx';
import { contentMediaDir, IMAGE_NAME } from './images.ts';
import * as tables from './migrations/20261121_05_content.ts';
import { eraseRegistrations, registrationsByEmail } from './registrations.ts';
import { contentRoutes } from './routes.tsx';
import { demoContent } from './seeds.ts';
import './schema.ts';

/** News, events, initiatives and good practices of municipalities and the platform, in every language. */
export const content: ModuleManifest = {
  name: 'content',
  migrations: { '20261121_05_content': tables },
  routes: (app, ctx) => {
    contentRoutes(app, ctx);
    deskRoutes(app, ctx);
    contentApi(app, ctx);
    app.get('/media/content/:file', (req, reply) => {
      const { file } = req.params as { file: string };
      // Only names this module writes: no path can reach outside the folder.
      if (!IMAGE_NAME.test(file)) return reply.callNotFound();
      const path = join(contentMediaDir(ctx), file);
      if (!existsSync(path)) return reply.callNotFound();
      return reply.type('image/webp').header('cache-control', 'public, max-age=31536000, immutable').send(createReadStream(path));
    });
  },
  nav: [
    { label: 'nav.news', path: '/news', order: 20 },
    { label: 'nav.events', path: '/events', order: 30 },
  ],
  search: [contentSearch],
  feeds: [contentFeed],
  sitemaps: [contentSitemap],
  api: contentApiDoc,
  seeds: [demoContent],
  sections: { home: homeSection, 'municipality.profile': profileSection },
  personalData: {
    export: async (person, ctx) => ({ eventRegistrations: await registrationsByEmail(ctx, person.email) }),
    erase: (person, ctx) => eraseRegistrations(ctx, person.email, person.userId),
  },
};
