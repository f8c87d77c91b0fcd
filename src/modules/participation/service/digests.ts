import { transaction } from '../../../core/db/client.ts';
import { type Translator, translator } from '../../../core/i18n/catalog.ts';
import { isLanguage, type LanguageCode } from '../../../core/i18n/languages.ts';
import { enqueueMail } from '../../../core/mail/outbox.ts';
import { portalLink } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { hashToken, newToken } from '../../../core/tokens.ts';
import * as repo from '../repo.ts';
import type { Frequency, Notification } from '../schema.ts';
import { type FollowSubject, unfollow } from './following.ts';
import { describe, type NewsItem } from './notifications.ts';

const DAY_MS = 86_400_000;
/** Digests go out from this hour (UTC): early morning across Europe. */
const DIGEST_HOUR = 5;
/** Things older than this are not mailed any more: a person who turns mail on again gets no old pile. */
const MAIL_WITHIN_MS = 9 * DAY_MS;
/** People mailed per run: a backlog is worked off over the next runs. */
const BATCH = 200;

/** When the day's and the week's (from Monday) digests begin: the last such moment at or before `now`. */
export function periodStarts(now: Date): { daily: string; weekly: string } {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DIGEST_HOUR));
  if (day > now) day.setTime(day.getTime() - DAY_MS);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return { daily: day.toISOString(), weekly: new Date(day.getTime() - sinceMonday * DAY_MS).toISOString() };
}

export const frequencyOf = async (ctx: ModuleContext, userId: number): Promise<Frequency> =>
  (await repo.prefsOf(ctx.database.db, userId))?.frequency ?? 'daily';

export const setFrequency = (ctx: ModuleContext, userId: number, frequency: Frequency, now = new Date()) =>
  repo.savePrefs(ctx.database.db, userId, frequency, now.toISOString());

type Recipient = { id: number; name: string; email: string; language: string; frequency: Frequency | null };

/**
 * The mail job: each thing at once to those who want it so, the daily and weekly digests once per
 * period. Every notification is mailed once at most, however many processes run this at once.
 */
export async function runDigests(ctx: ModuleContext, now = new Date()): Promise<number> {
  const starts = periodStarts(now);
  const since = new Date(now.getTime() - MAIL_WITHIN_MS).toISOString();
  const people = (await repo.duePeople(ctx.database.db, since, starts, BATCH)) as Recipient[];
  let sent = 0;
  for (const person of people) if (await mailPerson(ctx, person, starts, since, now)) sent++;
  if (sent) ctx.mail.wake();
  return sent;
}

async function mailPerson(
  ctx: ModuleContext,
  person: Recipient,
  starts: { daily: string; weekly: string },
  since: string,
  now: Date,
): Promise<boolean> {
  const frequency = person.frequency ?? 'daily';
  const at = now.toISOString();
  const until = frequency === 'immediate' ? at : starts[frequency === 'weekly' ? 'weekly' : 'daily'];
  return transaction(ctx.database.db, async (trx) => {
    if (frequency !== 'immediate' && !(await repo.claimDigest(trx, person.id, frequency, until, at))) return false;
    const ids = await repo.claimNotifications(trx, person.id, since, until, at);
    // Claimed all the same: a text hidden since is never mailed, even if it shows again later.
    const rows = await repo.visibleNotifications(trx, person.id, { ids });
    const lang = isLanguage(person.language) ? person.language : 'en';
    const items = await describe(trx, rows as Notification[], lang);
    if (!items.length) return false;
    const { token, hash } = newToken();
    await repo.insertMail(trx, { user_id: person.id, token_hash: hash, frequency, created_at: at });
    await enqueueMail(trx, { ...compose(ctx, lang, person, frequency, items, token), tag: 'participation-news' }, now);
    return true;
  });
}

/** The address of a mail's one-click unsubscribe, and of its "stop following" links. */
export const unsubscribePath = (token: string) => `/participation/unsubscribe/${token}`;

export const sentence = (t: Translator, item: NewsItem) => t(`participation.notify.event.${item.event}`, { what: item.what });

function compose(ctx: ModuleContext, lang: LanguageCode, person: Recipient, frequency: Frequency, items: NewsItem[], token: string) {
  const t = translator(lang);
  const unsubscribe = portalLink(ctx, lang, unsubscribePath(token));
  const prefs = portalLink(ctx, lang, '/participation/notifications');
  const lines = items.map((item) =>
    [
      `* ${sentence(t, item)}`,
      `  ${[
        item.where ? t('participation.notify.where', { process: item.where.title }) : '',
        t(`participation.notify.because.${item.reason}`),
      ]
        .filter(Boolean)
        .join(' · ')}`,
      `  ${portalLink(ctx, lang, item.path)}`,
      `  ${t('participation.notify.mail.stop')}: ${unsubscribe}/${item.subject.type}/${item.subject.id}`,
    ].join('\n'),
  );
  const values = { siteName: ctx.config.siteName, baseUrl: ctx.config.baseUrl, name: person.name, count: items.length };
  const text = [
    t('participation.notify.mail.hello', values),
    t(`participation.notify.mail.intro.${frequency}`, values),
    lines.join('\n\n'),
    `${t('participation.notify.mail.more')}: ${portalLink(ctx, lang, '/participation/news-for-you')}`,
    `-- \n${t('participation.notify.mail.why', { ...values, prefs })}\n${t('participation.notify.mail.unsubscribe')}: ${unsubscribe}`,
    t('mail.signature', values),
  ].join('\n\n');
  const subject =
    items.length === 1 && frequency === 'immediate' ? sentence(t, items[0]!) : t(`participation.notify.mail.subject.${frequency}`, values);
  return {
    to: person.email,
    language: lang,
    subject,
    text: `${text}\n`,
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': `<participation.${new URL(ctx.config.baseUrl).hostname}>`,
      'Auto-Submitted': 'auto-generated',
    },
  };
}

/** The person a mail's unsubscribe token names; undefined for a token no mail carried. */
export const mailOfToken = (ctx: ModuleContext, token: string) =>
  token.length > 100 ? Promise.resolve(undefined) : repo.mailByToken(ctx.database.db, hashToken(token));

/** One click from a mail: no more mails (the notifications still show on the portal). */
export const unsubscribeMail = (ctx: ModuleContext, userId: number) => setFrequency(ctx, userId, 'never');

/** The other click from a mail: no more news of one thing. */
export const stopFollowing = (ctx: ModuleContext, userId: number, subject: FollowSubject) => unfollow(ctx, userId, subject);
