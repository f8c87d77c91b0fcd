import { useHref, usePage } from '../../../core/views/context.ts';

/** The header's account area: the person's account, or a way to sign in. */
export function AccountLink() {
  const { t, actor } = usePage();
  const href = useHref();
  return actor ? (
    <a href={href('/account')}>
      {t('accounts.header.account')}
      <span class="visually-hidden">: {actor.name}</span>
    </a>
  ) : (
    <a href={href('/sign-in')}>{t('accounts.signIn.title')}</a>
  );
}
