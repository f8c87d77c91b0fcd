import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFeed } from '@rowanmanning/feed-parser';
import { Parser } from 'htmlparser2';
import { idFrom, sampleTowns } from '../../../test/content.ts';
import { person, submit as post } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';

/** Payloads that have broken real sites: markup, attributes, URL schemes, breaking out of JSON and attributes. */
const CORPUS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt&colon;alert(1)">click</a>',
  '[click](javascript:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '"><svg onload=alert(1)>',
  '\'><iframe src="javascript:alert(1)"></iframe>',
  '</script><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<details open ontoggle=alert(1)>',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '<form action="https://evil.example"><button formaction="javascript:alert(1)">x</button></form>',
  '<a href="https://example.eu" onclick="alert(1)">fine link, bad handler</a>',
  '<p title="x" onmouseover="alert(1)">x</p>',
  '<<script>script>alert(1)<</script>/script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<img src="x" alt="`onerror=alert(1)">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
];

const DANGEROUS_SCHEME = /^(javascript|vbscript|data):/i;

/** Everything in a page that could run: script elements that are not ours, handlers, script URLs, frames. */
function activeContent(html: string): string[] {
  const found: string[] = [];
  let inScript: { type?: string; text: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'script') {
          if (attrs.src?.startsWith('/static/')) return;
          if (attrs.type === 'application/ld+json') inScript = { type: attrs.type, text: '' };
          else found.push(`script ${JSON.stringify(attrs)}`);
        }
        if (['iframe', 'object', 'embed', 'style', 'math', 'base', 'frame'].includes(name)) found.push(`<${name}>`);
        if (name === 'svg' && attrs.class !== 'logo') found.push('<svg>');
        if (name === 'meta' && attrs['http-equiv']) found.push('<meta http-equiv>');
        for (const [attr, value] of Object.entries(attrs)) {
          if (attr.startsWith('on')) found.push(`${name}[${attr}]`);
          if (attr === 'style') found.push(`${name}[style]`);
          if (
            ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcset'].includes(attr) &&
            // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers skip control characters in a scheme
            DANGEROUS_SCHEME.test(value.replace(/[\s\u0000-\u001f]/g, ''))
          )
            found.push(`${name}[${attr}=${value}]`);
        }
      },
      ontext(text) {
        if (inScript) inScript.text += text;
      },
      onclosetag(name) {
        if (name === 'script' && inScript) {
          try {
            JSON.parse(inScript.text);
          } catch {
            found.push('ld+json that is not JSON');
          }
          inScript = undefined;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

/** The elements a reader would find in a text it takes as HTML. */
function tagsIn(html: string): string[] {
  const tags: string[] = [];
  const parser = new Parser({ onopentag: (name) => tags.push(name) }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return tags;
}

const xmlText = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

const every = (payload: string) => ({
  title: payload.slice(0, 200),
  summary: payload,
  body: `Intro\n\n${payload}\n\n${payload}`,
  image_alt: payload,
  goal: payload,
  problem: payload,
  solution: payload,
  results: payload,
  cost: payload.slice(0, 300),
  reuse: payload,
  tags: payload.replaceAll(',', ' ').slice(0, 40),
  contact: payload,
  venue_name: payload,
  venue_address: payload,
  organiser: payload,
  areas: 'digital',
});

appTest(
  'no payload of the XSS corpus survives as active content in any field of any type, on any page, feed or API',
  async (app, database) => {
    const { staraZagora } = await sampleTowns(database);
    const editor = await person(database, { roles: [['municipality_editor', staraZagora]] });
    const pages: string[] = [];
    for (const [i, payload] of CORPUS.entries()) {
      const type = (['news', 'event', 'initiative', 'practice'] as const)[i % 4]!;
      const fields = {
        ...every(payload),
        type,
        language: 'en',
        owner: `municipality:${staraZagora}`,
        starts_at: '2099-05-09T10:00',
        time_zone: 'Europe/Sofia',
        deadline: '2099-12-31',
        registration: 'on',
      };
      const created = await post(app, `/en/newsroom/new?type=${type}`, fields, editor, '/en/newsroom/new');
      assert.equal(created.statusCode, 303, `${payload} → ${created.statusCode}: ${created.body.slice(0, 300)}`);
      const id = idFrom(created.headers.location);
      await post(app, `/en/newsroom/${id}/edit`, {}, editor, `/en/newsroom/${id}/publish?when=now`);
      const item = await database.db.selectFrom('content_items').select(['slug', 'type']).where('id', '=', id).executeTakeFirstOrThrow();
      const seg = { news: 'news', event: 'events', initiative: 'initiatives', practice: 'good-practices' }[item.type];
      pages.push(`/en/${seg}/${id}-${item.slug}`, `/en/newsroom/${id}/edit`, `/en/newsroom/${id}/preview`, `/en/newsroom/${id}/history`);
      const html = await database.db.selectFrom('content_texts').select('body_html').where('item_id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual(activeContent(html.body_html), [], `stored body of ${payload}`);
    }
    pages.push(
      '/en/latest',
      '/en/news',
      '/en/events',
      '/en/events?view=month&month=2099-05',
      '/en/initiatives',
      '/en/good-practices',
      '/en/',
      '/en/newsroom',
      '/en/municipalities/bg/stara-zagora',
      '/en/latest?q=alert',
      '/en/search?q=alert',
      '/en/areas/digital',
    );
    for (const url of pages) {
      const res = await app.inject({ url, headers: url.includes('newsroom') ? { cookie: editor.cookie } : {} });
      assert.equal(res.statusCode, 200, url);
      assert.deepEqual(activeContent(res.body), [], url);
    }
    const titles = new Set(CORPUS.map((payload) => every(payload).title));
    for (const url of ['/en/feeds/content.rss', '/en/feeds/content.atom']) {
      const xml = (await app.inject({ url })).body;
      const read = parseFeed(xml).items;
      assert.equal(read.length, CORPUS.length);
      // A reader shows each title as the editor typed it, and finds no markup in it to run.
      assert.deepEqual(new Set(read.map((i) => i.title)), titles, url);
      const titleTexts = [...xml.matchAll(/<title[^>]*>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))<\/title>/g)].map(
        (m) => m[1] ?? xmlText(m[2]!),
      );
      assert.equal(titleTexts.length, CORPUS.length + 1, `${url}: the feed's title and one per item`);
      for (const title of titleTexts) assert.deepEqual(tagsIn(title), [], `${url}: title ${title}`);
      // A feed reader shows descriptions as HTML: ours must stay text in it.
      const html = [...xml.matchAll(/<(?:description|summary|content)[^>]*><!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1]!);
      assert.ok(html.length >= CORPUS.length);
      for (const h of html) assert.deepEqual(activeContent(h), [], `${url}: ${h}`);
    }
    const json = (await app.inject({ url: '/en/feeds/content.json' })).json() as {
      items: { title: string; content_html: string }[];
    };
    assert.deepEqual(new Set(json.items.map((i) => i.title)), titles, 'JSON Feed titles are the text itself');
    for (const i of json.items) assert.deepEqual(activeContent(i.content_html), [], `JSON Feed: ${i.content_html}`);
    const api = await app.inject({ url: '/api/v1/content?limit=100' });
    const items = (api.json() as { items: { bodyHtml: string }[] }).items;
    assert.equal(items.length, CORPUS.length);
    for (const item of items) assert.deepEqual(activeContent(item.bodyHtml), [], 'the API gives the sanitised body');
    const ics = (await app.inject({ url: '/en/events.ics' })).body;
    assert.ok(!/\r\n(BEGIN|END):V(?!EVENT|CALENDAR)/.test(ics), 'no payload opens another iCalendar component');
  },
);

appTest('the sanitiser keeps what editors need: structure and ordinary links', async (app, database) => {
  const { renderBody } = await import('./service/sanitize.ts');
  assert.equal(
    renderBody('## Plan\n\n1. one\n2. two\n\n[site](https://example.eu)'),
    '<h2>Plan</h2>\n<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n<p><a href="https://example.eu" rel="nofollow noopener">site</a></p>',
  );
  assert.equal(renderBody('# Big'), '<h2>Big</h2>', 'the page keeps its one h1');
  assert.equal(renderBody('<b>bold</b> and <span style="color:red">plain</span>'), '<p><b>bold</b> and plain</p>');
  void app;
  void database;
});

/** Markup that got past sanitisers once: raw-text elements closed early, frames' fallback, SVG animation, refresh. */
const PARSER_TRICKS = [
  '<b><noscript></b><img src=x onerror=alert(1)></noscript>',
  '<ul><li><noscript></li></ul><a href="javascript:alert(1)">x</a></noscript>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
  '<iframe><iframe><iframe><img src=x onerror=alert(1)></iframe></iframe></iframe>',
  '<iframe src="javascript:alert(1)"><a href="javascript:alert(2)">x</a>',
  '<textarea></textarea/><img src=x onerror=alert(1)></textarea>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<svg><textarea><img src=x onerror=alert(1)></textarea></svg>',
  '<svg><a href="#"><animate attributeName="href" values="#;javascript:alert(1)"/>x</a></svg>',
  '<a href="#x"><svg:animate attributeName="href" to="javascript:alert(1)"/>click</a>',
  '<a href="#x"><set attributeName="href" to="javascript:alert(1)"/>click</a>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<option>&lt;script&gt;alert(1)&lt;/script&gt;</option>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
];

/** What sanitize.ts lets a body hold. */
const BODY_TAGS = new Set(
  'p br strong b em i u s a ul ol li h2 h3 h4 blockquote code pre hr table thead tbody tr th td caption abbr sub sup'.split(' '),
);

test('a body keeps only its allowed elements and nothing that runs, whatever parser trick its markup plays', async () => {
  const { renderBody } = await import('./service/sanitize.ts');
  for (const payload of PARSER_TRICKS) {
    for (const source of [payload, `Intro\n\n${payload}\n\nEnd`]) {
      const html = renderBody(source);
      assert.deepEqual(activeContent(html), [], `${payload} → ${html}`);
      assert.deepEqual(
        tagsIn(html).filter((tag) => !BODY_TAGS.has(tag)),
        [],
        `${payload} → ${html}`,
      );
    }
  }
});
