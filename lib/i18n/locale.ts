// The portal's two languages. Vietnamese is the default (no prefix); English pages live under /en: proxy.ts
// strips the prefix and passes the language to the page in a request header (lib/i18n/request.ts reads it).
const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "vi";

/** The request header naming an English request (set by proxy.ts only; a client-sent one is deleted). */
export const LOCALE_HEADER = "x-portal-locale";
/** The request header carrying the requested path and query without the language prefix (for the language switch). */
export const PATH_HEADER = "x-portal-path";

/** The path prefix of English pages. */
export const EN_PREFIX = "/en";

export const isLocale = (v: string | null | undefined): v is Locale => (LOCALES as readonly (string | null | undefined)[]).includes(v);

/** "/en/thu-tuc" → "/thu-tuc", "/en" → "/"; null when the path is not an English one. */
export function stripEnPrefix(pathname: string): string | null {
  if (pathname === EN_PREFIX || pathname === `${EN_PREFIX}/`) return "/";
  if (pathname.startsWith(`${EN_PREFIX}/`)) return pathname.slice(EN_PREFIX.length);
  return null;
}
