import { renderToString } from 'preact-render-to-string';
import { feedPath } from '../../../core/feeds.ts';
import type { ModuleContext, SectionProvider, SectionView } from '../../../core/modules.ts';
import { EmptyState, NamedSection } from '../../../core/views/components.tsx';
import { type PageContext, PageContextValue } from '../../../core/views/context.ts';
import type { Municipality } from '../../municipalities/index.ts';
import { contentPolicy } from '../policy.ts';
import { CardList } from '../views/cards.tsx';
import { type Card, recentCards, recentHtml } from './read.ts';

/** The lists of a town's profile, rendered by our own components (which escape every value); empty when nothing is published. */
async function profileLists(ctx: ModuleContext, view: SectionView, m: Municipality): Promise<{ news: string; events: string }> {
  // The profile is the directory's busiest page: the lists are rendered once and kept like the cards they show.
  const json = await recentHtml.get(ctx.database.db, `${view.lang}|${m.id}|${m.name}`, async () => {
    const [latest, events] = await Promise.all([
      recentCards(ctx, { municipality: m.id, notType: 'event' }, view.lang, 5),
      recentCards(ctx, { municipality: m.id, type: 'event', upcoming: true }, view.lang, 3),
    ]);
    const page: PageContext = {
      lang: view.lang,
      t: view.t,
      siteName: ctx.config.siteName,
      baseUrl: ctx.config.baseUrl,
      path: '',
      nav: [],
      assetVersion: '',
      headerSlots: [],
      actor: null,
    };
    const render = (cards: Card[]) =>
      cards.length
        ? renderToString(
            <PageContextValue.Provider value={page}>
              <CardList cards={cards} level={3} />
            </PageContextValue.Provider>,
          )
        : '';
    return JSON.stringify({ news: render(latest.cards), events: render(events.cards) });
  });
  return JSON.parse(json);
}

/**
 * A town's news and its coming events on its profile, each a section of its own (an event is listed
 * once: among the events, never among the news). The public sees only what has something in it; the
 * town's writers see an empty one with the way to fill it.
 */
export const profileSection: SectionProvider = async (subject, view, ctx) => {
  const m = subject as Municipality;
  const { t, lang } = view;
  const href = (p: string) => `/${lang}${p}`;
  const lists = await profileLists(ctx, view, m);
  const writes = !!view.actor && contentPolicy.can(view.actor, 'content.write', { owner_type: 'municipality', owner_id: m.id });
  const part = (id: 'news' | 'events', links: { href: string; label: string }[], empty: { text: string; label: string; type: string }) => {
    if (!lists[id] && !writes) return null;
    return (
      <NamedSection id={id} label={t(`content.profile.${id}`)}>
        {lists[id] ? (
          <>
            {/* Rendered by CardList above, which escapes every value. */}
            <div dangerouslySetInnerHTML={{ __html: lists[id] }} />
            <p class="form-links">
              {links.map((l) => (
                <a key={l.href} href={l.href}>
                  {l.label}
                </a>
              ))}
            </p>
          </>
        ) : (
          <EmptyState text={empty.text} action={{ href: href(`/newsroom/new?type=${empty.type}`), label: empty.label }} />
        )}
      </NamedSection>
    );
  };
  return (
    <>
      {part(
        'news',
        [
          { href: href(`/latest?municipality=${m.id}`), label: t('content.profile.all') },
          { href: feedPath(lang, 'content', 'rss', { municipality: String(m.id) }), label: t('content.rss') },
        ],
        { text: t('content.profile.noNews'), label: t('content.profile.writeFirst'), type: 'news' },
      )}
      {part(
        'events',
        [
          { href: href(`/events?municipality=${m.id}`), label: t('content.home.allEvents') },
          { href: `/${lang}/events.ics?municipality=${m.id}`, label: t('content.calendarFeed') },
        ],
        { text: t('content.profile.noEvents'), label: t('content.profile.addEvent'), type: 'event' },
      )}
    </>
  );
};
