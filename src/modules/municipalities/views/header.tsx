import { countryName } from '../../../core/countries.ts';
import { LANGUAGES, type LanguageCode } from '../../../core/i18n/languages.ts';
import { ButtonForm } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { Municipality } from '../schema.ts';
import { imageFile } from '../service/images.ts';
import { languagesOf } from '../service/profile.ts';
import { regionLabel } from './browse.tsx';
import { profilePath } from './common.tsx';

/** Banners drawn by the stylesheet; each town keeps one, so neighbouring profiles look different. */
const BANNER_TINTS = 6;

/** Whether the person follows the town (null: nobody is signed in), and the token for the button's form. */
export interface FollowState {
  following: boolean | null;
  csrfToken?: string;
}

/**
 * The top of a profile: a banner, the coat of arms over its edge, the name in the town's own script
 * (and the reader's form beside it when the reader does not share the town's languages), the follow button.
 */
export function ProfileHeader({ m, follow }: { m: Municipality; follow: FollowState }) {
  const { t, lang } = usePage();
  const href = useHref();
  const own = languagesOf(m);
  const local = m.native_name || m.name;
  const other = m.native_name && m.native_name !== m.name && !own.includes(lang) ? m.name : undefined;
  return (
    <header class="profile-header">
      <div class={`profile-banner profile-banner--${(m.id % BANNER_TINTS) + 1}`} />
      <div class="profile-heading">
        {m.coat_of_arms ? (
          <img
            class="coat-of-arms"
            src={`/media/municipalities/${imageFile(m.coat_of_arms, 400)}`}
            alt={t('municipalities.images.coatOfArmsOf', { name: m.name })}
          />
        ) : (
          <span class="coat-of-arms coat-of-arms--none" aria-hidden="true">
            {[...local][0]}
          </span>
        )}
        <div class="profile-names">
          <p class="result-kind">
            <a href={href(`/municipalities?country=${m.country.toLowerCase()}`)}>{countryName(m.country, lang)}</a>
            {m.joined_at && (
              <>
                {' '}
                <span class="tag tag--joined">{t('municipalities.joined')}</span>
              </>
            )}
          </p>
          <h1>
            <span lang={m.native_name && own[0] ? own[0] : undefined}>{local}</span>
            {other && <span class="profile-name-other"> {other}</span>}
          </h1>
        </div>
        <div id="follow" class="profile-follow">
          {follow.following === null ? (
            <a class="button button--secondary" href={href(`/sign-in?next=${encodeURIComponent(`/${lang}${profilePath(m)}`)}`)}>
              {t('municipalities.follow.signIn')}
            </a>
          ) : (
            <ButtonForm
              action={href(`${profilePath(m)}/${follow.following ? 'unfollow' : 'follow'}`)}
              csrfToken={follow.csrfToken ?? ''}
              label={t(follow.following ? 'municipalities.follow.unfollow' : 'municipalities.follow.follow')}
              secondary={follow.following}
            />
          )}
        </div>
      </div>
    </header>
  );
}

/** The facts readers look for first: people, region, mayor, languages, since when the town is on the portal. */
export function KeyFacts({ m }: { m: Municipality }) {
  const { t } = usePage();
  const languages = languagesOf(m);
  return (
    <dl class="summary-list profile-facts">
      <dt>{t('municipalities.populationLabel')}</dt>
      <dd>{t('municipalities.populationValue', { count: m.population })}</dd>
      {(m.region_code || m.region_name) && (
        <>
          <dt>{t('municipalities.region')}</dt>
          <dd>{regionLabel(t, m)}</dd>
        </>
      )}
      {m.mayor_name && (
        <>
          <dt>{t('municipalities.edit.mayor')}</dt>
          <dd class="profile-mayor">
            {m.mayor_photo && (
              <img class="mayor-photo" src={`/media/municipalities/${imageFile(m.mayor_photo, 120)}`} alt={m.mayor_name} width="120" />
            )}
            <span>
              {m.mayor_name}
              {m.mayor_since && <span class="meta"> ({t('municipalities.mayorSince', { since: m.mayor_since })})</span>}
            </span>
          </dd>
        </>
      )}
      {languages.length > 0 && (
        <>
          <dt>{t('municipalities.languages')}</dt>
          <dd>{languages.map((l) => LANGUAGES[l as LanguageCode]).join(', ')}</dd>
        </>
      )}
      {m.joined_at && (
        <>
          <dt>{t('municipalities.joinedSinceLabel')}</dt>
          <dd>
            <time datetime={m.joined_at}>{t('municipalities.joinedSince', { date: new Date(m.joined_at) })}</time>
          </dd>
        </>
      )}
    </dl>
  );
}
