import type { Scope } from '../../../core/authz.ts';
import type { Translator } from '../../../core/i18n/catalog.ts';

/** The team page of a scope, after the language prefix. */
export function scopePath(scope: Scope): string {
  return scope.type === 'platform' ? '/team/platform' : `/team/${scope.type}/${scope.id}`;
}

/** A scope's name for people; modules that own the scope's objects will give their real names. */
export function scopeLabel(t: Translator, scope: Scope): string {
  return t(`accounts.scope.${scope.type}`, { id: scope.id ?? 0 });
}
