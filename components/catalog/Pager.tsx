import Link from "next/link";
import { catalogText } from "@/lib/i18n/vi/catalog";

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

/** Keyset pages (browse): first, previous, next, last. */
export function CursorPager({ base, params, prev, next }: { base: string; params: Params; prev?: string; next?: string }) {
  const clean = { ...params, sau: undefined, truoc: undefined, trang: undefined, cuoi: undefined };
  return (
    <nav aria-label={catalogText.pagination} className="mt-4">
      <ul className="flex flex-wrap gap-2">
        <PagerLink to={prev ? href(base, clean, {}) : undefined} label={catalogText.first} />
        <PagerLink to={prev ? href(base, clean, { truoc: prev }) : undefined} label={catalogText.prev} rel="prev" />
        <PagerLink to={next ? href(base, clean, { sau: next }) : undefined} label={catalogText.next} rel="next" />
        <PagerLink to={next ? href(base, clean, { cuoi: "1" }) : undefined} label={catalogText.last} />
      </ul>
    </nav>
  );
}

/** Numbered pages (search results ranked by relevance). */
export function NumberPager({ base, params, page, pages }: { base: string; params: Params; page: number; pages: number }) {
  const clean = { ...params, trang: undefined };
  return (
    <nav aria-label={catalogText.pagination} className="mt-4 flex flex-wrap items-center gap-3">
      <ul className="flex flex-wrap gap-2">
        <PagerLink to={page > 1 ? href(base, clean, {}) : undefined} label={catalogText.first} />
        <PagerLink to={page > 1 ? href(base, clean, { trang: String(page - 1) }) : undefined} label={catalogText.prev} rel="prev" />
        <PagerLink to={page < pages ? href(base, clean, { trang: String(page + 1) }) : undefined} label={catalogText.next} rel="next" />
        <PagerLink to={page < pages ? href(base, clean, { trang: String(pages) }) : undefined} label={catalogText.last} />
      </ul>
      <span className="text-sm text-slate-700">{catalogText.pageOf(page, pages)}</span>
    </nav>
  );
}
