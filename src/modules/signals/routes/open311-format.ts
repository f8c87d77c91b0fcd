import { XMLBuilder } from 'fast-xml-parser';
import type { FastifyReply } from 'fastify';

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

/** Sends an answer in the format the address asked for; `root` names the XML's outer element. */
export function send(reply: FastifyReply, format: Format, root: string, body: Json) {
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
  const xml = builder.build({ [root]: toXml(body, root) });
  return reply.type('text/xml; charset=utf-8').send(`<?xml version="1.0" encoding="utf-8"?>\n${xml}`);
}

/** The spec's error answer: a list of {code, description}. */
export const sendError = (reply: FastifyReply, format: Format, status: number, description: string) =>
  send(reply.status(status), format, 'errors', [{ code: status, description }]);

/** The format an address ends in; JSON for an address that names none. */
export const formatOfUrl = (url: string): Format => (/\.xml(\?|$)/.test(url) ? 'xml' : 'json');
