import type { Locale } from "@/lib/i18n/locale";

/**
 * Content of a procedure record (names, fields, agencies, steps), which stays Vietnamese: on an English page it
 * is marked `lang="vi"` (screen readers read it as Vietnamese); on a Vietnamese page it is plain text.
 */
export function Vi({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  return locale === "vi" ? <>{children}</> : <span lang="vi">{children}</span>;
}
