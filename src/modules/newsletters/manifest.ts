import type { ModuleManifest } from '../../core/modules.ts';
import * as tables from './migrations/20261130_03_newsletters.ts';
import { deskRoutes } from './routes/desk.tsx';
import { publicRoutes } from './routes/public.tsx';
import { sendDue } from './service/issues.ts';
import { eraseSubscriptions, recordBounce, subscriptionsFor } from './service/subscriptions.ts';
import { newsletterDesks, profileNewsletter } from './service/work.tsx';
import './schema.ts';

/** Newsletters of the platform, of each municipality and of each network, with double opt-in and one-click leaving. */
export const newsletters: ModuleManifest = {
  name: 'newsletters',
  privateTables: ['newsletter_subscriptions'],
  migrations: { '20261130_03_newsletters': tables },
  routes: (app, ctx) => {
    publicRoutes(app, ctx);
    deskRoutes(app, ctx);
  },
  nav: [{ label: 'newsletters.footer', path: '/newsletters/platform', order: 950, footer: true }],
  sections: { 'municipality.profile': profileNewsletter },
  work: newsletterDesks,
  jobs: [{ name: 'send newsletters', everyMs: 10_000, run: async (ctx) => void (await sendDue(ctx)) }],
  bounces: async ({ address, reason }, ctx) => void (await recordBounce(ctx, address, reason)),
  commands: [
    {
      name: 'newsletters-bounce',
      description: 'record that an address refused mail for good (e.g. from a bounce report): no newsletter mails it again',
      options: [
        { flags: '--email <address>', description: 'the address that bounced', required: true },
        { flags: '--reason <text>', description: 'what the receiving server said', default: 'reported bounce' },
      ],
      run: async (ctx, { email, reason }) => `${await recordBounce(ctx, email!, reason ?? 'reported bounce')} subscriptions stopped`,
    },
  ],
  personalData: {
    export: async (person, ctx) => ({ newsletterSubscriptions: await subscriptionsFor(ctx, person) }),
    erase: (person, ctx) => eraseSubscriptions(ctx, person),
  },
};
