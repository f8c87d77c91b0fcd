import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import anyAscii from 'any-ascii';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { NO_STORE, NotFound } from './http/guards.ts';
import { isZipBomb } from './zip-check.ts';

/** Documents people send as proof or as part of a report: scans, PDFs and office files. */
export const DOCUMENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odp: 'application/vnd.oasis.opendocument.presentation',
};

/** A stored document's name: what keepDocument writes, and all that sendDocument reads. */
export const DOCUMENT_NAME = /^[0-9a-f]{32}\.[a-z]{3,4}$/;

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Keeps an uploaded document under the data directory, named at random and readable by the portal
 * only; its type is read from its content, never from the name the sender gave it. An office
 * document is a ZIP: one that would unpack to too much (a zip bomb) is refused before anything is
 * written, whoever opens it later.
 */
export async function keepDocument(
  dataDir: string,
  folder: string,
  file: Buffer,
  accepted: readonly string[] = Object.values(DOCUMENT_TYPES),
): Promise<{ name: string } | { error: 'type' | 'bomb' }> {
  if (file.subarray(0, 4).equals(ZIP) && isZipBomb(file)) return { error: 'bomb' };
  const type = await fileTypeFromBuffer(file);
  const ext = type && Object.entries(DOCUMENT_TYPES).find(([, mime]) => mime === type.mime)?.[0];
  if (!type || !ext || !accepted.includes(type.mime)) return { error: 'type' };
  const name = `${randomBytes(16).toString('hex')}.${ext}`;
  const dir = join(dataDir, 'uploads', folder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), file, { mode: 0o600 });
  return { name };
}

/**
 * The header that makes a response a download named as people named it: the name itself for
 * browsers that read RFC 8187, spelt in plain letters ("Občina" → "Obcina") for those that do not.
 */
export function attachmentHeader(name: string): string {
  const clean = name.replace(/[\p{Cc}\\/]/gu, '').trim() || 'download';
  return contentDisposition(clean, { fallback: anyAscii(clean).replace(/[^\x20-\x7e]|["\\]/g, '_') });
}

/** Sends a kept document as a download (never shown inline, so a document cannot run as a page). */
export function sendDocument(reply: FastifyReply, dataDir: string, folder: string, name: string | null, download: string) {
  const path = name && DOCUMENT_NAME.test(name) ? join(dataDir, 'uploads', folder, name) : '';
  if (!path || !existsSync(path)) throw new NotFound();
  const ext = name?.slice(name.lastIndexOf('.') + 1) ?? '';
  return reply
    .headers({ ...NO_STORE, 'content-disposition': attachmentHeader(`${download}.${ext}`) })
    .type(DOCUMENT_TYPES[ext] ?? 'application/octet-stream')
    .send(createReadStream(path));
}
