import { transaction } from '../../../core/db/client.ts';
import { portalLink, queueTranslatedMail } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { municipalityById } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import type { Enquiry } from '../schema.ts';
import { accountThreadPath, inboxPath, keyThreadPath, referenceOf } from './links.ts';
import { departmentAddresses } from './topics.ts';

/** Where the sender reads their thread: their account when they sent it signed in, else the link with its key. */
export const senderThreadLink = (ctx: ModuleContext, e: Pick<Enquiry, 'id' | 'author_id' | 'reference' | 'language'>) =>
  portalLink(ctx, e.language, e.author_id && e.reference ? accountThreadPath(e.reference) : keyThreadPath(ctx, e.id));

/**
 * An enquiry reaches the town: it draws its reference, the department is mailed it, the sender a
 * copy with the reference. The reference, or undefined when it had already been sent on.
 */
export async function announce(ctx: ModuleContext, id: number): Promise<string | undefined> {
  const { db } = ctx.database;
  const enquiry = await repo.enquiryById(db, id);
  const town = enquiry && (await municipalityById(db, enquiry.municipality_id));
  if (!enquiry || !town || enquiry.confirmed) return undefined;
  const topic = enquiry.topic_id ? await repo.topicIn(db, town.id, enquiry.topic_id) : undefined;
  const to = await departmentAddresses(ctx, town, topic);
  return transaction(db, async (trx) => {
    const reference = referenceOf(town, new Date().getUTCFullYear(), await repo.nextNumber(trx, town.id, new Date().getUTCFullYear()));
    const done = await repo.markConfirmed(trx, id, reference);
    if (!Number(done.numUpdatedRows)) return undefined;
    const values = { reference, town: town.name, topic: enquiry.topic_name, message: enquiry.body };
    await queueTranslatedMail(trx, ctx, 'townContact.mail.copy', enquiry.email, enquiry.language, {
      ...values,
      link: senderThreadLink(ctx, { ...enquiry, reference }),
    });
    for (const d of to)
      await queueTranslatedMail(trx, ctx, 'townContact.mail.department', d.email, d.language ?? enquiry.language, {
        ...values,
        name: enquiry.name,
        email: enquiry.email,
        phone: enquiry.phone ?? '-',
        link: portalLink(ctx, d.language ?? enquiry.language, `${inboxPath(town)}/${id}`),
      });
    return reference;
  });
}
