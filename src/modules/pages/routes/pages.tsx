import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { feedPath } from '../../../core/feeds.ts';
import { typedValues } from '../../../core/http/forms.ts';
import { NO_STORE } from '../../../core/http/guards.ts';
import { queryParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import { caughtInHoneypot } from '../../../core/http/spam.tsx';
import { type ModuleContext, renderSections } from '../../../core/modules.ts';
import { joinedPlaces, MAP_SCRIPTS, MAP_STYLES } from '../../municipalities/index.ts';
import { CONTACT_TOPICS } from '../schema.ts';
import { sendContactMessage } from '../service/contact.ts';
import { followedStories } from '../service/following.ts';
import { AboutPage } from '../views/about.tsx';
import { AccessibilityPage } from '../views/accessibility.tsx';
import { ContactPage, ContactThanksPage, type ContactValues } from '../views/contact.tsx';
import { HomePage, HomeRest, HomeTop } from '../views/home.tsx';
import { PrivacyPage } from '../views/privacy.tsx';
import { TermsPage } from '../views/terms.tsx';

const topicQuery = queryParams({ topic: z.enum(CONTACT_TOPICS) });
const formValues = (body: unknown): ContactValues => typedValues(body, ['topic', 'name', 'email', 'page_url', 'message']);

export function pagesRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { database, config } = ctx;
  // Other modules add what is new to the home page; they get the reader's query (e.g. a chosen country).
  // What they add is the same for everyone, so it is rendered once per language and query, and kept.
  app.get('/:lang/', async (req, reply) => {
    const view = { lang: req.lang, t: req.t, actor: null };
    const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
    const [top, following, rest, places] = await Promise.all([
      reply.kept(`home.top${query}`, async () => <HomeTop featured={await renderSections(ctx, 'home.featured', req.query, view)} />),
      req.actor ? followedStories(ctx, req.actor.id, req.lang) : undefined,
      reply.kept(`home.rest${query}`, async () => {
        const [sections, facts, joined] = await Promise.all([
          renderSections(ctx, 'home', req.query, view),
          renderSections(ctx, 'home.facts', null, view),
          joinedPlaces(database.db),
        ]);
        return (
          <HomeRest
            sections={sections}
            facts={facts}
            joined={{ places: joined, tiles: config.mapTileUrl, attribution: config.mapAttribution }}
          />
        );
      }),
      joinedPlaces(database.db),
    ]);
    // A follower's home page is their own: it is never kept by a browser or a proxy.
    if (req.actor) reply.headers(NO_STORE);
    return reply.page(<HomePage top={top} following={following} rest={rest} />, {
      title: req.t('home.title'),
      description: req.t('home.lead', { siteName: config.siteName }),
      feeds: [
        {
          title: req.t('home.feeds.latest', { siteName: config.siteName }),
          rss: feedPath(req.lang, 'content', 'rss'),
          atom: feedPath(req.lang, 'content', 'atom'),
        },
        { title: req.t('home.feeds.events', { siteName: config.siteName }), ics: `/${req.lang}/events.ics` },
      ],
      ...(places.length ? { styles: MAP_STYLES, scripts: MAP_SCRIPTS } : {}),
    });
  });
  app.get('/:lang/about', (req, reply) => reply.page(<AboutPage />, { title: req.t('nav.about') }));
  app.get('/:lang/accessibility', (req, reply) => reply.page(<AccessibilityPage />, { title: req.t('accessibility.title') }));
  app.get('/:lang/privacy', (req, reply) => reply.page(<PrivacyPage />, { title: req.t('privacy.title') }));
  app.get('/:lang/terms', (req, reply) => reply.page(<TermsPage />, { title: req.t('terms.title') }));

  app.get('/:lang/contact', (req, reply) => {
    const values: ContactValues = { topic: topicQuery(req).topic ?? 'general' };
    return reply.headers(NO_STORE).page(<ContactPage values={values} errors={{}} csrfToken={reply.generateCsrf()} />, {
      title: req.t('contact.title'),
    });
  });

  app.post('/:lang/contact', { config: { rateLimit: FORM_RATE_LIMIT, textChecked: true } }, async (req, reply) => {
    const thanks = `/${req.lang}/contact/thanks`;
    // A robot is thanked like a person, and its message is not kept.
    if (caughtInHoneypot(req.body)) return reply.redirect(thanks, 303);
    const result = await sendContactMessage(database.db, req.body, req.lang);
    if (result.ok) return reply.redirect(thanks, 303);
    return reply.refused(
      result,
      <ContactPage values={formValues(req.body)} errors={result.errors} csrfToken={reply.generateCsrf()} />,
      req.t('contact.title'),
    );
  });

  app.get('/:lang/contact/thanks', (req, reply) =>
    reply.page(<ContactThanksPage />, { title: req.t('contact.thanks.title'), indexable: false }),
  );
}
