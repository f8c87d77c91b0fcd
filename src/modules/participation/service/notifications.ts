import type { Kysely } from 'kysely';
import type { Tables } from '../../../core/db/tables.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import type { FollowType, Notification, NotifyEvent, SourceType } from '../schema.ts';
import type { FollowSubject } from './following.ts';
import { processById } from './processes.ts';

export interface NotifyInput {
  subject: FollowSubject;
  event: NotifyEvent;
  source: { type: SourceType; id: number };
  /** Who did it: not told of their own doing. */
  actorId: number | null;
}

/**
 * Tells the followers of the subject (and of its process) what happened: call it in the writer's
 * transaction. One statement, however many follow it.
 */
export const notifyFollowers = (trx: Kysely<Tables>, _ctx: ModuleContext, input: NotifyInput, now = new Date()) =>
  repo.fanOut(trx, input, now.toISOString());

/** One notification as a person reads it: what happened to what, where, why they get it, and the link. */
export interface NewsItem {
  id: number;
  event: NotifyEvent;
  /** The title of the text the sentence names, in its own language. */
  what: string;
  whatLanguage: string;
  /** The process it is in; null for a debate outside any. */
  where: { title: string; language: string } | null;
  reason: FollowType;
  subject: FollowSubject;
  /** After the language prefix. */
  path: string;
  at: string;
  unread: boolean;
}

type Titled = { id: number; process_id: number | null; title: string; language: string };

// The addresses the features give their pages; an anchor names the comment or answer on its page.
const partPath = (slug: string, segment: 'proposals' | 'debates' | 'monitoring' | 'sections', id: number) =>
  `/participation/${slug}/${segment}/${id}`;
// A debate outside any process has no page of its own yet: its address is kept for when it has.
const debatePath = (slug: string | undefined, id: number) => (slug ? partPath(slug, 'debates', id) : `/participation/debates/${id}`);

/** Turns notifications into what a person reads: a few queries for the whole page, none per item. */
export async function describe(db: Kysely<Tables>, rows: Notification[], language: string): Promise<NewsItem[]> {
  const idsOf = (type: string, column: 'subject' | 'source') =>
    rows.filter((r) => r[`${column}_type`] === type).map((r) => r[`${column}_id`]);
  // A comment on a result or a vision section is news of the process: the comment says where it is.
  const onProcess = rows.filter((r) => r.source_type === 'comment' && r.subject_type === 'process').map((r) => r.source_id);
  const placed = new Map((await repo.commentSubjects(db, onProcess)).map((c) => [c.id, c]));
  const partsOf = (type: string) => [...placed.values()].filter((c) => c.subject_type === type).map((c) => c.subject_id);
  const [proposals, debates, results, sections] = await Promise.all([
    repo.titlesIn(db, 'proposals', [...idsOf('proposal', 'subject'), ...idsOf('proposal', 'source')]),
    repo.titlesIn(db, 'debates', [...idsOf('debate', 'subject'), ...idsOf('debate', 'source')]),
    repo.titlesIn(db, 'results', [...idsOf('result', 'source'), ...partsOf('result')]),
    repo.titlesIn(db, 'vision_sections', partsOf('section')),
  ]);
  const processIds = [...new Set(rows.flatMap((r) => (r.process_id === null ? [] : [r.process_id])))];
  const [processes, texts] = await Promise.all([repo.processesByIds(db, processIds), repo.textsOf(db, processIds, language)]);
  const processOf = new Map(
    processes.map((p) => {
      const text =
        texts.find((t) => t.process_id === p.id && t.language === language) ??
        texts.find((t) => t.process_id === p.id && t.language === p.original_language);
      return [p.id, { slug: p.slug, title: text?.title ?? p.slug, language: text?.language ?? p.original_language }];
    }),
  );
  const byId = <T extends { id: number }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const [proposal, debate, result, section] = [byId(proposals), byId(debates), byId(results), byId(sections)];

  return rows.flatMap((r) => {
    const process = r.process_id === null ? undefined : processOf.get(r.process_id);
    const slug = process?.slug ?? '';
    // The sentence names the new thing for a new proposal, debate or result, else the thing followed.
    let what: Titled | undefined;
    let path = '';
    if (r.source_type === 'proposal') [what, path] = [proposal.get(r.source_id), partPath(slug, 'proposals', r.source_id)];
    else if (r.source_type === 'debate') [what, path] = [debate.get(r.source_id), debatePath(process?.slug, r.source_id)];
    else if (r.source_type === 'result') [what, path] = [result.get(r.source_id), partPath(slug, 'monitoring', r.source_id)];
    else {
      // A comment or an answer: on the thing followed; a comment on a result or a section, on that.
      const anchor = r.source_type === 'comment' ? `#comment-${r.source_id}` : '#answer';
      const part = placed.get(r.source_id);
      if (r.subject_type === 'debate') [what, path] = [debate.get(r.subject_id), debatePath(process?.slug, r.subject_id) + anchor];
      else if (r.subject_type === 'proposal')
        [what, path] = [proposal.get(r.subject_id), partPath(slug, 'proposals', r.subject_id) + anchor];
      else if (process && part?.subject_type === 'result')
        [what, path] = [result.get(part.subject_id), partPath(slug, 'monitoring', part.subject_id) + anchor];
      else if (process && part?.subject_type === 'section')
        [what, path] = [section.get(part.subject_id), partPath(slug, 'sections', part.subject_id) + anchor];
    }
    if (!what) return [];
    return [
      {
        id: r.id,
        event: r.event,
        what: what.title,
        whatLanguage: what.language,
        where: process ? { title: process.title, language: process.language } : null,
        reason: r.reason,
        subject: { type: r.subject_type, id: r.subject_id },
        path,
        at: r.created_at,
        unread: r.read_at === null,
      },
    ];
  });
}

export const PAGE_SIZE = 20;

/** A page of what is new for a person, newest first; what they see is marked read. */
export async function newsFor(ctx: ModuleContext, userId: number, page: number, language: string, now = new Date()) {
  const { db } = ctx.database;
  const [total, rows] = await Promise.all([
    repo.countVisible(db, userId),
    repo.visibleNotifications(db, userId, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
  ]);
  const items = await describe(db, rows as Notification[], language);
  await repo.markRead(
    db,
    userId,
    items.filter((i) => i.unread).map((i) => i.id),
    now.toISOString(),
  );
  return { items, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export const unreadCount = (ctx: ModuleContext, userId: number) => repo.countVisible(ctx.database.db, userId, true);

/** The title of what a person follows, to name it on a page; undefined when there is none. */
export async function describeSubject(ctx: ModuleContext, subject: FollowSubject, language: string): Promise<string | undefined> {
  const { db } = ctx.database;
  if (subject.type === 'proposal') return (await repo.proposalById(db, subject.id))?.title;
  if (subject.type === 'debate') return (await repo.debateById(db, subject.id))?.title;
  return (await processById(ctx, subject.id, language))?.title;
}
