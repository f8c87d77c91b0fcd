import type { Scope } from '../../../core/authz.ts';
import type { Translator } from '../../../core/i18n/catalog.ts';
import { PLATFORM } from '../../../core/scopes.ts';

/** The team page of a scope, after the language prefix. */
export function scopePath(scope: Scope): string {
  return scope.type === PLATFORM ? '/team/platform' : `/team/${scope.type}/${scope.id}`;
}

/** A scope's name for people: the platform, or the name of the thing (a municipality, an organisation…). */
export function scopeLabel(t: Translator, scope: Scope, name: string | undefined): string {
  return scope.type === PLATFORM ? t('accounts.scope.platform') : (name ?? t('accounts.scope.unknown'));
}
