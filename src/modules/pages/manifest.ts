import type { ModuleManifest } from '../../core/modules.ts';
import * as contactMessages from './migrations/20261121_01_contact_messages.ts';
import { pagesRoutes } from './routes/pages.tsx';
import { contactMessagesFrom, eraseContactMessagesFrom } from './service/contact.ts';
import { pageSearch } from './service/search.ts';
import './schema.ts';

/** The portal's own pages: home, about, accessibility statement, privacy notice, terms of use and contact. */
export const pages: ModuleManifest = {
  name: 'pages',
  privateTables: ['contact_messages'],
  migrations: { '20261121_01_contact_messages': contactMessages },
  routes: pagesRoutes,
  search: [pageSearch],
  sitemaps: [
    {
      name: 'pages',
      chunks: async () => ['all'],
      paths: async (chunk) =>
        chunk === 'all' ? ['/', '/about', '/accessibility', '/privacy', '/terms', '/contact'].map((path) => ({ path })) : undefined,
    },
  ],
  personalData: {
    export: async ({ email }, { database }) => ({ contactMessages: await contactMessagesFrom(database.db, email) }),
    erase: ({ email }, { database }) => eraseContactMessagesFrom(database.db, email),
  },
};
