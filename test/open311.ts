import assert from 'node:assert/strict';
import { DOMParser, type Element } from '@xmldom/xmldom';
import type { FastifyInstance } from 'fastify';
import { AUTHOR } from './signals-open311.ts';

/** Parses an Open311 XML answer with a real XML parser: any warning or error fails the test. */
export function parseXml(body: string) {
  const doc = new DOMParser({
    onError: (level, message) => {
      throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(body, 'text/xml');
  return doc.documentElement!;
}

/** The child elements of an element with a name. */
export const childrenNamed = (el: Element, name: string) =>
  Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).tagName === name);

/** The text of an element's one child of that name; fails when there is not exactly one. */
export function textOf(el: Element, name: string): string {
  const found = childrenNamed(el, name);
  assert.equal(found.length, 1, `one <${name}> in <${el.tagName}>`);
  return found[0]!.textContent ?? '';
}

/** An Open311 GET, in JSON or XML. */
export async function get311(app: FastifyInstance, path: string) {
  const res = await app.inject({ url: `/open311/v2/${path}` });
  assertNoAuthor(res.body);
  return res;
}

/** A form-encoded Open311 POST. */
export async function post311(app: FastifyInstance, format: 'json' | 'xml', fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  const res = await app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
  assertNoAuthor(res.body);
  return res;
}

/** No answer shows who reported. */
export function assertNoAuthor(body: string) {
  for (const secret of Object.values(AUTHOR)) assert.ok(!body.includes(secret), `the author's ${secret} is not shown`);
}

/** Checks an error answer in both of the spec's shapes: its status, and a description matching `pattern`. */
export function assertError(res: { statusCode: number; body: string; headers: Record<string, unknown> }, status: number, pattern: RegExp) {
  assert.equal(res.statusCode, status, res.body);
  if (String(res.headers['content-type']).startsWith('text/xml')) {
    const root = parseXml(res.body);
    assert.equal(root.tagName, 'errors');
    const [error] = childrenNamed(root, 'error');
    assert.equal(textOf(error!, 'code'), String(status));
    assert.match(textOf(error!, 'description'), pattern);
  } else {
    assert.match(String(res.headers['content-type']), /^application\/json/);
    const body = JSON.parse(res.body) as { code: number; description: string }[];
    assert.equal(body.length, 1);
    assert.equal(body[0]!.code, status);
    assert.match(body[0]!.description, pattern);
  }
}
