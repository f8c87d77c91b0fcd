import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../../core/authz.ts';
import { Remembered } from '../../../core/cache.ts';
import { transaction } from '../../../core/db/client.ts';
import type { Tables } from '../../../core/db/tables.ts';
import { type FormResult, tooManyAttempts, validateForm } from '../../../core/http/forms.ts';
import { parseId, text } from '../../../core/http/input.ts';
import { hit, type Limit } from '../../../core/http/throttle.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { displayNames } from '../../accounts/index.ts';
import * as repo from '../repo.ts';
import { type Comment, type CommentSubject, STANCES, type Stance } from '../schema.ts';
import { followOnAction } from './following.ts';
import { notifyFollowers } from './notifications.ts';
import { type ProcessView, processPath } from './processes.ts';
import { publishAsChoices, publishedAsOf, readPublishAs } from './published-as.ts';

export const COMMENT_MAX = 2000;
/** Threads (a comment with its answers) a page shows: a busy subject's comments come in pages. */
export const COMMENT_PAGE = 20;
/** A burst of comments from one account, whatever address it writes from: people write far fewer. */
export const COMMENTS_PER_ACCOUNT: Limit = { max: 6, windowMs: 60_000 };

/** Where each subject's page is, under its process: /participation/{process}/{segment}/{id} (results: monitoring). */
export const SUBJECT_SEGMENTS = { proposal: 'proposals', debate: 'debates', result: 'monitoring', section: 'sections' } as const;

/** The thing comments are on, as the comment forms need it. */
export interface CommentTarget {
  type: CommentSubject;
  id: number;
  title: string;
  language: string;
  /** Its page, without the language prefix. */
  path: string;
  /** Why it takes no comments any more: a debate closed with conclusions, or past its closing date. */
  lock: 'closed' | 'expired' | null;
}

export const subjectPath = (p: { slug: string }, type: CommentSubject, id: number) => `${processPath(p)}/${SUBJECT_SEGMENTS[type]}/${id}`;

// Every page with comments, and every comment sent, looks its subject up: kept until the data
// changes (see Remembered), or 30 s at most, so a debate past its closing time locks within 30 s.
const targets = new Remembered<CommentTarget | undefined>(30_000, 2000);

/** The subject in this process, unless it is not there or moderation hid it; `now` (for tests) reads it afresh. */
export function commentTarget(
  ctx: ModuleContext,
  p: ProcessView,
  type: CommentSubject,
  id: number,
  now?: Date,
): Promise<CommentTarget | undefined> {
  const read = () => readTarget(ctx, p, type, id, now ?? new Date());
  return now ? read() : targets.get(ctx.database.db, `${p.id}|${p.slug}|${type}|${id}`, read);
}

async function readTarget(ctx: ModuleContext, p: ProcessView, type: CommentSubject, id: number, now: Date) {
  const { db } = ctx.database;
  const thing = await repo.commentedThing(db, type, id);
  if (!thing || thing.process_id !== p.id || thing.hidden) return undefined;
  let lock: CommentTarget['lock'] = null;
  if (type === 'debate') {
    const d = await repo.debateById(db, id);
    if (d?.closed_at) lock = 'closed';
    else if (d?.closes_at && d.closes_at <= now.toISOString()) lock = 'expired';
  }
  return { type, id, title: thing.title, language: thing.language, path: subjectPath(p, type, id), lock };
}

/** A comment as the thread shows it; `removed` for one moderation hid that still has answers to show. */
export interface ShownComment {
  id: number;
  authorId: number | null;
  /** null for a deleted account. */
  author: string | null;
  /** The organisation it was written as, shown instead of its author. */
  organisation: { name: string; path: string } | null;
  body: string;
  stance: Stance | null;
  official: boolean;
  createdAt: string;
  editedAt: string | null;
  removed: boolean;
}

export interface Thread {
  comment: ShownComment;
  answers: ShownComment[];
}

