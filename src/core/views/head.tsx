/** What a page says of itself to sites that link it (Open Graph) and to search engines (schema.org). */
export interface SharedPage {
  type: 'website' | 'article';
  title: string;
  description?: string | null | undefined;
  url: string;
  locale: string;
  image?: string | undefined;
  imageAlt?: string | null | undefined;
  publishedTime?: string | null | undefined;
  /** A schema.org object, e.g. a Place or a NewsArticle. */
  data: object;
}

/** The Open Graph tags and the JSON-LD block of a page, for its `head`. */
export function SharedPageHead({ page }: { page: SharedPage }) {
  return (
    <>
      <meta property="og:type" content={page.type} />
      <meta property="og:title" content={page.title} />
      {page.description && <meta property="og:description" content={page.description} />}
      <meta property="og:url" content={page.url} />
      <meta property="og:locale" content={page.locale} />
      {page.image && <meta property="og:image" content={page.image} />}
      {page.image && page.imageAlt && <meta property="og:image:alt" content={page.imageAlt} />}
      {page.publishedTime && <meta property="article:published_time" content={page.publishedTime} />}
      {/* A data block, not a script: escaped so that no value can close the element. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(page.data).replace(/</g, '\\u003c') }} />
    </>
  );
}
