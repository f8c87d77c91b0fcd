import { translator } from '../../../core/i18n/catalog.ts';
import { isLanguage, type LanguageCode } from '../../../core/i18n/languages.ts';
import { portalLink, queueTranslatedMail } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { municipalityById } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import { categoryName } from './categories.ts';
import { reportPath } from './reports.ts';

/** The first language a town speaks, for mail to the bodies that work with it. */
const townLanguage = (languages: string | null): LanguageCode =>
  languages?.split(',').find((l): l is LanguageCode => isLanguage(l)) ?? 'en';

/**
 * Mails a published report to the body its category sends reports to, when that is not the town's
 * own inbox (its staff read those at their desk). Who reported stays private: the body gets the
 * problem, the place and the report's public page, where the town's answers follow.
 */
export async function announceReport(ctx: ModuleContext, signalId: number): Promise<void> {
  const { db } = ctx.database;
  const signal = await repo.signalById(db, signalId);
  if (signal?.confirmed !== 1 || signal.hidden === 1) return;
  const category = await repo.categoryById(db, signal.category_id);
  if (category?.destination !== 'email' || !category.body_email) return;
  const town = await municipalityById(db, signal.municipality_id);
  const lang = townLanguage(town?.languages ?? null);
  await queueTranslatedMail(db, ctx, 'signals.report.mail.announce', category.body_email, lang, {
    body: category.body_name ?? category.body_email,
    town: town?.name ?? '',
    category: categoryName(translator(lang), category),
    address: signal.address ?? '',
    point: `${signal.latitude}, ${signal.longitude}`,
    description: signal.description,
    link: portalLink(ctx, lang, reportPath(signal.id)),
  });
  ctx.mail.wake();
}
