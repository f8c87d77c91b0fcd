import type { FastifyInstance } from 'fastify';
import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';
import { z } from 'zod';
import { loadOr404 } from './http/guards.ts';
import { pathParams } from './http/params.ts';
import { DEFAULT_LANGUAGE, LANGUAGE_CODES } from './i18n/languages.ts';
import type { ModuleContext, SitemapProvider } from './modules.ts';

/**
 * /sitemap.xml indexes one sitemap per chunk of each module's pages; every page is listed once,
 * with its versions in all languages as hreflang alternates.
 */
const SITEMAP_FILE = /^([a-z]+)-([a-z0-9-]+)\.xml$/;
const sitemapParams = pathParams(
  z.object({
    file: z
      .string()
      .regex(SITEMAP_FILE)
      .transform((file) => {
        const [, name, chunk] = SITEMAP_FILE.exec(file)!;
        return { name: name!, chunk: chunk! };
      }),
  }),
);

export function registerSitemaps(app: FastifyInstance, providers: SitemapProvider[], ctx: ModuleContext): void {
  const { baseUrl } = ctx.config;
  const byName = new Map(providers.map((p) => [p.name, p]));

  app.get('/sitemap.xml', async (_req, reply) => {
    const index = new SitemapIndexStream();
    for (const p of providers) for (const chunk of await p.chunks(ctx)) index.write({ url: `${baseUrl}/sitemaps/${p.name}-${chunk}.xml` });
    index.end();
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(await streamToPromise(index));
  });

  app.get('/sitemaps/:file', async (req, reply) => {
    const { name, chunk } = sitemapParams(req).file;
    const provider = await loadOr404(byName.get(name));
    const paths = await loadOr404(provider.paths(chunk, ctx));
    const stream = new SitemapStream({
      hostname: baseUrl,
      xmlns: { xhtml: true, news: false, image: false, video: false },
    });
    for (const { path, lastmod } of paths) {
      stream.write({
        url: `/${DEFAULT_LANGUAGE}${path}`,
        ...(lastmod ? { lastmod } : {}),
        links: LANGUAGE_CODES.map((lang) => ({ lang, url: `/${lang}${path}` })),
      });
    }
    stream.end();
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(await streamToPromise(stream));
  });
}
