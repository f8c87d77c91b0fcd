import type { FastifyInstance } from 'fastify';
import { Feed } from 'feed';
import { z } from 'zod';
import { loadOr404 } from './http/guards.ts';
import { pathParams } from './http/params.ts';
import type { FeedProvider, ModuleContext } from './modules.ts';

const FORMATS = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
} as const;
type Format = keyof typeof FORMATS;

export const FEED_LIMIT = 50;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The address of a module's feed, with the listing's filters as query parameters. */
export function feedPath(lang: string, name: string, format: Format, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `/${lang}/feeds/${name}.${format}${query ? `?${query}` : ''}`;
}

/** Serves every module's feeds as RSS 2.0, Atom and JSON Feed at /{lang}/feeds/{name}.{format}. */
const FEED_FILE = /^([a-z0-9-]+)\.(rss|atom|json)$/;
const feedParams = pathParams(
  z.object({
    file: z
      .string()
      .regex(FEED_FILE)
      .transform((file) => {
        const [, name, format] = FEED_FILE.exec(file)!;
        return { name: name!, format: format as Format };
      }),
  }),
);

export function registerFeeds(app: FastifyInstance, providers: FeedProvider[], ctx: ModuleContext): void {
  const byName = new Map(providers.map((p) => [p.name, p]));
  app.get('/:lang/feeds/:file', async (req, reply) => {
    const { name, format } = feedParams(req).file;
    const provider = await loadOr404(byName.get(name));
    const params = Object.fromEntries(
      Object.entries(req.query as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    const { baseUrl, siteName } = ctx.config;
    const { title, link, entries } = await provider.read({ lang: req.lang, t: req.t, params, limit: FEED_LIMIT }, ctx);
    const feed = new Feed({
      id: `${baseUrl}${feedPath(req.lang, provider.name, 'atom', params)}`,
      title: `${title} – ${siteName}`,
      link: `${baseUrl}${link}`,
      language: req.lang,
      updated: entries[0] ? new Date(entries[0].updated ?? entries[0].published) : new Date(0),
      generator: siteName,
      copyright: siteName,
      feedLinks: Object.fromEntries(
        (Object.keys(FORMATS) as Format[]).map((f) => [f, `${baseUrl}${feedPath(req.lang, provider.name, f, params)}`]),
      ),
    });
    for (const e of entries) {
      feed.addItem({
        id: `${baseUrl}${e.url}`,
        link: `${baseUrl}${e.url}`,
        // Titles and descriptions are plain text. RSS and Atom readers take them as HTML, so there
        // they are escaped to stay text; JSON Feed's title is text by definition.
        title: format === 'json' ? e.title : escapeHtml(e.title),
        description: e.summary && escapeHtml(e.summary),
        date: new Date(e.updated ?? e.published),
        published: new Date(e.published),
        ...(e.author ? { author: [{ name: e.author, ...(e.authorPath ? { link: `${baseUrl}${e.authorPath}` } : {}) }] } : {}),
      });
    }
    reply.type(FORMATS[format]).header('cache-control', 'public, max-age=300');
    return format === 'rss' ? feed.rss2() : format === 'atom' ? feed.atom1() : feed.json1();
  });
}
