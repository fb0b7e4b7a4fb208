import type { Metadata } from "next";
import Link from "next/link";
import { FeedbackStats } from "@/components/feedback/FeedbackStats";
import { OfficerActionForm } from "@/components/officer/OfficerActionForm";
import { requirePermission } from "@/lib/auth/current-user";
import { feedbackForRouting, routingTargets } from "@/lib/feedback/officer";
import { isOverdue } from "@/lib/feedback/status";
import { formatDate } from "@/lib/format";
import { feedbackText } from "@/lib/i18n/vi/feedback";
import { rerouteAction } from "./actions";

const a = feedbackText.admin;
const o = feedbackText.officer;

export const metadata: Metadata = { title: a.title };

export default async function FeedbackRoutingPage() {
  await requirePermission("feedback.route", "/quan-tri/phan-anh");
  const [items, targets] = await Promise.all([feedbackForRouting(), routingTargets()]);
  const now = new Date();
  const options = [{ value: "", label: feedbackText.form.agencyNone }, ...targets.map((t) => ({ value: String(t.id), label: t.name }))];
  return (
    <div className="space-y-6">
      <p>
        <Link href="/quan-tri">Quản trị</Link>
      </p>
      <h1 className="text-2xl font-bold">{a.title}</h1>
      <p className="text-slate-700">{a.lead}</p>
      <FeedbackStats />
      <section aria-labelledby="dieu-phoi" className="space-y-3">
        <h2 id="dieu-phoi" className="text-xl font-semibold">
          {o.tabs.open}
        </h2>
        {items.length === 0 ? (
          <p>{o.empty}</p>
        ) : (
          <ul className="space-y-3">
            {items.map((it) => (
              <li key={it.id} className={`card space-y-2 ${isOverdue(it, now) ? "border-red-700" : ""}`}>
                <p className="font-semibold break-words">
                  <span className="font-mono">{it.code}</span> · {it.title}
                </p>
                <p className="text-sm">
                  {feedbackText.statusName(it.status)} · {it.agency?.name ?? o.unrouted} · {o.due} {formatDate(it.dueAt)}
                  {isOverdue(it, now) && <strong className="text-red-800"> · {o.overdue}</strong>}
                </p>
                <details>
                  <summary className="cursor-pointer">{a.reroute}</summary>
                  <OfficerActionForm
                    id={`chuyen-${it.code.replaceAll(".", "-")}`}
                    title={a.reroute}
                    submitLabel={a.rerouteSubmit}
                    action={rerouteAction}
                    hidden={{ code: it.code, version: String(it.version) }}
                    fields={[
                      { name: "agencyId", label: o.forward.agency, type: "select", required: true, options },
                      { name: "reason", label: a.reason, type: "text" },
                    ]}
                  />
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
