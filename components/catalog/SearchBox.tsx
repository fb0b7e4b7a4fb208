import { catalogText } from "@/lib/i18n/vi/catalog";
import { SearchSuggest } from "./SearchSuggest";

/**
 * A plain GET form: works without JavaScript, and the URL is the search. `keep` carries the filters in force
 * (a new search keeps them); `children` adds filter controls inside the form (the home page).
 */
export function SearchBox({
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
  return (
    <form action="/thu-tuc" method="get" role="search" className="space-y-3">
      <div className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor="tu-khoa" className="sr-only">
          {catalogText.searchLabel}
        </label>
        <SearchSuggest
          id="tu-khoa"
          defaultValue={defaultValue}
          placeholder={catalogText.searchPlaceholder}
          autoFocus={autoFocus}
          listLabel={catalogText.suggestions}
        />
        <button type="submit" className="btn btn-primary">
          {catalogText.searchButton}
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
