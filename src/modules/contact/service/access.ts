import type { FastifyReply } from 'fastify';
import type { ModuleContext } from '../../../core/modules.ts';
import { sendDocument } from '../../../core/uploads.ts';
import { municipalitiesByIds } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import { type Enquiry, FILE_FOLDER } from '../schema.ts';

/** An enquiry's attachment, as a download under the name it was sent with, never shown inline. */
export function sendAttachment(ctx: ModuleContext, reply: FastifyReply, e: Enquiry) {
  const sent = (e.file_name ?? 'attachment').replace(/\.[^.]*$/, '') || 'attachment';
  return sendDocument(reply.header('x-content-type-options', 'nosniff'), ctx.config.dataDir, FILE_FOLDER, e.file, sent);
}

export const townName = async (ctx: ModuleContext, id: number) => (await municipalitiesByIds(ctx.database.db, [id])).get(id)?.name ?? '';

/** The thread as the page shows it: the enquiry, its replies, its town's name. */
export async function threadOf(ctx: ModuleContext, e: Enquiry) {
  const [replies, town] = await Promise.all([repo.repliesOf(ctx.database.db, e.id), townName(ctx, e.municipality_id)]);
  return { replies, town };
}

/** A person's messages to town halls, with each town's name. */
export async function messagesOf(ctx: ModuleContext, userId: number, email: string) {
  const rows = await repo.enquiriesOfSender(ctx.database.db, userId, email);
  const towns = await municipalitiesByIds(
    ctx.database.db,
    rows.map((r) => r.municipality_id),
  );
  return rows.map((r) => ({ ...r, town: towns.get(r.municipality_id)?.name ?? '' }));
}
