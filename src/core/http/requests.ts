import type { FastifyError, FastifyInstance } from 'fastify';
import { NUL_CODE, nulIn } from './input.ts';
import { FORM_BODY_LIMIT } from './security.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route checks every text of its body and query itself (its schema refuses control
     * characters with a field error, so that the form comes back with what was typed): the NUL
     * check below leaves them to it. Route parameters are checked all the same.
     */
    textChecked?: boolean;
  }
}

/** Deeper than any form or API body of ours; deep enough nesting overflows the stack of whoever walks it. */
export const MAX_JSON_DEPTH = 16;

/** A request refused before its handler: answered 400 (a page, or problem JSON naming the parameter). */
export function badRequest(code: string, message: string, parameter?: string): FastifyError {
  return Object.assign(new Error(message), {
    statusCode: 400,
    code,
    name: 'BadRequest',
    ...(parameter !== undefined ? { problems: [{ name: parameter, reason: message }] } : {}),
  });
}

/** How deeply arrays and objects nest in a JSON text, counted without parsing it. */
export function jsonDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // a backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) deepest = Math.max(deepest, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}

/** A file over its form's own upload limit (config `uploadLimit`): its content is dropped, its name kept. */
export class OversizedFile {
  readonly filename: string;
  constructor(filename: string) {
    this.filename = filename;
  }
}

const sentNames = new WeakMap<Buffer, string>();
/** The name a file of a multipart body was sent with (the sender's, to show, never to store under). */
export const sentName = (file: Buffer): string => sentNames.get(file) ?? '';

/**
 * Request bodies and the NUL safety net. JSON is small and shallow; a malformed multipart body is
 * the sender's 400; a NUL byte in a query, a route parameter or a body that no form schema checks
 * is refused before any handler, so it never reaches the database (PostgreSQL refuses it in text).
 */
export function registerRequestChecks(app: FastifyInstance): void {
  // Fastify's own parser (which refuses __proto__ and constructor keys), behind a depth check.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (req, body, done) => {
    if (jsonDepth(String(body)) > MAX_JSON_DEPTH)
      return done(badRequest('MUNICIPIUM_JSON_DEPTH', `JSON nested deeper than ${MAX_JSON_DEPTH}`), undefined);
    parseJson(req, String(body), done);
  });

  // Read here rather than by the plugin's attachFieldsToBody, whose parser errors ("Boundary not
  // found", "Unexpected end of multipart data") carry no status and so became 500s.
  app.addHook('preValidation', async (req) => {
    if (!req.isMultipart()) return;
    const body: Record<string, unknown> = {};
    const limit = req.routeOptions.config?.uploadLimit;
    try {
      // The plugin reads throwFileSizeLimit per call too, though its types name it only for the plugin.
      const options = { limits: { fileSize: limit }, throwFileSizeLimit: false } as Parameters<typeof req.parts>[0];
      const parts = limit ? req.parts(options) : req.parts();
      for await (const part of parts) {
        let value = part.type === 'file' ? await part.toBuffer() : part.value;
        if (part.type === 'file' && part.file.truncated) value = new OversizedFile(part.filename);
        else if (part.type === 'file' && Buffer.isBuffer(value)) sentNames.set(value, part.filename);
        if (part.type === 'field' && typeof value !== 'string')
          throw badRequest('MUNICIPIUM_MULTIPART', 'a form field is text', part.fieldname);
        const known = body[part.fieldname];
        body[part.fieldname] = known === undefined ? value : [...(Array.isArray(known) ? known : [known]), value];
      }
    } catch (err) {
      if ((err as FastifyError).statusCode) throw err;
      throw badRequest('MUNICIPIUM_MULTIPART', 'body is not valid multipart/form-data');
    }
    req.body = body;
  });

  // After the language is known (registerPages), so that the refusal is a page in it.
  app.addHook('onRequest', async (req) => {
    const at = nulIn(req.params) ?? (req.routeOptions.config?.textChecked ? undefined : nulIn(req.query));
    if (at !== undefined) throw badRequest(NUL_CODE, 'must not contain a NUL byte', at);
  });
  app.addHook('preValidation', async (req) => {
    if (req.routeOptions.config?.textChecked) return;
    const at = nulIn(req.body);
    if (at !== undefined) throw badRequest(NUL_CODE, 'must not contain a NUL byte', at);
  });
}