// A subject's comments are read on every visit of its page and change far less often: kept until
// the data changes (see Remembered). They are the same for every reader.
const threads = new Remembered<Thread[]>(30_000, 2000);

/** A subject's comments, oldest first, each with its answers; what moderation hid shows nowhere. */
export function threadOf(ctx: ModuleContext, type: CommentSubject, id: number): Promise<Thread[]> {
  return threads.get(ctx.database.db, `${type}:${id}`, () => readThreads(ctx, type, id));
}

async function readThreads(ctx: ModuleContext, type: CommentSubject, id: number): Promise<Thread[]> {
  const { db } = ctx.database;
  const rows = (await repo.commentsOn(db, type, id)) as Comment[];
  const [names, orgs] = await Promise.all([
    displayNames(
      db,
      rows.flatMap((c) => (c.author_id === null ? [] : [c.author_id])),
    ),
    publishedAsOf(ctx, rows),
  ]);
  const organisationOf = (c: Comment) => {
    const o = c.organisation_id === null ? undefined : orgs.get(c.organisation_id);
    return o ? { name: o.name, path: o.path } : null;
  };
  const shown = (c: Comment, removed = false): ShownComment => ({
    id: c.id,
    authorId: removed ? null : c.author_id,
    author: removed || c.author_id === null ? null : (names.get(c.author_id) ?? null),
    organisation: removed ? null : organisationOf(c),
    body: removed ? '' : c.body,
    stance: removed ? null : c.stance,
    official: !removed && c.official === 1,
    createdAt: c.created_at,
    editedAt: removed ? null : c.edited_at,
    removed,
  });
  const answersTo = new Map<number, ShownComment[]>();
  for (const a of rows) {
    if (a.parent_id === null || a.hidden) continue;
    const list = answersTo.get(a.parent_id) ?? [];
    list.push(shown(a));
    answersTo.set(a.parent_id, list);
  }
  return rows
    .filter((c) => c.parent_id === null)
    .flatMap((top) => {
      const answers = answersTo.get(top.id) ?? [];
      if (top.hidden && !answers.length) return [];
      return [{ comment: shown(top, top.hidden === 1), answers }];
    });
}

/** How many pages a subject's threads fill. */
export const commentPages = (all: Thread[]) => Math.max(1, Math.ceil(all.length / COMMENT_PAGE));

/** The page of a subject's comments that shows this comment (or the thread it answers): 1 when not found. */
export function pageOfComment(all: Thread[], commentId: number): number {
  const i = all.findIndex((th) => th.comment.id === commentId || th.answers.some((a) => a.id === commentId));
  return i < 0 ? 1 : Math.floor(i / COMMENT_PAGE) + 1;
}

/** Where a comment shows on its subject's page, without the language prefix. */
export async function commentPath(ctx: ModuleContext, target: CommentTarget, commentId: number): Promise<string> {
  const page = pageOfComment(await threadOf(ctx, target.type, target.id), commentId);
  return `${target.path}${page > 1 ? `?page=${page}` : ''}#comment-${commentId}`;
}

/** What a comment form holds, as typed. */
export interface CommentValues {
  body?: string;
  stance?: string;
  parent?: string;
  official?: string;
  publish_as?: string;
}

const bodyField = text().trim().min(1, 'form.error.required').max(COMMENT_MAX, 'form.error.tooLong');
const stanceField = z.enum(STANCES, { error: 'participation.comment.error.stance' });

