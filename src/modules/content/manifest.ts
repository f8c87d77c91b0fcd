import { serveMedia } from '../../core/images.ts';
import type { ModuleManifest } from '../../core/modules.ts';
import * as tables from './migrations/20261121_05_content.ts';
import * as searchInline from './migrations/20261121_06_search_inline.ts';
import { contentApi } from './routes/api.ts';
import { contentApiDoc } from './routes/api-doc.ts';
import { deskRoutes } from './routes/desk.tsx';
import { contentRoutes } from './routes/reading.tsx';
import { contentFeed, contentSearch, contentSitemap } from './service/discovery.ts';
import { featuredSection, homeSection } from './service/home.tsx';
import { contentMediaDir, IMAGE_NAME } from './service/images.ts';
import { networkSection, organisationSection, profileSection, projectSection } from './service/profile.tsx';
import { eraseRegistrations, registrationsByEmail } from './service/registrations.ts';
import { demoContent } from './service/seeds.ts';
import { contentDesks } from './service/work.ts';
import './schema.ts';

/** News, events, initiatives and good practices of municipalities, networks and the platform, in every language. */
export const content: ModuleManifest = {
  name: 'content',
  migrations: { '20261121_05_content': tables, '20261121_06_search_inline': searchInline },
  routes: (app, ctx) => {
    contentRoutes(app, ctx);
    deskRoutes(app, ctx);
    contentApi(app, ctx);
    serveMedia(app, '/media/content', () => contentMediaDir(ctx), IMAGE_NAME);
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
  sections: {
    'home.featured': featuredSection,
    home: homeSection,
    'municipality.profile': profileSection,
    'network.page': networkSection,
    'project.page': projectSection,
    'organisation.page': organisationSection,
  },
  work: contentDesks,
  personalData: {
    export: async (person, ctx) => ({ eventRegistrations: await registrationsByEmail(ctx, person.email) }),
    erase: (person, ctx) => eraseRegistrations(ctx, person.email, person.userId),
  },
};
