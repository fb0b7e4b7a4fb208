import type { Metadata } from "next";
import Link from "next/link";
import { DocStatus, Urgency } from "@/components/documents/StatusBadge";
import { OfficerActionForm, type ActionField } from "@/components/officer/OfficerActionForm";
import { RegisterFilterForm } from "@/components/documents/RegisterFilterForm";
import { listAgencies } from "@/lib/agencies/queries";
import { requirePermission } from "@/lib/auth/current-user";
import { localDate } from "@/lib/calendar/time";
import { incomingRegisterPage, parseRegisterFilters } from "@/lib/documents/registers";
import { parseRegisterPage } from "@/lib/documents/register-paging";
import { RegisterCount, RegisterPager } from "@/components/documents/RegisterPager";
import { answersBy, revisionsOf } from "@/lib/documents/revisions";
import { DocumentExtras } from "@/components/documents/DocumentExtras";
import { nextRecipientStatus, QCVN_STATUS } from "@/lib/documents/types";
import { formatDate, formatDateTime } from "@/lib/format";
import { documentStatusAction } from "./actions";

export const metadata: Metadata = { title: "Sổ văn bản đến" };

type SP = Record<string, string | string[] | undefined>;

const ACTION_TITLE: Record<string, string> = {
  "03": "Tiếp nhận (vào sổ)",
  "02": "Từ chối",
  "04": "Phân công xử lý",
  "05": "Đang xử lý",
  "06": "Hoàn thành",
  "15": "Đồng ý cho lấy lại",
  "16": "Từ chối cho lấy lại",
};

const FIELDS: Record<string, ActionField[]> = {
  "02": [{ name: "description", label: "Lý do từ chối", type: "textarea", required: true }],
  "04": [{ name: "description", label: "Giao cho (đơn vị, cá nhân)", type: "text" }],
  "16": [{ name: "description", label: "Lý do", type: "text" }],
};

export default async function IncomingPage({ searchParams }: { searchParams: Promise<SP> }) {
  const user = await requirePermission("document.receive", "/can-bo/van-ban-den");
  const sp = await searchParams;
  const filters = parseRegisterFilters(sp);
  const { page, badCursor } = parseRegisterPage(sp);
  const [register, agencies] = await Promise.all([incomingRegisterPage(user, filters, page), listAgencies()]);
  const rows = register.rows;
  const [revisions, answers] = await Promise.all([
    revisionsOf(rows.map((r) => r.document.id)),
    answersBy(
      user.agencyId,
      rows.map((r) => r.document.documentKey),
    ),
  ]);
  const today = localDate(new Date());
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">Sổ văn bản đến</h1>
        <Link href="/can-bo/van-ban-di" className="btn btn-secondary">
          Sổ văn bản đi
        </Link>
      </div>
      <RegisterFilterForm filters={filters} agencies={agencies} agencyLabel="Nơi gửi" dateLabel="Ngày đến" path="/can-bo/van-ban-den" />
      <RegisterCount total={register.total} badCursor={badCursor} />
      {rows.length === 0 && (
        <p className="card">{Object.keys(filters).length ? "Không có văn bản đến nào khớp bộ lọc." : "Chưa có văn bản đến."}</p>
      )}
      <ol className="space-y-3" data-testid="so-van-ban-den">
        {rows.map((r) => {
          const d = r.document;
          const due = d.dueDate ? d.dueDate.toISOString().slice(0, 10) : null;
          const answered = answers.get(d.documentKey) ?? [];
          // A reply is due until the agency answers, finishes handling, refuses or gives the document back.
          const overdue = !!due && due < today && answered.length === 0 && !["02", "06", "15"].includes(r.status);
          const next = Object.keys(ACTION_TITLE).filter((s) => nextRecipientStatus(r.status, s, "recipient").ok);
          return (
            <li
              key={r.id}
              className={`card space-y-2 break-words ${d.priority > 0 ? "border-l-4 border-l-red-800" : ""}`}
              data-testid={`den-${d.notation}`}
            >
              <p className="flex flex-wrap items-center gap-2">
                <Urgency level={d.priority} /> <strong>{d.notation}</strong>
                <span className="text-sm text-slate-700">
                  {d.senderAgency.name} · {formatDate(d.promulgationDate.toISOString().slice(0, 10))}
                </span>
                <DocStatus code={r.status} />
                {r.arrivalNumber && <span className="text-sm">Số đến: {r.arrivalNumber}</span>}
                {overdue && (
                  <span className="rounded border border-red-700 bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-900">
                    Quá hạn trả lời ({formatDate(due!)})
                  </span>
                )}
              </p>
              <p>{d.subject}</p>
              <DocumentExtras
                replaces={d.replaces}
                businessType={d.businessType}
                attachments={d.attachments}
                revisions={revisions.get(d.id) ?? []}
                responseForKey={d.responseForKey}
                answers={answered}
              />
              <p className="text-sm">
                <Link href={`/can-bo/van-ban-di/soan?tra-loi=${encodeURIComponent(d.documentKey)}`}>
                  Trả lời<span className="sr-only"> văn bản {d.notation}</span>
                </Link>
              </p>
              <p className="text-sm text-slate-700">
                Đến lúc {formatDateTime(r.arrivedAt)} · {r.events.length} lần cập nhật · {QCVN_STATUS[r.status as keyof typeof QCVN_STATUS]}
              </p>
              {next.length > 0 && (
                <div className="grid gap-2 md:grid-cols-3">
                  {next.map((s) => (
                    <OfficerActionForm
                      key={s}
                      id={`vb-${r.id}-${s}`}
                      title={`${ACTION_TITLE[s]} – ${d.notation}`}
                      submitLabel={ACTION_TITLE[s]!}
                      action={documentStatusAction}
                      hidden={{ recipientId: r.id, status: s, version: String(r.version) }}
                      fields={FIELDS[s]}
                    />
                  ))}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <RegisterPager path="/can-bo/van-ban-den" filters={filters} prev={register.prev} next={register.next} />
    </div>
  );
}
