import { catalogText } from "@/lib/i18n/vi/catalog";

/** A plain GET form: works without JavaScript, and the URL is the search. */
export function SearchBox({ defaultValue = "", autoFocus = false }: { defaultValue?: string; autoFocus?: boolean }) {
  return (
    <form action="/thu-tuc" method="get" role="search" className="flex flex-col gap-2 sm:flex-row">
      <label htmlFor="tu-khoa" className="sr-only">
        {catalogText.searchLabel}
      </label>
      <input
        id="tu-khoa"
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder={catalogText.searchPlaceholder}
        className="input flex-1"
        autoFocus={autoFocus}
        maxLength={120}
      />
      <button type="submit" className="btn btn-primary">
        {catalogText.searchButton}
      </button>
    </form>
  );
}
