// The accounts module's public face: other modules import from this file only.
export { accounts } from './manifest.ts';
export { displayNames, mailContact, mailScopeHolders, platformAdminContacts, scopeContacts } from './service/account.ts';
export { type AccountStanding, accountStanding, setBlocked } from './service/blocking.ts';
export { demoAccount, demoAccounts } from './service/demo.ts';
export { grantRole } from './service/roles.ts';
