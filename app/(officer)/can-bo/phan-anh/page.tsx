import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/DataTable";
import { requirePermission } from "@/lib/auth/current-user";
import { feedbackQueue, queueTab, type QueueTab } from "@/lib/feedback/officer";
import { isOverdue } from "@/lib/feedback/status";
import { formatDate } from "@/lib/format";
import { feedbackText } from "@/lib/i18n/vi/feedback";

export const metadata: Metadata = { title: feedbackText.officer.queueTitle };

const o = feedbackText.officer;
const TABS: QueueTab[] = ["open", "pending", "closed"];
const tabClass = (current: boolean) =>
  `inline-block rounded border px-3 py-1 no-underline ${current ? "border-brand-800 bg-brand-800 text-white" : "border-slate-400 bg-white text-slate-900"}`;

export default async function FeedbackQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("feedback.handle", "/can-bo/phan-anh");
  const tab = queueTab((await searchParams).tab);
  const items = await feedbackQueue(user, tab);
  const now = new Date();
  return (
    <div className="space-y-4">
      <p>
        <Link href="/can-bo/ho-so">{o.dossierQueue}</Link>
      </p>
      <h1 className="text-2xl font-bold">{o.queueTitle}</h1>
      <p className="text-slate-700">{o.queueLead}</p>
      <nav aria-label={o.queueTitle}>
        <ul className="flex flex-wrap gap-2">
          {TABS.map((t) => (
            <li key={t}>
              <Link href={`/can-bo/phan-anh?tab=${t}`} className={tabClass(t === tab)} aria-current={t === tab ? "page" : undefined}>
                {o.tabs[t]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {items.length === 0 ? (
        <p>{o.empty}</p>
      ) : (
        <DataTable
          caption={`${o.queueTitle}: ${o.tabs[tab]}`}
          columns={[o.code, o.titleCol, o.status, o.receivedAt, o.due]}
          testId="hang-doi-phan-anh"
        >
          {items.map((it) => {
            const late = isOverdue(it, now);
            return (
              <tr key={it.id} className={`border-b border-slate-200 ${late ? "bg-red-50" : ""}`}>
                <td className="p-2 font-mono whitespace-nowrap">
                  <Link href={`/can-bo/phan-anh/${encodeURIComponent(it.code)}`}>{it.code}</Link>
                </td>
                <td className="p-2 break-words">{it.title}</td>
                <td className="p-2">
                  {feedbackText.statusName(it.status)}
                  {it.answerState === "pending" && <span className="block text-sm text-slate-700">{o.tabs.pending}</span>}
                </td>
                <td className="p-2 whitespace-nowrap">{formatDate(it.receivedAt)}</td>
                <td className="p-2 whitespace-nowrap">
                  {formatDate(it.dueAt)}
                  {late && (
                    <span className="ml-1 inline-block rounded border border-red-700 bg-white px-1 text-xs font-semibold text-red-900">
                      {o.overdue}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </div>
  );
}
