// next-intl without i18n routing: the language of a request is the header proxy.ts sets for /en/... paths.
import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALE_HEADER, isLocale, type Locale } from "./locale";
import en from "./messages/en.json";
import vi from "./messages/vi.json";

const MESSAGES = { vi, en } as const;

/** The language of the request being rendered. */
export async function requestLocale(): Promise<Locale> {
  const v = (await headers()).get(LOCALE_HEADER);
  return isLocale(v) ? v : DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: MESSAGES[locale], timeZone: "Asia/Ho_Chi_Minh" };
});
