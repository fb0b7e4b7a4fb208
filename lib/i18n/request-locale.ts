// The language of the request being rendered: the header proxy.ts sets for /en/... paths. Apart from the message
// catalog (lib/i18n/request.ts) so that server code reading the language does not load the catalog's JSON (scripts
// run by tsx, such as the demo and its seed, load lib/ modules outside Next's bundler).
import { headers } from "next/headers";
import { DEFAULT_LOCALE, LOCALE_HEADER, isLocale, type Locale } from "./locale";

export async function requestLocale(): Promise<Locale> {
  const v = (await headers()).get(LOCALE_HEADER);
  return isLocale(v) ? v : DEFAULT_LOCALE;
}
