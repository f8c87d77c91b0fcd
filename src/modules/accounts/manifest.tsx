import type { ModuleManifest } from '../../core/modules.ts';
import { useHref, usePage } from '../../core/views/context.ts';
import * as accountsTables from './migrations/20261121_02_accounts.ts';
import { accountRoutes } from './routes/account.tsx';
import { adminRoutes } from './routes/admin.tsx';
import { authRoutes } from './routes/auth.tsx';
import { organisationRoutes } from './routes/organisations.tsx';
import { teamRoutes } from './routes/team.tsx';
import { registerSessionHook } from './routes/session.ts';
import './schema.ts';

function AccountLink() {
  const { t, actor } = usePage();
  const href = useHref();
  return actor
    ? <a href={href('/account')}>{t('accounts.header.account')}<span class="visually-hidden">: {actor.name}</span></a>
    : <a href={href('/sign-in')}>{t('accounts.signIn.title')}</a>;
}

/** People, sessions, roles and the policy on who may do what; organisations; the audit log. */
export const accounts: ModuleManifest = {
  name: 'accounts',
  migrations: { '20261121_02_accounts': accountsTables },
  routes: (app, ctx) => {
    registerSessionHook(app, ctx);
    authRoutes(app, ctx);
    accountRoutes(app, ctx);
    teamRoutes(app, ctx);
    organisationRoutes(app, ctx);
    adminRoutes(app, ctx);
  },
  header: AccountLink,
};
