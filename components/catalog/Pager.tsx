import Link from "next/link";
import { getTranslations } from "next-intl/server";

type Params = Record<string, string | undefined>;

function href(base: string, params: Params, extra: Params): string {
  const merged = { ...params, ...extra };
  const qs = new URLSearchParams(Object.entries(merged).filter((e): e is [string, string] => !!e[1]));
  const s = qs.toString();
  return s ? `${base}?${s}` : base;
}

function PagerLink({ to, label, rel }: { to?: string; label: string; rel?: string }) {
  return (
    <li>
      {to ? (
        <Link href={to} rel={rel} className="btn btn-secondary">
          {label}
        </Link>
      ) : (
        <span className="btn btn-secondary cursor-not-allowed opacity-50" aria-disabled="true">
          {label}
        </span>
      )}
    </li>
  );
}

/** Keyset pages (browse): first, previous, next, last. `base` is the listing's path in the page's language. */
export async function CursorPager({ base, params, prev, next }: { base: string; params: Params; prev?: string; next?: string }) {
  const t = await getTranslations("catalog");
  const clean = { ...params, sau: undefined, truoc: undefined, trang: undefined, cuoi: undefined };
  return (
    <nav aria-label={t("pagination")} className="mt-4">
      <ul className="flex flex-wrap gap-2">
        <PagerLink to={prev ? href(base, clean, {}) : undefined} label={t("first")} />
        <PagerLink to={prev ? href(base, clean, { truoc: prev }) : undefined} label={t("prev")} rel="prev" />
        <PagerLink to={next ? href(base, clean, { sau: next }) : undefined} label={t("next")} rel="next" />
        <PagerLink to={next ? href(base, clean, { cuoi: "1" }) : undefined} label={t("last")} />
      </ul>
    </nav>
  );
}

/** Numbered pages (search results ranked by relevance). */
export async function NumberPager({ base, params, page, pages }: { base: string; params: Params; page: number; pages: number }) {
  const t = await getTranslations("catalog");
  const clean = { ...params, trang: undefined };
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex flex-wrap items-center gap-3">
      <ul className="flex flex-wrap gap-2">
        <PagerLink to={page > 1 ? href(base, clean, {}) : undefined} label={t("first")} />
        <PagerLink to={page > 1 ? href(base, clean, { trang: String(page - 1) }) : undefined} label={t("prev")} rel="prev" />
        <PagerLink to={page < pages ? href(base, clean, { trang: String(page + 1) }) : undefined} label={t("next")} rel="next" />
        <PagerLink to={page < pages ? href(base, clean, { trang: String(pages) }) : undefined} label={t("last")} />
      </ul>
      <span className="text-sm text-slate-700">{t("pageOf", { page, pages })}</span>
    </nav>
  );
}
