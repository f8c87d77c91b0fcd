import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ComponentType, Fragment, h, type VNode } from 'preact';
import { jsxTemplate } from 'preact/jsx-runtime';
import { renderToString } from 'preact-render-to-string';
import type { Actor } from '../authz.ts';
import { Remembered } from '../cache.ts';
import type { Config } from '../config.ts';
import { type Translator, translator } from '../i18n/catalog.ts';
import { isLanguage, type LanguageCode } from '../i18n/languages.ts';
import { negotiateLanguage } from '../i18n/negotiate.ts';
import type { NavEntry } from '../modules.ts';
import { PageContextValue } from '../views/context.ts';
import { ConfirmLinkPage, LinkExpired } from '../views/forms.tsx';
import { documentRenderer, type PageOptions } from '../views/render.tsx';
import { assetVersion } from './assets.ts';
import { refusedStatus } from './forms.ts';
import { NO_STORE } from './guards.ts';

/** A refused form's outcome: its errors, and `retryAfter` when it was too many attempts. */
type Refusal = { errors?: unknown; retryAfter?: number };

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
    /**
     * A part of a page that is the same for every reader of the language (it renders with nobody
     * signed in): made and rendered once per key, then kept like the lists it shows. What is this
     * reader's alone goes into its holes (`fills`, see fillHoles).
     */
    kept(key: string, make: () => Promise<VNode>, fills?: Map<string, VNode>): Promise<VNode>;
    /** Sends a form back with its errors: 422 (429 with Retry-After for too many attempts), titled "Error: title". */
    refused(result: Refusal, body: VNode, title: string): FastifyReply;
    /** The 410 page for a mailed link that is unknown, expired or used. */
    linkExpired(): FastifyReply;
    /** What a mailed link opens: a button that sends the link's address back as a POST. */
    confirmLink(title: string, lead?: string): FastifyReply;
  }
}

/** The path after the language prefix, with its query: what the language switcher keeps. */
export function pathWithinLanguage(req: FastifyRequest): string {
  const match = /^\/([a-z]{2})(\/.*)?$/.exec(req.url.split('#')[0] ?? '/');
  if (match && isLanguage(match[1])) return match[2] ?? '/';
  return req.url;
}

const FORM_TOKEN = 'name="_csrf"';
/** Rendered parts of pages, per language and key. */
const keptParts = new Remembered<string>(30_000, 2000);

/** HTML that our own components rendered (and escaped), placed into a page as it is. */
export const rendered = (html: string): VNode => jsxTemplate([html]);

const HOLE = ' data-hole="';

/**
 * Kept HTML with some of its holes filled for this reader: each element carrying `data-hole="{key}"`
 * (see Hole) whose key `fills` names is replaced, whole, by that part. A hole holds no element of
 * its own tag: its first closing tag ends it.
 */
export function fillHoles(html: string, fills: Map<string, VNode>): VNode {
  if (!fills.size) return rendered(html);
  const parts: VNode[] = [];
  let from = 0;
  for (let at = html.indexOf(HOLE); at >= 0; at = html.indexOf(HOLE, at + 1)) {
    const end = html.indexOf('"', at + HOLE.length);
    const fill = fills.get(html.slice(at + HOLE.length, end));
    if (!fill) continue;
    const open = html.lastIndexOf('<', at);
    const tag = /^<([a-z]+)/.exec(html.slice(open, at))?.[1];
    const close = html.indexOf(`</${tag}>`, end);
    if (!tag || close < 0) continue;
    parts.push(rendered(html.slice(from, open)), fill);
    from = close + tag.length + 3;
    at = from - 1;
  }
  parts.push(rendered(html.slice(from)));
  return h(Fragment, null, ...parts) as VNode;
}

export function registerPages(app: FastifyInstance, config: Config, db: object, nav: NavEntry[], headerSlots: ComponentType[]): void {
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

  const site = { siteName: config.siteName, baseUrl: config.baseUrl, nav, assetVersion: version, headerSlots };
  const renderDocument = documentRenderer(site);
  app.decorateReply('page', function page(this: FastifyReply, body: VNode, options: PageOptions) {
    const req = this.request;
    const html = renderDocument({ ...site, lang: req.lang, t: req.t, path: pathWithinLanguage(req), actor: req.actor }, body, options);
    return this.type('text/html; charset=utf-8').send(html);
  });

  app.decorateReply('kept', async function kept(this: FastifyReply, key: string, make: () => Promise<VNode>, fills = new Map()) {
    const { lang, t } = this.request;
    const html = await keptParts.get(db, `${lang}|${key}`, async () => {
      const page = { ...site, lang, t, path: '', actor: null };
      const html = renderToString(h(PageContextValue.Provider, { value: page }, await make()));
      // A form token belongs to one visitor: a part holding one would hand it to everybody.
      if (html.includes(FORM_TOKEN)) throw new Error(`the kept part ${key} holds a form token`);
      return html;
    });
    return fillHoles(html, fills);
  });

  app.decorateReply('refused', function refused(this: FastifyReply, result: Refusal, body: VNode, title: string) {
    const t = this.request.t;
    return refusedStatus(this, result)
      .headers(NO_STORE)
      .page(body, { title: t('form.errorTitle', { title }), indexable: false });
  });

  app.decorateReply('linkExpired', function linkExpired(this: FastifyReply) {
    return this.status(410)
      .headers(NO_STORE)
      .page(h(LinkExpired, null) as VNode, { title: this.request.t('form.linkExpired.title'), indexable: false });
  });

  app.decorateReply('confirmLink', function confirmLink(this: FastifyReply, title: string, lead?: string) {
    // The page posts to its own address; the query (if any) is not part of the link's action.
    const action = this.request.url.split('?')[0]!;
    const page = h(ConfirmLinkPage, { title, lead, action, csrfToken: this.generateCsrf() }) as VNode;
    return this.headers(NO_STORE).header('referrer-policy', 'no-referrer').page(page, { title, indexable: false });
  });
}
