import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ModuleContext, SearchHit, SearchProvider } from '../modules.ts';
import { SearchForm } from '../views/components.tsx';
import { usePage } from '../views/context.ts';

export const MAX_QUERY_LENGTH = 200;
const RESULT_LIMIT = 50;

const querySchema = z.object({ q: z.string().optional().default('') });

function Results({ query, hits, tooLong }: { query: string; hits: SearchHit[]; tooLong: boolean }) {
  const { t } = usePage();
  const trimmed = query.trim();
  return (
    <>
      <h1>{t('search.title')}</h1>
      {tooLong && (
        <p class="notice notice--error" role="alert">
          {t('search.tooLong', { max: MAX_QUERY_LENGTH })}
        </p>
      )}
      <SearchForm id="search-page-q" value={query} large />
      {trimmed && !tooLong && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t('search.resultsFor', { count: hits.length, query: trimmed })}</h2>
          {hits.length === 0 ? (
            <p>{t('search.none')}</p>
          ) : (
            <ol class="results">
              {hits.map((hit) => (
                <li key={hit.url}>
                  <p class="result-kind">{t(hit.kind)}</p>
                  <h3>
                    <a href={hit.url}>{hit.title}</a>
                  </h3>
                  {hit.summary && <p>{hit.summary}</p>}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </>
  );
}

/** The search page: asks every module's search provider and merges what they find. */
export function registerSearch(app: FastifyInstance, providers: SearchProvider[], ctx: ModuleContext): void {
  app.get('/:lang/search', async (req, reply) => {
    const raw = querySchema.safeParse(req.query);
    const query = raw.success ? raw.data.q : '';
    const tooLong = query.length > MAX_QUERY_LENGTH;
    const search = async (): Promise<SearchHit[]> => {
      const found = await Promise.all(
        providers.map((p) => p.search({ text: query.trim(), lang: req.lang, t: req.t, limit: RESULT_LIMIT }, ctx)),
      );
      return found
        .flat()
        .sort((a, b) => b.score - a.score)
        .slice(0, RESULT_LIMIT);
    };
    reply.status(tooLong ? 400 : 200);
    // What is found is the same for every reader: a query asked again is answered from what was rendered.
    const body =
      query.trim() && !tooLong ? (
        await reply.kept(`search|${query}`, async () => <Results query={query} hits={await search()} tooLong={false} />)
      ) : (
        <Results query={query} hits={[]} tooLong={tooLong} />
      );
    return reply.page(body, {
      title: query.trim() ? req.t('search.titleWithQuery', { query: query.trim().slice(0, 60) }) : req.t('search.title'),
      indexable: !query,
    });
  });
}
