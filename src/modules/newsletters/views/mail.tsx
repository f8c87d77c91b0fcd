import { renderToString } from 'preact-render-to-string';

export interface MailParts {
  lang: string;
  subject: string;
  /** The body, already rendered and sanitised. */
  html: string;
  listName: string;
  footer: string;
  links: { href: string; text: string }[];
}

// Mail clients ignore stylesheets; the few styles a newsletter needs are inline, as mail requires.
const PAGE = 'font-family:system-ui,Arial,sans-serif;line-height:1.5;color:#1b1f24;max-width:40rem;margin:0 auto;padding:1rem';

/** A newsletter as an HTML mail: the list's name, the subject, the body, and the links to the web and to unsubscribe. */
export function newsletterHtml(p: MailParts): string {
  return `<!doctype html>${renderToString(
    <html lang={p.lang}>
      <head>
        <meta charset="utf-8" />
        <title>{p.subject}</title>
      </head>
      <body style={PAGE}>
        <p style="color:#4a5360">{p.listName}</p>
        <h1 style="font-size:1.5rem;line-height:1.2">{p.subject}</h1>
        <div dangerouslySetInnerHTML={{ __html: p.html }} />
        <hr />
        <p style="color:#4a5360;font-size:0.9rem">{p.footer}</p>
        <p style="font-size:0.9rem">
          {p.links.map((l, i) => (
            <>
              {i > 0 && ' · '}
              <a href={l.href}>{l.text}</a>
            </>
          ))}
        </p>
      </body>
    </html>,
  )}`;
}
