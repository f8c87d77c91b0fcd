import { CsrfField, ErrorSummary, type FieldErrors, LinkedMessage, Notice, Pager } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { MessagePage } from '../../../core/views/forms.tsx';
import { FREQUENCIES, type Frequency } from '../schema.ts';
import type { FollowSubject } from '../service/following.ts';
import type { NewsItem } from '../service/notifications.ts';

/**
 * Follow or unfollow a process, proposal or debate: one button that works without JavaScript and
 * brings the person back to `back` (a path after the language prefix). A visitor is asked to sign in.
 */
export function FollowButton({
  subject,
  following,
  back,
  csrfToken,
}: {
  subject: FollowSubject;
  following: boolean;
  back: string;
  csrfToken: string;
}) {
  const { t, actor, lang } = usePage();
  const href = useHref();
  if (!actor) {
    return (
      <p class="follow">
        <a class="button button--secondary" href={`/${lang}/sign-in?next=${encodeURIComponent(href(back))}`}>
          {t(`participation.follow.signIn.${subject.type}`)}
        </a>
      </p>
    );
  }
  return (
    <form method="post" action={href(following ? '/participation/unfollow' : '/participation/follow')} class="button-form follow">
      <CsrfField token={csrfToken} />
      <input type="hidden" name="type" value={subject.type} />
      <input type="hidden" name="id" value={String(subject.id)} />
      <input type="hidden" name="back" value={back} />
      {following && <span>{t(`participation.follow.following.${subject.type}`)} </span>}
      <button type="submit" class={following ? 'button--secondary' : undefined}>
        {following ? t('participation.follow.unfollow') : t(`participation.follow.start.${subject.type}`)}
      </button>
    </form>
  );
}

/** A follow button that was refused: it named nothing that can be followed. */
export function FollowRefused({ errors }: { errors: FieldErrors }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <MessagePage title={t('participation.follow.title')}>
      <ErrorSummary errors={errors} labels={{}} />
      <p>
        <a href={href('/participation')}>{t('participation.all')}</a>
      </p>
    </MessagePage>
  );
}

function NewsEntry({ item }: { item: NewsItem }) {
  const { t, lang } = usePage();
  const href = useHref();
  return (
    <li class={item.unread ? 'news news--unread' : 'news'}>
      <p>
        {item.unread && (
          <>
            <span class="tag">{t('participation.notify.unread')}</span>{' '}
          </>
        )}
        <strong>
          <LinkedMessage id={`participation.notify.event.${item.event}`} links={{ what: { href: href(item.path), text: item.what } }} />
        </strong>
      </p>
      <p class="meta">
        {item.where && (
          <>
            <span lang={item.where.language === lang ? undefined : item.where.language}>
              {t('participation.notify.where', { process: item.where.title })}
            </span>
            {' · '}
          </>
        )}
        <time datetime={item.at}>{t('participation.notify.at', { at: new Date(item.at) })}</time>
      </p>
      <p class="meta">{t(`participation.notify.because.${item.reason}`)}</p>
    </li>
  );
}

/** "What's new for you": what happened in what the person follows, newest first, the unread ones marked. */
export function NewsPage({ items, page, pages, frequency }: { items: NewsItem[]; page: number; pages: number; frequency: Frequency }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <>
      <h1>{t('participation.notify.title')}</h1>
      <p class="lead">{t('participation.notify.lead')}</p>
      {items.length === 0 ? (
        <p>
          {t('participation.notify.none')} <a href={href('/participation')}>{t('participation.all')}</a>
        </p>
      ) : (
        <ul class="results">
          {items.map((item) => (
            <NewsEntry key={item.id} item={item} />
          ))}
        </ul>
      )}
      <Pager page={page} pages={pages} link={(p) => href(`/participation/news-for-you?page=${p}`)} />
      <p>
        {t(`participation.notify.mailNow.${frequency}`)}{' '}
        <a href={href('/participation/notifications')}>{t('participation.notify.prefs.change')}</a>
      </p>
    </>
  );
}

/** How often the person wants mail of what is new: at once, daily, weekly or never. */
export function PrefsPage({
  frequency,
  errors,
  csrfToken,
  saved,
}: {
  frequency: string;
  errors: FieldErrors;
  csrfToken: string;
  saved: boolean;
}) {
  const { t } = usePage();
  const href = useHref();
  const error = errors.frequency;
  return (
    <article class="prose">
      <h1>{t('participation.notify.prefs.title')}</h1>
      {saved && <Notice>{t('participation.notify.prefs.saved')}</Notice>}
      <p class="lead">{t('participation.notify.prefs.lead')}</p>
      <ErrorSummary errors={errors} labels={{ frequency: t('participation.notify.prefs.legend') }} />
      <form method="post" action={href('/participation/notifications')} class="form" noValidate>
        <CsrfField token={csrfToken} />
        <fieldset class="fieldset" id="frequency" aria-describedby={error ? 'frequency-error' : undefined}>
          <legend>{t('participation.notify.prefs.legend')}</legend>
          {error && (
            <p class="field-error" id="frequency-error">
              <span class="visually-hidden">{t('form.errorPrefix')} </span>
              {t(error.key, error.values)}
            </p>
          )}
          {FREQUENCIES.map((f) => (
            <div key={f} class="field field--checkbox">
              <input type="radio" id={`frequency-${f}`} name="frequency" value={f} checked={f === frequency} />
              <label for={`frequency-${f}`}>{t(`participation.notify.frequency.${f}`)}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit">{t('form.save')}</button>
      </form>
      <p>
        <a href={href('/participation/news-for-you')}>{t('participation.notify.title')}</a>
      </p>
    </article>
  );
}

/** After one click in a mail: what changed, and where to change it back. */
export function UnsubscribedPage({ stopped }: { stopped?: string }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <MessagePage title={t(stopped ? 'participation.notify.stopped.title' : 'participation.notify.unsubscribed.title')} success>
      <p>{stopped ? t('participation.notify.stopped.body', { what: stopped }) : t('participation.notify.unsubscribed.body')}</p>
      <p>
        <a href={href('/participation/notifications')}>{t('participation.notify.prefs.change')}</a>
      </p>
    </MessagePage>
  );
}

/** On the account page: how many things are new, and how often mail comes. */
export function AccountNews({ unread, frequency }: { unread: number; frequency: Frequency }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <section id="participation-news" aria-labelledby="participation-news-heading">
      <h2 id="participation-news-heading">{t('participation.notify.title')}</h2>
      <p>
        <a href={href('/participation/news-for-you')}>{t('participation.notify.unreadCount', { count: unread })}</a>
      </p>
      <p>
        {t(`participation.notify.mailNow.${frequency}`)}{' '}
        <a href={href('/participation/notifications')}>{t('participation.notify.prefs.change')}</a>
      </p>
    </section>
  );
}
