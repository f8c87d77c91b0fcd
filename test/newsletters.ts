import type { FastifyInstance } from 'fastify';
import { sampleTowns } from './content.ts';
import { createTestApp } from './helpers/app.ts';
import { dbTest, type TestDatabase } from './helpers/db.ts';
import { startSmtp, type TestSmtp } from './helpers/smtp.ts';

type Towns = Awaited<ReturnType<typeof sampleTowns>>;
export interface NewsletterSetup {
  app: FastifyInstance;
  database: TestDatabase;
  smtp: TestSmtp;
  towns: Towns;
  /** Stara Zagora's newsletter page. */
  page: string;
}

/** The portal with the sample towns, mail going to a real SMTP server that refuses gone@example.eu. */
export function newsletterTest(name: string, fn: (s: NewsletterSetup) => Promise<void>) {
  dbTest(name, async (database) => {
    const smtp = await startSmtp(0, { refuse: ['gone@example.eu'] });
    const app = await createTestApp(database, { SMTP_URL: smtp.url });
    try {
      const towns = await sampleTowns(database);
      await fn({ app, database, smtp, towns, page: `/en/newsletters/municipality-${towns.staraZagora}` });
    } finally {
      await app.close();
      await smtp.close();
    }
  });
}

export const subscriptions = (database: TestDatabase) =>
  database.db.selectFrom('newsletter_subscriptions').select(['list', 'email', 'status', 'topics']).orderBy('id').execute();
