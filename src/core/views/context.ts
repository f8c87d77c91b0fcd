import { type ComponentType, createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Actor } from '../authz.ts';
import type { Translator } from '../i18n/catalog.ts';
import type { LanguageCode } from '../i18n/languages.ts';
import type { NavEntry } from '../modules.ts';

export interface PageContext {
  lang: LanguageCode;
  t: Translator;
  /** The current path after the language prefix, with its query, e.g. "/search?q=x". */
  path: string;
  siteName: string;
  baseUrl: string;
  nav: NavEntry[];
  assetVersion: string;
  /** Components that modules show in the header's account area. */
  headerSlots: ComponentType[];
  actor: Actor | null;
}

export const PageContextValue = createContext<PageContext | null>(null);

export function usePage(): PageContext {
  const ctx = useContext(PageContextValue);
  if (!ctx) throw new Error('usePage() outside a page render');
  return ctx;
}

/** A link within the portal in the current language. */
export function useHref(): (path: string) => string {
  const { lang } = usePage();
  return (path) => `/${lang}${path.startsWith('/') ? path : `/${path}`}`;
}
