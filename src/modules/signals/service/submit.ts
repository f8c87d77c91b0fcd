import type { Actor } from '../../../core/authz.ts';
import { type FormRefusal, tooManyAttempts } from '../../../core/http/forms.ts';
import { hit, type Limit } from '../../../core/http/throttle.ts';
import { translator } from '../../../core/i18n/catalog.ts';
import type { LanguageCode } from '../../../core/i18n/languages.ts';
import { portalLink, queueTranslatedMail } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { announceReport } from './announce.ts';
import { categoryName } from './categories.ts';
import { confirmReport, fileReport, type NewReport, reportPath } from './reports.ts';

/** Mails with a confirmation link one address receives in an hour: enough for a person, too few to flood a stranger's inbox. */
const MAILS_PER_ADDRESS: Limit = { max: 5, windowMs: 3600_000 };

/**
 * Files a report from the form with its photos. Someone signed in publishes it at once, and a
 * category handled by another body is mailed to it; anyone else is mailed the link that publishes it.
 */
export async function submitReport(
  ctx: ModuleContext,
  actor: Actor | null,
  report: NewReport & { photos: string[] },
  lang: LanguageCode,
): Promise<{ ok: true; id: number; confirmed: boolean } | FormRefusal> {
  const { db } = ctx.database;
  const email = report.contact.email;
  if (!actor && email) {
    const limited = await hit(db, `signal-mail:${email.toLowerCase()}`, MAILS_PER_ADDRESS);
    if (!limited.allowed) return tooManyAttempts(limited.retryAfter);
  }
  const filed = await fileReport(ctx, actor, { ...report, language: lang });
  if (report.photos.length)
    await db
      .insertInto('signal_photos')
      .values(report.photos.map((file, position) => ({ signal_id: filed.id, file, position })))
      .execute();
  if (filed.confirmToken && email) {
    await queueTranslatedMail(db, ctx, 'signals.report.mail.confirm', email, lang, {
      category: categoryName(translator(lang), report.category),
      address: report.address ?? `${report.latitude}, ${report.longitude}`,
      link: portalLink(ctx, lang, `/signals/confirm/${filed.confirmToken}`),
    });
    ctx.mail.wake();
  } else if (report.category.destination === 'email') await announceReport(ctx, filed.id);
  return { ok: true, id: filed.id, confirmed: !filed.confirmToken };
}

/** Publishes a report by its mailed link and sends it on where its category says; its path, or undefined for a used link. */
export async function confirmByLink(ctx: ModuleContext, token: string): Promise<string | undefined> {
  const signal = await confirmReport(ctx, token);
  if (!signal) return undefined;
  await announceReport(ctx, signal.id);
  return reportPath(signal.id);
}
