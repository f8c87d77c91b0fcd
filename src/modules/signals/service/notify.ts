import type { Kysely } from 'kysely';
import type { Tables } from '../../../core/db/tables.ts';
import { translator } from '../../../core/i18n/catalog.ts';
import { isLanguage, type LanguageCode } from '../../../core/i18n/languages.ts';
import { portalLink, queueTranslatedMail } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { mailContact } from '../../accounts/index.ts';
import * as repo from '../repo.ts';
import type { Signal } from '../schema.ts';
import { categoryName } from './categories.ts';
import { reportPath } from './reports.ts';

/** The language to write to a report's author in: their account's, else the one they reported in. */
export async function authorLanguage(db: Kysely<Tables>, signal: Pick<Signal, 'author_id' | 'language'>): Promise<LanguageCode> {
  const account = signal.author_id === null ? undefined : await mailContact(db, signal.author_id);
  const lang = account?.language ?? signal.language ?? 'en';
  return isLanguage(lang) ? lang : 'en';
}

/** What every mail about a report names: its number, category and page, in the author's language. */
async function about(db: Kysely<Tables>, ctx: ModuleContext, signal: Signal, lang: LanguageCode) {
  const category = await repo.categoryById(db, signal.category_id);
  return {
    id: String(signal.id),
    category: category ? categoryName(translator(lang), category) : '',
    link: portalLink(ctx, lang, reportPath(signal.id)),
  };
}

export type AuthorNews =
  | { kind: 'state'; state: string; note: string; responsible?: string }
  | { kind: 'passed'; town: string; note: string }
  | { kind: 'questionnaire'; path: string };

/**
 * Tells a report's author what became of it, at the contact address they gave, in their language.
 * Call it inside the change's transaction, and wake the sender after.
 */
export async function tellAuthor(db: Kysely<Tables>, ctx: ModuleContext, signal: Signal, news: AuthorNews): Promise<boolean> {
  if (!signal.contact_email) return false;
  const lang = await authorLanguage(db, signal);
  const t = translator(lang);
  const values: Record<string, string> = { ...(await about(db, ctx, signal, lang)) };
  if (news.kind === 'state') {
    values.state = t(`signals.state.${news.state}`);
    values.note = news.note;
    values.who = news.responsible ? t('signals.notify.responsible', { who: news.responsible }) : '';
  } else if (news.kind === 'passed') {
    values.town = news.town;
    values.note = news.note;
  } else values.questionnaire = portalLink(ctx, lang, news.path);
  await queueTranslatedMail(db, ctx, `signals.notify.${news.kind}`, signal.contact_email, lang, values);
  return true;
}

/** Sends a report to the body responsible for it: what, where, and its public page; never who reported it. */
export async function mailBody(
  db: Kysely<Tables>,
  ctx: ModuleContext,
  signal: Signal,
  body: { name: string; email: string; note: string },
  town: string,
  lang: LanguageCode,
): Promise<void> {
  const place = signal.address ? `${signal.address} (${signal.latitude}, ${signal.longitude})` : `${signal.latitude}, ${signal.longitude}`;
  await queueTranslatedMail(db, ctx, 'signals.notify.body', body.email, lang, {
    ...(await about(db, ctx, signal, lang)),
    name: body.name,
    town,
    note: body.note,
    place,
    description: signal.description,
  });
}

/**
 * Tells a colleague that a report of their town is now theirs, with its management page; call it
 * inside the change's transaction, and wake the sender after.
 */
export async function tellAssignee(
  db: Kysely<Tables>,
  ctx: ModuleContext,
  signal: Signal,
  assignee: { email: string; language: string; name: string },
  by: string,
): Promise<void> {
  const lang: LanguageCode = isLanguage(assignee.language) ? assignee.language : 'en';
  const place = signal.address ?? `${signal.latitude}, ${signal.longitude}`;
  await queueTranslatedMail(db, ctx, 'signals.notify.assigned', assignee.email, lang, {
    ...(await about(db, ctx, signal, lang)),
    name: assignee.name,
    by,
    place,
    description: signal.description,
    manage: portalLink(ctx, lang, `${reportPath(signal.id)}/manage`),
  });
}
