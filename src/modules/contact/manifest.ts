import type { FastifyInstance } from 'fastify';
import type { ModuleContext, ModuleManifest } from '../../core/modules.ts';
import * as tables from './migrations/20261211_01_contact.ts';
import { inboxRoutes } from './routes/inbox.tsx';
import { sendRoutes } from './routes/send.tsx';
import { threadRoutes } from './routes/threads.tsx';
import { topicRoutes } from './routes/topics.tsx';
import { contactPersonalData } from './service/personal.ts';
import { contactDesks, profileContact } from './service/profile.tsx';
import { demoContact } from './service/seeds.ts';
import './schema.ts';

function routes(app: FastifyInstance, ctx: ModuleContext) {
  // The sender writes and reads their threads; the town's staff keep the inbox and the topics.
  sendRoutes(app, ctx);
  threadRoutes(app, ctx);
  inboxRoutes(app, ctx);
  topicRoutes(app, ctx);
}

/** Contacting a town hall: topics routed to departments, a reference per letter, the staff's inbox, the sender's threads. */
export const contact: ModuleManifest = {
  name: 'contact',
  migrations: { '20261211_01_contact': tables },
  routes,
  work: contactDesks,
  // After the directory's and the accounts' seeds: letters belong to towns and people.
  seeds: [demoContact],
  sections: { 'municipality.profile': profileContact },
  personalData: contactPersonalData,
  // Letters, their threads and the counters are shown on no public page.
  privateTables: ['contact_enquiries', 'contact_replies', 'contact_counters'],
};
