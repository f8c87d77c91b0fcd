import { renderToString } from 'preact-render-to-string';
import { feedPath } from '../../../core/feeds.ts';
import type { ModuleContext, SectionProvider, SectionView } from '../../../core/modules.ts';
import { EmptyState, NamedSection } from '../../../core/views/components.tsx';
import { type PageContext, PageContextValue } from '../../../core/views/context.ts';
import type { Municipality } from '../../municipalities/index.ts';
import { contentPolicy } from '../policy.ts';
import type { ContentFilter } from '../repo.ts';
import { CardList } from '../views/cards.tsx';
import type { OwnerParam } from './params.ts';
import { type Card, recentCards, recentHtml } from './read.ts';

/** An owner whose page shows what it publishes: a town on its profile, a network on its page. */
interface PageOwner {
  type: OwnerParam;
  id: number;
}

/** An owner's lists, rendered by our own components (which escape every value); empty when nothing is published. */
async function ownerLists(ctx: ModuleContext, view: SectionView, owner: PageOwner): Promise<{ news: string; events: string }> {
  // These pages are among the busiest: the lists are rendered once and kept like the cards they show.
  const json = await recentHtml.get(ctx.database.db, `${view.lang}|${owner.type}:${owner.id}`, async () => {
    const own: ContentFilter = { [owner.type]: owner.id };
    const [latest, events] = await Promise.all([
      recentCards(ctx, { ...own, notType: 'event' }, view.lang, 5),
      recentCards(ctx, { ...own, type: 'event', upcoming: true }, view.lang, 3),
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
 * An owner's news and its coming events, each a section of its own (an event is listed once: among
 * the events, never among the news). The public sees only what has something in it; the owner's
 * writers see an empty one with the way to fill it, the owner already chosen.
 */
async function ownerSections(ctx: ModuleContext, view: SectionView, owner: PageOwner, allLabel: string) {
  const { t, lang } = view;
  const href = (p: string) => `/${lang}${p}`;
  const lists = await ownerLists(ctx, view, owner);
  const writes = !!view.actor && contentPolicy.can(view.actor, 'content.write', { owner_type: owner.type, owner_id: owner.id });
  const filter = `${owner.type}=${owner.id}`;
  const write = (type: string) => href(`/newsroom/new?${new URLSearchParams({ type, owner: `${owner.type}:${owner.id}` })}`);
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
          <EmptyState text={empty.text} action={{ href: write(empty.type), label: empty.label }} />
        )}
      </NamedSection>
    );
  };
  return (
    <>
      {part(
        'news',
        [
          { href: href(`/latest?${filter}`), label: t(allLabel) },
          { href: feedPath(lang, 'content', 'rss', { [owner.type]: String(owner.id) }), label: t('content.rss') },
        ],
        { text: t('content.profile.noNews'), label: t('content.profile.writeFirst'), type: 'news' },
      )}
      {part(
        'events',
        [
          { href: href(`/events?${filter}`), label: t('content.home.allEvents') },
          { href: `/${lang}/events.ics?${filter}`, label: t('content.calendarFeed') },
        ],
        { text: t('content.profile.noEvents'), label: t('content.profile.addEvent'), type: 'event' },
      )}
    </>
  );
}

/** A town's news and coming events on its profile. */
export const profileSection: SectionProvider = (subject, view, ctx) =>
  ownerSections(ctx, view, { type: 'municipality', id: (subject as Municipality).id }, 'content.profile.all');

/** A network's news and coming events on its page; the page gives the network, of which only the id is read. */
export const networkSection: SectionProvider = (subject, view, ctx) =>
  ownerSections(ctx, view, { type: 'network', id: (subject as { id: number }).id }, 'content.network.all');

/** An EU project's news and coming events on its page; the page gives the project, of which only the id is read. */
export const projectSection: SectionProvider = (subject, view, ctx) =>
  ownerSections(ctx, view, { type: 'project', id: (subject as { id: number }).id }, 'content.project.all');

/** An organisation's good practices, news and events on its profile; of the organisation only the id is read. */
export const organisationSection: SectionProvider = (subject, view, ctx) =>
  ownerSections(ctx, view, { type: 'organisation', id: (subject as { id: number }).id }, 'content.organisation.all');

/** The head links of the feeds of what an owner publishes, for its page. */
export function ownerFeeds(lang: string, t: SectionView['t'], owner: PageOwner & { name: string }) {
  const params = { [owner.type]: String(owner.id) };
  return [
    {
      title: t('content.feedOf', { name: owner.name }),
      rss: feedPath(lang, 'content', 'rss', params),
      atom: feedPath(lang, 'content', 'atom', params),
    },
  ];
}
