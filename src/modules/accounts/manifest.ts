import type { ModuleManifest } from '../../core/modules.ts';
import * as accountsTables from './migrations/20261121_02_accounts.ts';
import * as termsVersion from './migrations/20261130_01_terms_version.ts';
import * as blocked from './migrations/20261204_06_blocked.ts';
import * as auditSubject from './migrations/20261209_01_audit_subject.ts';
import { accountRoutes } from './routes/account.tsx';
import { adminRoutes } from './routes/admin.tsx';
import { authRoutes } from './routes/auth.tsx';
import { registerSessionHook } from './routes/session.ts';
import { teamRoutes } from './routes/team.tsx';
import { workRoutes } from './routes/work.tsx';
import { createAdmin, hasPlatformAdmin } from './service/roles.ts';
import { pruneSessions } from './service/sessions.ts';
import { accountDesks } from './service/work.ts';
import './schema.ts';
import { AccountLink } from './views/header.tsx';

/** People, sessions, roles and the policy on who may do what; the audit log. */
export const accounts: ModuleManifest = {
  name: 'accounts',
  privateTables: ['sessions', 'account_tokens', 'invitations'],
  migrations: {
    '20261121_02_accounts': accountsTables,
    '20261130_01_terms_version': termsVersion,
    '20261204_06_blocked': blocked,
    '20261209_01_audit_subject': auditSubject,
  },
  routes: (app, ctx) => {
    registerSessionHook(app, ctx);
    authRoutes(app, ctx);
    accountRoutes(app, ctx);
    teamRoutes(app, ctx);
    adminRoutes(app, ctx);
    workRoutes(app, ctx);
  },
  work: accountDesks,
  header: AccountLink,
  jobs: [{ name: 'remove ended sessions', everyMs: 3600_000, run: ({ database }) => pruneSessions(database.db) }],
  commands: [
    {
      name: 'create-admin',
      description: 'create a platform administrator, or make an existing account one',
      options: [
        { flags: '--email <email>', description: "the administrator's email address", required: true },
        { flags: '--name <name>', description: 'their name, for a new account', default: 'Administrator' },
      ],
      run: async (ctx, { email, name }) => {
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email ?? '')) throw new Error(`not an email address: ${email}`);
        const result = await createAdmin(ctx, email!, name ?? 'Administrator');
        return result.setPasswordLink
          ? `Created ${email} as platform administrator.\nChoose a password within 7 days at:\n  ${result.setPasswordLink}`
          : `${email} is now a platform administrator.`;
      },
    },
  ],
  startupNotes: async (ctx) =>
    (await hasPlatformAdmin(ctx)) ? [] : ['No administrator yet. Create one with:', '  npx municipium create-admin --email you@example.eu'],
};
