// next-intl without i18n routing: the language of a request is the header proxy.ts sets for /en/... paths.
import { getRequestConfig } from "next-intl/server";
import en from "./messages/en.json";
import vi from "./messages/vi.json";
import { requestLocale } from "./request-locale";

const MESSAGES = { vi, en } as const;

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: MESSAGES[locale], timeZone: "Asia/Ho_Chi_Minh" };
});
