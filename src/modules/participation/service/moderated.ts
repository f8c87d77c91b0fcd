import type { ModeratedKind, ModeratedText } from '../../../core/moderation.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import type { CommentSubject } from '../schema.ts';
import { processPath } from './processes.ts';

const EXCERPT = 200;

/** The start of a text as plain words: no markup, one line. */
export function excerptOf(...parts: string[]): string {
  const plain = parts
    .join(' — ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[*_#`>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > EXCERPT ? `${plain.slice(0, EXCERPT - 1)}…` : plain;
}

type Place = { path: string; owner: { owner_type: string; owner_id: number | null } };

const owned = (r: { owner_type: string; owner_id: number }) => ({ owner_type: r.owner_type, owner_id: r.owner_id });
const proposalPath = (slug: string, id: number) => `${processPath({ slug })}/proposals/${id}`;
const debatePath = (slug: string | null, id: number) => (slug ? `${processPath({ slug })}/debates/${id}` : `/participation/debates/${id}`);

async function proposals(ids: readonly number[], ctx: ModuleContext) {
  const rows = await repo.proposalsForModeration(ctx.database.db, ids);
  return new Map<number, ModeratedText>(
    rows.map((r) => [
      r.id,
      {
        excerpt: excerptOf(r.title, r.body),
        path: proposalPath(r.slug, r.id),
        owner: owned(r),
        authorId: r.author_id,
        hidden: r.hidden === 1,
      },
    ]),
  );
}

async function debates(ids: readonly number[], ctx: ModuleContext) {
  const rows = await repo.debatesForModeration(ctx.database.db, ids);
  return new Map<number, ModeratedText>(
    rows.map((r) => [
      r.id,
      {
        excerpt: excerptOf(r.title, r.body),
        path: debatePath(r.slug, r.id),
        owner: owned(r),
        authorId: r.author_id,
        hidden: r.hidden === 1,
      },
    ]),
  );
}

/** Where each commented thing is read and whose it is, by "type:id". */
async function placesOf(ctx: ModuleContext, subjects: { subject_type: CommentSubject; subject_id: number }[]) {
  const { db } = ctx.database;
  const ids = (type: CommentSubject) => subjects.filter((s) => s.subject_type === type).map((s) => s.subject_id);
  const [props, debs, results, sections] = await Promise.all([
    repo.proposalsForModeration(db, ids('proposal')),
    repo.debatesForModeration(db, ids('debate')),
    repo.processesOfParts(db, 'results', ids('result')),
    repo.processesOfParts(db, 'vision_sections', ids('section')),
  ]);
  const places = new Map<string, Place>();
  for (const r of props) places.set(`proposal:${r.id}`, { path: proposalPath(r.slug, r.id), owner: owned(r) });
  for (const r of debs) places.set(`debate:${r.id}`, { path: debatePath(r.slug, r.id), owner: owned(r) });
  for (const r of results) places.set(`result:${r.id}`, { path: `${processPath(r)}/monitoring/${r.id}`, owner: owned(r) });
  for (const r of sections) places.set(`section:${r.id}`, { path: `${processPath(r)}/sections/${r.id}`, owner: owned(r) });
  return places;
}

async function comments(ids: readonly number[], ctx: ModuleContext) {
  const rows = await repo.commentsForModeration(ctx.database.db, ids);
  const places = await placesOf(ctx, rows);
  const found = new Map<number, ModeratedText>();
  for (const r of rows) {
    const place = places.get(`${r.subject_type}:${r.subject_id}`);
    if (!place) continue;
    const path = `${place.path.split('#')[0]}#comment-${r.id}`;
    found.set(r.id, { excerpt: excerptOf(r.body), path, owner: place.owner, authorId: r.author_id, hidden: r.hidden === 1 });
  }
  return found;
}

/** Hides or shows comments, and counts on each commented thing only the comments people can see. */
async function setCommentsHidden(ctx: ModuleContext, ids: readonly number[], hidden: boolean) {
  const { db } = ctx.database;
  const step = async (trx: typeof db) => {
    await repo.setHiddenIn(trx, 'comments', ids, hidden);
    const rows = await repo.commentsForModeration(trx, ids);
    for (const type of Object.keys(repo.COMMENTED) as CommentSubject[]) {
      const subjects = rows.filter((r) => r.subject_type === type).map((r) => r.subject_id);
      if (subjects.length) await repo.recountComments(trx, type, subjects);
    }
  };
  // Moderation may call within its own transaction; the count and the comments change together either way.
  await (db.isTransaction ? step(db) : db.transaction().execute(step));
}

/** The texts people write in participation that moderation flags, hides and restores. */
export const moderatedTexts: ModeratedKind[] = [
  {
    type: 'proposal',
    label: 'participation.moderated.proposal',
    describe: proposals,
    setHidden: async (ctx, ids, hidden) => void (await repo.setHiddenIn(ctx.database.db, 'proposals', ids, hidden)),
    byAuthor: (ctx, userId) => repo.writtenBy(ctx.database.db, 'proposals', userId),
  },
  {
    type: 'debate',
    label: 'participation.moderated.debate',
    describe: debates,
    setHidden: async (ctx, ids, hidden) => void (await repo.setHiddenIn(ctx.database.db, 'debates', ids, hidden)),
    byAuthor: (ctx, userId) => repo.writtenBy(ctx.database.db, 'debates', userId),
  },
  {
    type: 'comment',
    label: 'participation.moderated.comment',
    describe: comments,
    setHidden: setCommentsHidden,
    byAuthor: (ctx, userId) => repo.writtenBy(ctx.database.db, 'comments', userId),
  },
];
