import type { Metadata } from "next";
import Link from "next/link";
import { NoticeList } from "@/components/notify/NoticeList";
import { NoticesChanged } from "@/components/notify/NoticesChanged";
import { userActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/current-user";
import { noticesText as t } from "@/lib/i18n/vi/my-dossiers";
import { noticePage } from "@/lib/notify/inbox";
import { markAllReadAction } from "./actions";

export const metadata: Metadata = { title: t.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function NoticesPage({ searchParams }: Props) {
  const user = await requirePermission("notification.readOwn", "/thong-bao");
  const sp = await searchParams;
  const after = first(sp.sau);
  const page = (await noticePage(userActor(user), after))!;
  const marked = first(sp["da-doc"]);
  const markedCount = marked !== undefined && /^\d{1,9}$/.test(marked) ? Number(marked) : null;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      {markedCount !== null && (
        <>
          <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
            {t.markedAll(markedCount)}
          </p>
          <NoticesChanged />
        </>
      )}
      <p data-testid="tong-thong-bao">{t.summary(page.total, page.unread)}</p>
      {page.unread > 0 && (
        <form action={markAllReadAction}>
          <button type="submit" className="btn btn-secondary">
            {t.markAll}
          </button>
        </form>
      )}
      {page.notices.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">{t.openHint}</p>
          <NoticeList notices={page.notices} label={t.title} testId="thong-bao" />
        </>
      )}
      {(page.next || after) && (
        <nav aria-label={t.pages} className="flex flex-wrap gap-x-6 gap-y-2">
          {page.next && (
            <Link className="inline-block py-1" href={`/thong-bao?sau=${page.next}`}>
              {t.more}
            </Link>
          )}
          {after && (
            <Link className="inline-block py-1" href="/thong-bao">
              {t.fromStart}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
