import { XMLBuilder } from 'fast-xml-parser';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../core/config.ts';
import { type Encoded, encodeOnce, sendEncoded } from '../../../core/http/compression.ts';
import { etagOf } from '../../../core/http/pagecache.ts';

export const FORMATS = ['json', 'xml'] as const;
export type Format = (typeof FORMATS)[number];

/** The element each list's items take in GeoReport v2's XML, by the list's name. */
const ITEM_OF: Record<string, string> = {
  discovery: '',
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** JSON's lists become a wrapper element holding one element per item, as the spec's XML has them. */
function toXml(value: Json, name: string): unknown {
  if (Array.isArray(value)) {
    const item = ITEM_OF[name] ?? 'item';
    return { [item]: value.map((v) => toXml(v, item)) };
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toXml(v, k)]));
  return value ?? '';
}

// The builder escapes text (& < > " '), so a report's words cannot break the document.
const builder = new XMLBuilder({ format: false, suppressEmptyNode: false, processEntities: true });

const TYPES: Record<Format, string> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };

/** An answer written in the format the address asked for; `root` names the XML's outer element. */
function write(format: Format, root: string, body: Json): string {
  if (format === 'json') return JSON.stringify(body);
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: toXml(body, root) })}`;
}

/** Sends an answer in the format the address asked for. */
export const send = (reply: FastifyReply, format: Format, root: string, body: Json) =>
  reply.type(TYPES[format]).send(write(format, root, body));

/** An answer written and compressed once, to be sent many times until the data changes. */
export function encodeAnswer(format: Format, root: string, body: Json): Promise<Encoded> {
  const bytes = Buffer.from(write(format, root, body));
  return encodeOnce(bytes, etagOf(bytes));
}

/** Sends an answer encodeAnswer made, in the encoding the client prefers. */
export const sendKept = (req: FastifyRequest, reply: FastifyReply, format: Format, answer: Encoded, config: Config) =>
  sendEncoded(req, reply.type(TYPES[format]), answer, config);

/** The spec's error answer: a list of {code, description}. */
export const sendError = (reply: FastifyReply, format: Format, status: number, description: string) =>
  send(reply.status(status), format, 'errors', [{ code: status, description }]);

/** The format an address ends in; JSON for an address that names none. */
export const formatOfUrl = (url: string): Format => (/\.xml(\?|$)/.test(url) ? 'xml' : 'json');