/** A new comment or an answer; the route has checked who may write it, and may mark it official. */
export async function addComment(
  ctx: ModuleContext,
  actor: Actor,
  p: ProcessView,
  target: CommentTarget,
  values: CommentValues,
  official: boolean,
): Promise<FormResult<{ id: number }>> {
  const { db } = ctx.database;
  if (target.lock) return { ok: false, errors: { form: { key: `participation.comment.error.${target.lock}` } } };
  const parentId = values.parent ? parseId(values.parent) : undefined;
  const parent = parentId ? ((await repo.commentById(db, parentId)) as Comment | undefined) : undefined;
  // Answers answer a comment of the same subject, never an answer: two levels.
  if (values.parent && (!parent || parent.subject_type !== target.type || parent.subject_id !== target.id || parent.hidden))
    return { ok: false, errors: { form: { key: 'participation.comment.error.parent' } } };
  if (parent?.parent_id) return { ok: false, errors: { form: { key: 'participation.comment.error.depth' } } };
  const takesStance = p.stances === 1 && !parent;
  const schema = z.object({ body: bodyField, stance: takesStance ? stanceField : z.unknown().optional() });
  const form = validateForm(schema, values, { body: COMMENT_MAX });
  // Whom it is written as: checked against the organisations the person represents now.
  const publishAs = readPublishAs(await publishAsChoices(ctx, actor), values.publish_as);
  if (!form.ok || !publishAs.ok)
    return { ok: false, errors: { ...(form.ok ? {} : form.errors), ...(publishAs.ok ? {} : publishAs.errors) } };
  const limited = await hit(db, `comment:${actor.id}`, COMMENTS_PER_ACCOUNT);
  if (!limited.allowed) return tooManyAttempts(limited.retryAfter);
  const id = await transaction(db, async (trx) => {
    const id = await repo.insertComment(trx, {
      subject_type: target.type,
      subject_id: target.id,
      parent_id: parent?.id ?? null,
      author_id: actor.id,
      organisation_id: publishAs.organisationId,
      body: form.data.body,
      stance: takesStance ? (form.data.stance as Stance) : null,
      official: official ? 1 : 0,
      hidden: 0,
      created_at: new Date().toISOString(),
      edited_at: null,
    });
    await repo.countComment(trx, target.type, target.id, 1);
    await toldOfComment(trx, ctx, actor, p, target, id);
    return id;
  });
  return { ok: true, data: { id } };
}

/**
 * A comment on a proposal or a debate is news of it (and of its process), and its writer follows it.
 * Results and vision sections cannot be followed: a comment on one is news of the process, and the
 * writer follows nothing more, since following the whole process is more than they asked for.
 */
async function toldOfComment(trx: Kysely<Tables>, ctx: ModuleContext, actor: Actor, p: ProcessView, target: CommentTarget, id: number) {
  const subject = target.type === 'proposal' || target.type === 'debate' ? { type: target.type, id: target.id } : null;
  await notifyFollowers(trx, ctx, {
    subject: subject ?? { type: 'process', id: p.id },
    event: 'comment.new',
    source: { type: 'comment', id },
    actorId: actor.id,
  });
  if (subject) await followOnAction(trx, actor.id, subject);
}

/** The author's new wording (and stance, for a comment that takes one); marked edited, with the time. */
export async function editComment(
  ctx: ModuleContext,
  p: ProcessView,
  comment: Comment,
  values: CommentValues,
): Promise<FormResult<{ id: number }>> {
  const takesStance = p.stances === 1 && comment.parent_id === null;
  const schema = z.object({ body: bodyField, stance: takesStance ? stanceField : z.unknown().optional() });
  const form = validateForm(schema, values, { body: COMMENT_MAX });
  if (!form.ok) return form;
  await repo.updateComment(ctx.database.db, comment.id, {
    body: form.data.body,
    stance: takesStance ? (form.data.stance as Stance) : comment.stance,
    edited_at: new Date().toISOString(),
  });
  return { ok: true, data: { id: comment.id } };
}

/** A comment that is there to be edited: not hidden, on a subject of this process. */
export async function commentIn(ctx: ModuleContext, p: ProcessView, id: number) {
  const c = (await repo.commentById(ctx.database.db, id)) as Comment | undefined;
  if (!c || c.hidden) return undefined;
  const target = await commentTarget(ctx, p, c.subject_type, c.subject_id);
  return target && { comment: c, target };
}
