import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentType, VNode } from 'preact';
import type { Actor } from '../authz.ts';
import type { Config } from '../config.ts';
import { type Translator, translator } from '../i18n/catalog.ts';
import { isLanguage, type LanguageCode } from '../i18n/languages.ts';
import { negotiateLanguage } from '../i18n/negotiate.ts';
import type { NavEntry } from '../modules.ts';
import { type PageOptions, renderDocument } from '../views/render.tsx';

declare module 'fastify' {
  interface FastifyRequest {
    lang: LanguageCode;
    t: Translator;
    /** The signed-in person, or null; set by the accounts module. */
    actor: Actor | null;
  }
  interface FastifyReply {
    /** Sends a whole page in the request's language. */
    page(body: VNode, options: PageOptions): FastifyReply;
  }
}

export const publicDir = new URL('../../../public/', import.meta.url);

function assetVersion(): string {
  return createHash('sha256').update(readFileSync(new URL('app.css', publicDir))).digest('hex').slice(0, 10);
}

/** The path after the language prefix, with its query: what the language switcher keeps. */
export function pathWithinLanguage(req: FastifyRequest): string {
  const match = /^\/([a-z]{2})(\/.*)?$/.exec(req.url.split('#')[0] ?? '/');
  if (match && isLanguage(match[1])) return match[2] ?? '/';
  return req.url;
}

export function registerPages(app: FastifyInstance, config: Config, nav: NavEntry[], headerSlots: ComponentType[]): void {
  const version = assetVersion();
  app.decorateRequest('lang', 'en');
  app.decorateRequest('t', null as unknown as Translator);
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (req, reply) => {
    const first = req.url.split(/[/?#]/)[1];
    req.lang = isLanguage(first) ? first : negotiateLanguage(req.headers['accept-language']);
    req.t = translator(req.lang);
    const params = req.params as { lang?: string } | undefined;
    if (params && 'lang' in params && !isLanguage(params.lang)) {
      reply.callNotFound();
      return reply;
    }
  });

  app.decorateReply('page', function page(this: FastifyReply, body: VNode, options: PageOptions) {
    const req = this.request;
    const html = renderDocument(
      { lang: req.lang, t: req.t, path: pathWithinLanguage(req), siteName: config.siteName, baseUrl: config.baseUrl, nav, assetVersion: version, headerSlots, actor: req.actor },
      body,
      options,
    );
    return this.type('text/html; charset=utf-8').send(html);
  });
}
