import type { Metadata } from "next";
import Link from "next/link";
import { DocStatus, Urgency } from "@/components/documents/StatusBadge";
import { OfficerActionForm, type ActionField } from "@/components/officer/OfficerActionForm";
import { RegisterFilterForm } from "@/components/documents/RegisterFilterForm";
import { listAgencies } from "@/lib/agencies/queries";
import { requirePermission } from "@/lib/auth/current-user";
import { localDate } from "@/lib/calendar/time";
import { incomingRegisterPage, parseRegisterFilters, pendingRecallCount } from "@/lib/documents/registers";
import { parseRegisterPage } from "@/lib/documents/register-paging";
import { RegisterCount, RegisterPager } from "@/components/documents/RegisterPager";
import { answersBy, revisionsOf } from "@/lib/documents/revisions";
import { DocumentExtras } from "@/components/documents/DocumentExtras";
import { nextRecipientStatus, QCVN_STATUS } from "@/lib/documents/types";
import { formatDate, formatDateTime } from "@/lib/format";
import { documentStatusAction } from "./actions";
import { StatusTimeline } from "@/components/documents/StatusTimeline";
import { documentExchangeText } from "@/lib/i18n/vi/document-exchange";

export const metadata: Metadata = { title: "Sổ văn bản đến" };

type SP = Record<string, string | string[] | undefined>;

const ACTION_TITLE: Record<string, string> = {
  "03": "Tiếp nhận (vào sổ)",
  "02": "Từ chối",
  "04": "Phân công xử lý",
  "05": "Đang xử lý",
  "06": "Hoàn thành",
};

const FIELDS: Record<string, ActionField[]> = {
  "02": [{ name: "description", label: "Lý do từ chối", type: "textarea", required: true }],
  "04": [{ name: "description", label: "Giao cho (đơn vị, cá nhân)", type: "text" }],
};

const R = documentExchangeText.recall;

export default async function IncomingPage({ searchParams }: { searchParams: Promise<SP> }) {
  const user = await requirePermission("document.receive", "/can-bo/van-ban-den");
  const sp = await searchParams;
  const filters = parseRegisterFilters(sp);
  const { page, badCursor } = parseRegisterPage(sp);
  const [register, agencies, pendingRecalls] = await Promise.all([
    incomingRegisterPage(user, filters, page),
    listAgencies(),
    pendingRecallCount(user),
  ]);
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
      {(sp["da-tra-loi"] === "15" || sp["da-tra-loi"] === "16") && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {R.answered[sp["da-tra-loi"]]}
        </p>
      )}
      {pendingRecalls > 0 && (
        <p className="rounded border-2 border-red-800 bg-red-50 p-3 font-semibold text-red-900" data-testid="yeu-cau-lay-lai">
          {R.pending(pendingRecalls)}{" "}
          {filters.status !== "13" && (
            <Link href="/can-bo/van-ban-den?trang-thai=13" className="text-red-900 underline">
              {R.pendingLink}
            </Link>
          )}
        </p>
      )}
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
              <details className="text-sm">
                <summary className="cursor-pointer">
                  Diễn biến<span className="sr-only"> văn bản {d.notation}</span>
                </summary>
                <StatusTimeline events={r.events} />
              </details>
              {r.status === "13" && <RecallRequest copy={r} notation={d.notation} />}
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

type IncomingCopy = Awaited<ReturnType<typeof incomingRegisterPage>>["rows"][number];

/** A pending recall request, shown where the clerk cannot miss it, with its two answers, each confirmed. */
function RecallRequest({ copy, notation }: { copy: IncomingCopy; notation: string }) {
  const request = copy.events.findLast((e) => e.status === "13");
  const hidden = { recipientId: copy.id, version: String(copy.version) };
  return (
    <section
      className="space-y-2 rounded border-2 border-red-800 bg-red-50 p-3"
      aria-labelledby={`lay-lai-${copy.id}`}
      data-testid="yeu-cau"
    >
      <h2 id={`lay-lai-${copy.id}`} className="font-bold text-red-900">
        {R.requestHeading}
      </h2>
      <p className="text-red-950">
        {request ? formatDateTime(request.at) : ""}
        {request?.staffName ? ` · ${request.staffName}` : ""} · {R.requestReason(request?.description ?? null)}
      </p>
      <div className="grid gap-2 bg-white md:grid-cols-2">
        <OfficerActionForm
          id={`vb-${copy.id}-15`}
          title={R.agreeTitle(notation)}
          submitLabel={R.agreeSubmit}
          action={documentStatusAction}
          hidden={{ ...hidden, status: "15" }}
          confirm={{ warning: R.agreeWarning, label: R.agreeConfirm }}
        />
        <OfficerActionForm
          id={`vb-${copy.id}-16`}
          title={R.refuseTitle(notation)}
          submitLabel={R.refuseSubmit}
          action={documentStatusAction}
          hidden={{ ...hidden, status: "16" }}
          fields={[{ name: "description", label: R.refuseLabel, type: "textarea", required: true }]}
          confirm={{ warning: R.refuseWarning, label: R.refuseConfirm }}
          tone="secondary"
        />
      </div>
    </section>
  );
}
