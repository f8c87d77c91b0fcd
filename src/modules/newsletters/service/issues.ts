import type { Actor } from '../../../core/authz.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { translator } from '../../../core/i18n/catalog.ts';
import { isLanguage } from '../../../core/i18n/languages.ts';
import { enqueueMail } from '../../../core/mail/outbox.ts';
import { portalLink } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { renderBody } from '../../content/index.ts';
import { confirmedAfter, countByStatus, countDrafts, insertIssue, issueById, issuesOf, issuesSending, updateIssue } from '../repo.ts';
import { type Issue, type IssueInput, issueInput, LIMITS } from '../schema.ts';
import { newsletterHtml } from '../views/mail.tsx';
import { type List, listsByKeys } from './lists.ts';

/** Subscribers queued per issue and round: the outbox sends them on, a round of the job at a time. */
export const BATCH = 200;

export const issueOf = async (ctx: ModuleContext, list: List, id: number) => {
  const issue = await issueById(ctx.database.db, id);
  return issue?.list === list.key ? issue : undefined;
};

export const archiveOf = (ctx: ModuleContext, list: List) => issuesOf(ctx.database.db, list.key, ['sent']);
export const deskOf = async (ctx: ModuleContext, list: List) => {
  const [issues, counts] = await Promise.all([
    issuesOf(ctx.database.db, list.key, ['draft', 'sending', 'sent']),
    countByStatus(ctx.database.db, list.key),
  ]);
  return { issues, counts };
};
export const draftsOf = (ctx: ModuleContext, lists: List[]) =>
  countDrafts(
    ctx.database.db,
    lists.map((l) => l.key),
  );

const validate = (body: unknown): FormResult<IssueInput> => validateForm(issueInput, body, { subject: LIMITS.subject, body: LIMITS.body });

export async function saveIssue(
  ctx: ModuleContext,
  list: List,
  actor: Actor,
  body: unknown,
  issue?: Issue,
): Promise<FormResult<{ id: number }>> {
  const form = validate(body);
  if (!form.ok) return form;
  const now = new Date().toISOString();
  const fields = {
    subject: form.data.subject,
    body: form.data.body,
    language: form.data.language,
    areas: form.data.areas.join(','),
    updated_at: now,
  };
  const { db } = ctx.database;
  if (issue) {
    // A draft only: one being sent or sent is history.
    if (!(await updateIssue(db, issue.id, 'draft', fields))) return { ok: false, errors: { form: { key: 'newsletters.error.notDraft' } } };
    return { ok: true, data: { id: issue.id } };
  }
  const id = await insertIssue(db, {
    ...fields,
    list: list.key,
    status: 'draft',
    created_by: actor.id,
    created_at: now,
    sent_at: null,
    sent_by: null,
  });
  return { ok: true, data: { id } };
}

/** The body as subscribers will see it, for the editor's preview; saves nothing. */
export function previewOf(body: unknown): FormResult<{ subject: string; html: string }> {
  const form = validate(body);
  return form.ok ? { ok: true, data: { subject: form.data.subject, html: renderBody(form.data.body) } } : form;
}

export const bodyHtml = (issue: Issue) => renderBody(issue.body);

/** Mails the draft to the person writing it, marked as a test; nobody else gets it. */
export async function sendTest(ctx: ModuleContext, list: List, issue: Issue, actor: Actor): Promise<void> {
  const t = translator(isLanguage(actor.language) ? actor.language : 'en');
  const listPage = portalLink(ctx, actor.language, `/newsletters/${list.slug}`);
  await enqueueMail(ctx.database.db, {
    ...compose(ctx, list, issue, actor.language, { unsubscribe: listPage }),
    to: actor.email,
    subject: t('newsletters.mail.test', { subject: issue.subject }),
    tag: 'newsletter-test',
  });
  ctx.mail.wake();
}

/** Starts sending: the job queues the subscribers in batches. False when someone else sent it first. */
export async function startSending(ctx: ModuleContext, issue: Issue, actor: Actor): Promise<boolean> {
  const now = new Date().toISOString();
  return updateIssue(ctx.database.db, issue.id, 'draft', { status: 'sending', sent_by: actor.id, sent_at: now, updated_at: now });
}

export const subscriberCount = async (ctx: ModuleContext, list: List) => (await countByStatus(ctx.database.db, list.key)).confirmed ?? 0;

/** One round of the sending job: for each issue being sent, the next batch of confirmed subscribers goes to the outbox. */
export async function sendDue(ctx: ModuleContext): Promise<number> {
  const sending = await issuesSending(ctx.database.db);
  if (sending.length === 0) return 0;
  const byKey = new Map((await listsByKeys(ctx, [...new Set(sending.map((i) => i.list))])).map((l) => [l.key, l]));
  let queued = 0;
  for (const issue of sending) {
    const list = byKey.get(issue.list);
    if (list) queued += await sendBatch(ctx, list, issue);
  }
  if (queued > 0) ctx.mail.wake();
  return queued;
}

async function sendBatch(ctx: ModuleContext, list: List, issue: Issue): Promise<number> {
  const batch = await confirmedAfter(ctx.database.db, list.key, issue.cursor, BATCH);
  const areas = issue.areas.split(',').filter(Boolean);
  const wanted = batch.filter((s) => wants(s.topics, areas));
  await ctx.database.db.transaction().execute(async (trx) => {
    for (const s of wanted) {
      const unsubscribe = `${ctx.config.baseUrl}/${s.language}/newsletters/unsubscribe/${s.unsubscribe_key}`;
      await enqueueMail(trx, {
        ...compose(ctx, list, issue, s.language, { unsubscribe }),
        to: s.email,
        tag: `newsletter:${issue.id}`,
        headers: {
          'List-Unsubscribe': `<${unsubscribe}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'List-Id': `<${list.slug}.newsletters.${new URL(ctx.config.baseUrl).hostname}>`,
          Precedence: 'bulk',
        },
      });
    }
    const done = batch.length < BATCH;
    await updateIssue(trx, issue.id, 'sending', {
      cursor: batch.at(-1)?.id ?? issue.cursor,
      recipients: issue.recipients + wanted.length,
      ...(done ? { status: 'sent' as const } : {}),
    });
  });
  return wanted.length;
}

/** A subscriber of no topics wants everything; an issue of no areas goes to everyone. */
const wants = (topics: string, areas: string[]) => {
  const mine = topics.split(',').filter(Boolean);
  return mine.length === 0 || areas.length === 0 || mine.some((t) => areas.includes(t));
};

function compose(ctx: ModuleContext, list: List, issue: Issue, language: string, links: { unsubscribe: string }) {
  const lang = isLanguage(language) ? language : 'en';
  const t = translator(lang);
  const web = portalLink(ctx, lang, `/newsletters/${list.slug}/issues/${issue.id}`);
  const footer = t('newsletters.mail.footer', { list: list.name, siteName: ctx.config.siteName });
  const html = newsletterHtml({
    lang: issue.language,
    subject: issue.subject,
    html: renderBody(issue.body),
    listName: list.name,
    footer,
    links: [
      { href: web, text: t('newsletters.mail.web') },
      { href: links.unsubscribe, text: t('newsletters.mail.unsubscribe') },
    ],
  });
  const text = `${issue.body}\n\n-- \n${footer}\n${t('newsletters.mail.web')}: ${web}\n${t('newsletters.mail.unsubscribe')}: ${links.unsubscribe}\n`;
  return { subject: issue.subject, text, html, language: lang };
}
