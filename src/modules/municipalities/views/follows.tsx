import type { SectionProvider } from '../../../core/modules.ts';
import { CsrfField } from '../../../core/views/components.tsx';
import { followedTowns } from '../service/follows.ts';
import { profilePath } from './common.tsx';

/** On the account page: the towns the person follows, each with its unfollow button; or how to begin. */
export const followsSection: SectionProvider = async (subject, { lang, t, actor }, ctx) => {
  if (!actor) return null;
  const { csrfToken } = subject as { csrfToken: string };
  const towns = await followedTowns(ctx, actor.id);
  const href = (p: string) => `/${lang}${p}`;
  return (
    <section id="follows" aria-labelledby="follows-heading">
      <h2 id="follows-heading">{t('municipalities.follow.yours')}</h2>
      {towns.length === 0 ? (
        <p>
          {t('municipalities.follow.none')} <a href={href('/municipalities')}>{t('municipalities.home.find')}</a>
        </p>
      ) : (
        <ul class="follow-list">
          {towns.map((m) => (
            <li key={m.id}>
              <a href={href(profilePath(m))}>{m.native_name && m.native_name !== m.name ? `${m.name} (${m.native_name})` : m.name}</a>
              <form method="post" action={href(`${profilePath(m)}/unfollow`)} class="button-form">
                <CsrfField token={csrfToken} />
                <input type="hidden" name="from" value="account" />
                <button type="submit" class="button--secondary">
                  {t('municipalities.follow.unfollowShort')}
                  <span class="visually-hidden"> {m.name}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
