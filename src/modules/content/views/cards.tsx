import { countryName } from '../../../core/countries.ts';
import { LANGUAGES, type LanguageCode } from '../../../core/i18n/languages.ts';
import { useHref, usePage } from '../../../core/views/context.ts';
import { imageFile } from '../service/images.ts';
import { itemPath } from '../service/paths.ts';
import type { Card } from '../service/read.ts';
import { formatDate, formatSpan } from './dates.ts';

export const languageName = (code: string) => LANGUAGES[code as LanguageCode] ?? code;

/** Who published an item: a municipality, a network… (linked) or the portal. */
export function OwnerName({ card }: { card: Card }) {
  const { t, lang, siteName } = usePage();
  const href = useHref();
  if (!card.owner) return <>{card.item.owner_type === 'platform' ? siteName : t('content.unknownOwner')}</>;
  const { name, path, country } = card.owner;
  return (
    <a href={href(path)}>
      {name}
      {country ? ` (${countryName(country, lang)})` : ''}
    </a>
  );
}

export function ContentCard({ card, level = 2 }: { card: Card; level?: 2 | 3 }) {
  const { t, lang } = usePage();
  const href = useHref();
  const { item, text } = card;
  const Heading = level === 2 ? 'h2' : 'h3';
  const textLang = card.inLanguage ? undefined : text.language;
  return (
    <li class="content-card">
      <article>
        <Heading lang={textLang}>
          <a href={href(itemPath(item))}>{text.title}</a>
        </Heading>
        <p class="meta">
          <span class="tag">{t(`content.type.${item.type}`)}</span>{' '}
          {item.type === 'event' && item.starts_at ? (
            formatSpan(lang, item)
          ) : item.published_at ? (
            <time datetime={item.published_at}>{formatDate(lang, item.published_at)}</time>
          ) : null}
          {' · '}
          <OwnerName card={card} />
          {!card.inLanguage && <> · {t('content.inLanguage', { language: languageName(text.language) })}</>}
        </p>
        {item.image && <img class="content-thumb" src={`/media/content/${imageFile(item.image, 200)}`} alt="" width="200" loading="lazy" />}
        <p lang={textLang}>{text.summary}</p>
      </article>
    </li>
  );
}

export function CardList({ cards, level = 2, start = 1 }: { cards: Card[]; level?: 2 | 3; start?: number }) {
  return (
    <ol class="content-list" start={start}>
      {cards.map((c) => (
        <ContentCard key={c.item.id} card={c} level={level} />
      ))}
    </ol>
  );
}

/** A story at the top of the home page: its picture large (with the editor's alt text), or a plain card when it has none. */
export function FeaturedCard({ card }: { card: Card }) {
  const { t, lang } = usePage();
  const href = useHref();
  const { item, text } = card;
  const textLang = card.inLanguage ? undefined : text.language;
  return (
    <li class={item.image ? 'featured-card' : 'featured-card featured-card--plain'}>
      <article>
        {!item.image && <div class="featured-placeholder" />}
        {item.image && (
          <img
            class="featured-picture"
            src={`/media/content/${imageFile(item.image, 600)}`}
            srcset={`/media/content/${imageFile(item.image, 600)} 600w, /media/content/${imageFile(item.image, 1200)} 1200w`}
            sizes="(max-width: 40rem) 100vw, 24rem"
            alt={text.image_alt ?? ''}
            lang={textLang}
            width="600"
            height="338"
          />
        )}
        <div class="featured-text">
          <h3 lang={textLang}>
            <a href={href(itemPath(item))}>{text.title}</a>
          </h3>
          <p class="meta">
            <span class="tag">{t(`content.type.${item.type}`)}</span>{' '}
            {item.published_at && <time datetime={item.published_at}>{formatDate(lang, item.published_at)}</time>}
            {' · '}
            <OwnerName card={card} />
          </p>
          <p lang={textLang}>{text.summary}</p>
        </div>
      </article>
    </li>
  );
}

export function FeaturedList({ cards }: { cards: Card[] }) {
  return (
    <ul class="featured-list">
      {cards.map((c) => (
        <FeaturedCard key={c.item.id} card={c} />
      ))}
    </ul>
  );
}
