import { getLocale, getTranslations } from "next-intl/server";
import { localeHref } from "@/lib/i18n/href";
import { SearchSuggest } from "./SearchSuggest";

/**
 * A plain GET form: works without JavaScript, and the URL is the search. `keep` carries the filters in force
 * (a new search keeps them); `children` adds filter controls inside the form (the home page).
 */
export async function SearchBox({
  defaultValue = "",
  autoFocus = false,
  keep = {},
  children,
}: {
  defaultValue?: string;
  autoFocus?: boolean;
  keep?: Record<string, string | undefined>;
  children?: React.ReactNode;
}) {
  const [t, locale] = await Promise.all([getTranslations("catalog"), getLocale()]);
  const catalog = localeHref(locale, "/thu-tuc");
  return (
    <form action={catalog} method="get" role="search" className="space-y-3">
      <div className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor="tu-khoa" className="sr-only">
          {t("searchLabel")}
        </label>
        <SearchSuggest
          id="tu-khoa"
          defaultValue={defaultValue}
          placeholder={t("searchPlaceholder")}
          autoFocus={autoFocus}
          listLabel={t("suggestions")}
          procedureBase={catalog}
          vietnameseNames={locale !== "vi"}
        />
        <button type="submit" className="btn btn-primary">
          {t("searchButton")}
        </button>
      </div>
      {/* After the search box, so that the link's parameters come in their canonical order (lib/catalog/params.ts). */}
      {Object.entries(keep).map(([name, value]) =>
        name !== "q" && value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      {children}
    </form>
  );
}
