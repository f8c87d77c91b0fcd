import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { hasControl, isCalendarDate } from '../../../core/http/input.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { DOCUMENT_TYPES, keepDocument } from '../../../core/uploads.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { displayNames, scopeContacts } from '../../accounts/index.ts';
import * as repo from '../repo.ts';
import type { Project, ProjectDocument, ProjectNotice, ProjectTask } from '../schema.ts';

/** Where the workspace's files are kept, under the data directory's uploads: a folder of their own. */
export const WORKSPACE_FILES = 'project-workspace';
export const NOTICE_MAX = 2000;
export const TASK_MAX = 200;
export const DOCUMENT_NAME_MAX = 200;

export interface Member {
  id: number;
  name: string;
  role: 'project_coordinator' | 'project_partner_staff';
}

/** Everyone holding a role in the project, the coordinator's staff first. */
export async function membersOf(ctx: ModuleContext, project: Project): Promise<Member[]> {
  const { db } = ctx.database;
  const [coordinators, staff] = await Promise.all([
    scopeContacts(db, ['project_coordinator'], project.id),
    scopeContacts(db, ['project_partner_staff'], project.id),
  ]);
  const seen = new Set<number>();
  const members: Member[] = [];
  for (const [list, role] of [
    [coordinators, 'project_coordinator'],
    [staff, 'project_partner_staff'],
  ] as const)
    for (const p of list) if (!seen.has(p.id) && seen.add(p.id)) members.push({ id: p.id, name: p.name, role });
  return members;
}

export interface Workspace {
  members: Member[];
  documents: (ProjectDocument & { uploader: string | null })[];
  tasks: (ProjectTask & { owner: string | null; overdue: boolean })[];
  notices: (ProjectNotice & { author: string | null })[];
}

export async function workspaceOf(ctx: ModuleContext, project: Project, today = new Date().toISOString().slice(0, 10)): Promise<Workspace> {
  const { db } = ctx.database;
  const [members, documents, tasks, notices] = await Promise.all([
    membersOf(ctx, project),
    repo.documentsOf(db, project.id),
    repo.tasksOf(db, project.id),
    repo.noticesOf(db, project.id),
  ]);
  const names = await displayNames(db, [
    ...documents.flatMap((d) => (d.uploaded_by ? [d.uploaded_by] : [])),
    ...tasks.flatMap((t) => (t.owner_id ? [t.owner_id] : [])),
    ...notices.flatMap((n) => (n.author_id ? [n.author_id] : [])),
  ]);
  const name = (id: number | null) => (id ? (names.get(id) ?? null) : null);
  return {
    members,
    documents: documents.map((d) => ({ ...d, uploader: name(d.uploaded_by) })),
    tasks: tasks.map((t) => ({ ...t, owner: name(t.owner_id), overdue: !t.done && !!t.due_on && t.due_on < today })),
    notices: notices.map((n) => ({ ...n, author: name(n.author_id) })),
  };
}

type Body = Record<string, unknown>;
const str = (b: Body, k: string) => (typeof b[k] === 'string' ? (b[k] as string).trim() : '');
export type Result = { ok: true } | { ok: false; errors: FieldErrors };
const refused = (errors: FieldErrors): Result => ({ ok: false, errors });

/** A one-line text: required, not too long, no control characters. */
function line(value: string, field: string, max: number): FieldErrors {
  if (!value) return { [field]: { key: 'form.error.required' } };
  if (value.length > max) return { [field]: { key: 'projects.workspace.error.long', values: { max } } };
  if (hasControl(value) || /[\r\n]/.test(value)) return { [field]: { key: 'form.error.characters' } };
  return {};
}

export async function postNotice(ctx: ModuleContext, actor: Actor, project: Project, body: Body, ip?: string): Promise<Result> {
  const text = typeof body.text === 'string' ? body.text.replace(/\r\n/g, '\n').trim() : '';
  if (!text) return refused({ text: { key: 'form.error.required' } });
  if (text.length > NOTICE_MAX) return refused({ text: { key: 'projects.workspace.error.long', values: { max: NOTICE_MAX } } });
  if (hasControl(text)) return refused({ text: { key: 'form.error.characters' } });
  // Kept as typed and shown as text (escaped by the page), never as HTML.
  await repo.insertNotice(ctx.database.db, { project_id: project.id, text, author_id: actor.id, created_at: new Date().toISOString() });
  await audit(ctx.database.db, actor, { action: 'project.notice', subjectType: 'project', subjectId: project.id }, ip);
  return { ok: true };
}

export async function addTask(ctx: ModuleContext, actor: Actor, project: Project, body: Body, ip?: string): Promise<Result> {
  const title = str(body, 'title');
  const errors: FieldErrors = line(title, 'title', TASK_MAX);
  const ownerRaw = str(body, 'owner');
  const members = await membersOf(ctx, project);
  const owner = ownerRaw ? members.find((m) => String(m.id) === ownerRaw) : undefined;
  if (ownerRaw && !owner) errors.owner = { key: 'projects.workspace.error.owner' };
  const due = str(body, 'due');
  if (due && !isCalendarDate(due)) errors.due = { key: 'projects.workspace.error.due' };
  if (Object.keys(errors).length) return refused(errors);
  await repo.insertTask(ctx.database.db, {
    project_id: project.id,
    title,
    owner_id: owner?.id ?? null,
    due_on: due || null,
    done: 0,
    created_by: actor.id,
    created_at: new Date().toISOString(),
  });
  await audit(ctx.database.db, actor, { action: 'project.task.add', subjectType: 'project', subjectId: project.id }, ip);
  return { ok: true };
}

/** Keeps an uploaded document: its type read from its content (PDF, office files, images), nothing else. */
export async function uploadDocument(ctx: ModuleContext, actor: Actor, project: Project, body: Body, ip?: string): Promise<Result> {
  const name = str(body, 'name');
  const errors: FieldErrors = line(name, 'name', DOCUMENT_NAME_MAX);
  const file = body.file;
  if (!Buffer.isBuffer(file) || file.length === 0) errors.file = { key: 'projects.workspace.error.noFile' };
  if (Object.keys(errors).length || !Buffer.isBuffer(file)) return refused(errors);
  const kept = await keepDocument(ctx.config.dataDir, WORKSPACE_FILES, file);
  if ('error' in kept) return refused({ file: { key: 'projects.workspace.error.type' } });
  const ext = kept.name.slice(kept.name.lastIndexOf('.') + 1);
  await repo.insertDocument(ctx.database.db, {
    project_id: project.id,
    stored_name: kept.name,
    original_name: name,
    type: DOCUMENT_TYPES[ext] ?? 'application/octet-stream',
    size: file.length,
    uploaded_by: actor.id,
    created_at: new Date().toISOString(),
  });
  await audit(ctx.database.db, actor, { action: 'project.document.add', subjectType: 'project', subjectId: project.id }, ip);
  return { ok: true };
}

/** A file name for a download: the name people gave it, in their own letters. */
export const downloadName = (d: ProjectDocument) => d.original_name.trim().slice(0, 120) || `document-${d.id}`;
