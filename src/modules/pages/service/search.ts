import type { SearchHit, SearchProvider } from '../../../core/modules.ts';
import { foldText, queryTerms } from '../../../core/search/normalize.ts';

/** The module's pages, with the messages whose text a search looks at. */
const PAGES = [
  { path: '/about', title: 'nav.about', text: ['about.intro', 'about.languages.body', 'about.open.body'] },
  {
    path: '/accessibility',
    title: 'accessibility.title',
    text: ['accessibility.intro', 'accessibility.status.body', 'accessibility.feedback.body'],
  },
  {
    path: '/privacy',
    title: 'privacy.title',
    text: ['privacy.intro', 'privacy.cookies.body', 'privacy.account.body', 'privacy.messages.body', 'privacy.rights.body'],
  },
  {
    path: '/terms',
    title: 'terms.title',
    text: ['terms.intro', 'terms.who.body', 'terms.posting.body', 'terms.moderation.body', 'terms.licence.body'],
  },
  { path: '/contact', title: 'contact.title', text: ['contact.intro'] },
];

export const pageSearch: SearchProvider = {
  name: 'pages',
  async search({ text, lang, t, limit }, { config }) {
    const terms = queryTerms(text);
    if (terms.length === 0) return [];
    const values = { siteName: config.siteName, baseUrl: config.baseUrl };
    const hits: SearchHit[] = [];
    for (const page of PAGES) {
      const title = t(page.title, values);
      const foldedTitle = foldText(title);
      const body = foldText(page.text.map((k) => t(k, values)).join(' '));
      if (!terms.every((term) => foldedTitle.includes(term) || body.includes(term))) continue;
      const inTitle = terms.filter((term) => foldedTitle.includes(term)).length;
      hits.push({
        kind: 'search.kind.page',
        title,
        url: `/${lang}${page.path}`,
        summary: t(page.text[0] ?? page.title, values),
        score: 1 + inTitle,
      });
    }
    return hits.slice(0, limit);
  },
};
