import type { Metadata } from "next";
import Link from "next/link";
import { ComplaintNote } from "@/components/feedback/ComplaintNote";
import { searchPublishedFeedback, PUBLIC_PAGE_SIZE } from "@/lib/feedback/public";
import { formatDate } from "@/lib/format";
import { feedbackText } from "@/lib/i18n/vi/feedback";
import { TextSearchForm } from "@/components/ui/TextSearchForm";

export const metadata: Metadata = { title: feedbackText.title };

const p = feedbackText.public;

export default async function FeedbackSearch({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q : "";
  const page = typeof sp.trang === "string" ? Number(sp.trang) : 1;
  const { items, total, query } = await searchPublishedFeedback(q, page);
  const current = Number.isInteger(page) && page >= 1 ? page : 1;
  const more = current * PUBLIC_PAGE_SIZE < total;
  const href = (n: number) => `/phan-anh-kien-nghi?${new URLSearchParams({ ...(query ? { q: query } : {}), trang: String(n) })}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{feedbackText.title}</h1>
      <p className="text-slate-700">{feedbackText.lead}</p>
      <p>
        <Link href="/phan-anh-kien-nghi/gui" className="btn btn-primary">
          {p.submitLink}
        </Link>
      </p>
      <ComplaintNote />
      <TextSearchForm action="/phan-anh-kien-nghi" label={p.searchLabel} button={p.searchButton} query={query} />
      <p role="status">{p.results(total)}</p>
      {items.length === 0 ? (
        <p>{p.none}</p>
      ) : (
        <ul className="space-y-3" aria-label={feedbackText.title}>
          {items.map((it) => (
            <li key={it.code} className="card space-y-1" data-testid="phan-anh">
              <h2 className="text-lg font-semibold break-words">
                <Link href={`/phan-anh-kien-nghi/${encodeURIComponent(it.code)}`}>{it.title || it.code}</Link>
              </h2>
              <p className="text-sm text-slate-700">
                {it.agency ?? ""} · {formatDate(it.publishedAt)}
              </p>
              <p className="line-clamp-3 break-words">{it.answer}</p>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="Phân trang" className="flex gap-3">
        {current > 1 && <Link href={href(current - 1)}>Trang trước</Link>}
        {more && <Link href={href(current + 1)}>Trang sau</Link>}
      </nav>
    </div>
  );
}
