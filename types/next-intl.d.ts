// Every t("…") key and its arguments are checked by the compiler against the Vietnamese catalog
// (tests/unit/i18n-catalog.test.ts checks that the English one has the same keys and arguments).
import type { Locale } from "@/lib/i18n/locale";
import type messages from "@/lib/i18n/messages/vi.json";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
