import { NUL_CODE } from '../http/input.ts';
import { SearchForm } from './components.tsx';
import { useHref, usePage } from './context.ts';

export const ERROR_PAGES = [400, 401, 403, 404, 405, 413, 415, 429, 500, 503] as const;
export type ErrorPageStatus = (typeof ERROR_PAGES)[number];

export function errorPageFor(status: number, code?: string): { status: ErrorPageStatus; key: string } {
  if (code?.startsWith('FST_CSRF')) return { status: 403, key: 'csrf' };
  if (code === NUL_CODE) return { status: 400, key: 'characters' };
  const known = ERROR_PAGES.find((s) => s === status);
  if (known) return { status: known, key: String(known) };
  return status >= 500 ? { status: 500, key: '500' } : { status: 400, key: '400' };
}

export function ErrorPage({ messageKey, detail }: { messageKey: string; detail?: string | undefined }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <article class="error-page">
      <h1>{t(`errors.${messageKey}.title`)}</h1>
      <p>{t(`errors.${messageKey}.body`)}</p>
      <ul>
        <li>
          <a href={href('/')}>{t('errors.goHome')}</a>
        </li>
        <li>
          <a href={href('/contact')}>{t('errors.contactUs')}</a>
        </li>
      </ul>
      <SearchForm id="error-search" />
      {detail && <pre class="error-detail">{detail}</pre>}
    </article>
  );
}
