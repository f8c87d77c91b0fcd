import { useHref, usePage } from '../../../core/views/context.ts';

/** The header's account area: the person's work (for those with a role) and account, or a way to sign in. */
export function AccountLink() {
  const { t, actor, path } = usePage();
  const href = useHref();
  return actor ? (
    <>
      {actor.grants.length > 0 && (
        <a href={href('/work')} aria-current={path === '/work' ? 'page' : undefined}>
          {t('accounts.work.title')}
        </a>
      )}
      <a href={href('/account')}>
        {t('accounts.header.account')}
        <span class="visually-hidden">: {actor.name}</span>
      </a>
    </>
  ) : (
    <a href={href('/sign-in')}>{t('accounts.signIn.title')}</a>
  );
}
