import { EN_PREFIX, type Locale } from "./locale";

/**
 * A portal path (with its query) in a language: `localeHref("en", "/thu-tuc?q=x")` is "/en/thu-tuc?q=x",
 * `localeHref("en", "/")` is "/en"; Vietnamese paths are unchanged. For links and server actions' redirects.
 */
export function localeHref(locale: Locale, path: string): string {
  if (locale === "vi") return path;
  if (path === "/") return EN_PREFIX;
  if (path.startsWith("/?") || path.startsWith("/#")) return `${EN_PREFIX}${path.slice(1)}`;
  return `${EN_PREFIX}${path}`;
}
