import { notFound } from "next/navigation";
import { PrincipalRows } from "@/components/organisations/PrincipalRows";
import { principalRows } from "@/lib/organisations/principal-view";
import type { Metadata } from "next";
import Link from "next/link";
import { paperOrigins } from "@/lib/papers/queries";
import { DossierTimeline } from "@/components/dossiers/DossierTimeline";
import { DueBadge } from "@/components/officer/DueBadge";
import { QueueNeighbours } from "@/components/officer/QueueNeighbours";
import { FROM_QUEUE_PARAM } from "@/lib/dossiers/queue-params";
import { OfficerActionForm, type ActionField } from "@/components/officer/OfficerActionForm";
import { listAgencies } from "@/lib/agencies/queries";
import { requirePermission } from "@/lib/auth/current-user";
import { loadCalendar } from "@/lib/calendar/store";
import { AnswerSections } from "@/components/forms/AnswerSections";
import { dossierAnswersView } from "@/lib/forms/dossier-view";
import { db } from "@/lib/db/client";
import { dueState } from "@/lib/dossiers/due";
import { orPageError } from "@/lib/errors/page";
import { agencyOfficers, getAgencyDossier } from "@/lib/dossiers/officer";
import { availableActions, type Action } from "@/lib/dossiers/state-machine";
import { isStatus, statusName } from "@/lib/dossiers/status";
import { formatDate, formatDateTime } from "@/lib/format";
import { dossierText } from "@/lib/i18n/vi/dossiers";
import { signatureLabel } from "@/lib/i18n/vi/signing";
import { resultSignatures } from "@/lib/signing/results";
import { apologyAction, assignAction, dossierAction, transferAction } from "./actions";
import { decodeSegment } from "@/lib/http/segment";

export const metadata: Metadata = { title: "Xử lý hồ sơ" };

const ACTION_FIELDS: Partial<Record<Action, ActionField[]>> = {
  refuse: [{ name: "reason", label: "Lý do từ chối tiếp nhận", type: "textarea", required: true }],
  stop: [{ name: "reason", label: "Lý do dừng xử lý", type: "textarea", required: true }],
  requestSupplement: [
    { name: "papers", label: "Giấy tờ cần bổ sung", type: "textarea", required: true, help: "Mỗi giấy tờ một dòng." },
    { name: "reason", label: "Lý do", type: "textarea", required: true },
  ],
  requestFees: [{ name: "amount", label: "Số tiền phải nộp (đồng)", type: "number", required: true }],
  finish: [
    { name: "documentNumber", label: "Số, ký hiệu văn bản kết quả", type: "text", required: true, help: "Ví dụ: 15/QĐ-UBND" },
    { name: "title", label: "Tên kết quả", type: "text", required: true, help: "Ví dụ: Giấy xác nhận tình trạng hôn nhân (bản điện tử)" },
    { name: "body", label: "Nội dung kết quả", type: "textarea", required: true },
    { name: "signerPosition", label: "Chức vụ người ký", type: "text", required: true },
    { name: "signerName", label: "Họ tên người ký", type: "text", required: true },
  ],
};

export default async function OfficerDossierPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const code = decodeSegment((await params).code) ?? notFound();
  const user = await requirePermission("workspace.read", `/can-bo/ho-so/${code}`);
  const d = orPageError(await getAgencyDossier(user, code));
  const now = new Date();
  const [calendar, officers, agencies, signatures, view, origins] = await Promise.all([
    loadCalendar(db, now),
    agencyOfficers(user),
    listAgencies(),
    resultSignatures(d.attachments.filter((a) => a.purpose === "result").map((a) => a.id)),
    // The form the dossier was filed under, in words: never the service's current form.
    dossierAnswersView(d),
    // Where each paper came from: uploaded with the dossier, or the citizen's document store (lib/papers).
    paperOrigins(d.id, d.attachments),
  ]);
  const state = dueState(d, now, calendar);
  const holder = d.access === "holder";
  const actions = holder && isStatus(d.status) ? availableActions(d.status, "officer") : [];
  const hidden = { code: d.code, version: String(d.version) };
  const open = ![3, 7, 8, 9, 10].includes(d.status);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <QueueNeighbours user={user} code={d.code} from={(await searchParams)[FROM_QUEUE_PARAM]} />
        <h1 className="text-2xl font-bold">Hồ sơ {d.code}</h1>
        <p>{d.service.name}</p>
        <p>
          Trạng thái: <strong data-testid="trang-thai">{statusName(d.status)}</strong> <DueBadge state={state} /> · Hạn trả:{" "}
          {d.dueAt ? formatDate(d.dueAt) : "—"} · Cơ quan đang giải quyết: <span data-testid="co-quan-giu">{d.holderAgency.name}</span>
        </p>
        {!holder && (
          <p role="note" className="rounded border border-amber-700 bg-amber-50 p-2 text-amber-900">
            Cơ quan bạn đã chuyển hồ sơ này đi; chỉ theo dõi, không xử lý.
          </p>
        )}
        <p className="flex gap-3 text-sm">
          <Link href={`/can-bo/ho-so/${d.code}/phieu-kiem-soat`}>Phiếu kiểm soát quá trình giải quyết (mẫu 05)</Link>
        </p>
      </header>

      {holder && (
        <section aria-labelledby="thao-tac" className="card space-y-3">
          <h2 id="thao-tac" className="text-lg font-semibold">
            Thao tác
          </h2>
          <div className="grid gap-3 lg:grid-cols-2">
            {actions.map((a) => (
              <OfficerActionForm
                key={a}
                id={`tac-vu-${a}`}
                title={dossierText.action[a]}
                submitLabel={dossierText.action[a]}
                action={dossierAction}
                hidden={{ ...hidden, action: a }}
                fields={ACTION_FIELDS[a]}
              />
            ))}
            {open && (
              <OfficerActionForm
                id="phan-cong"
                title="Phân công cán bộ xử lý"
                submitLabel="Phân công"
                action={assignAction}
                hidden={{ code: d.code }}
                fields={[
                  {
                    name: "assigneeId",
                    label: "Cán bộ xử lý",
                    type: "select",
                    defaultValue: d.assigneeId ?? "",
                    options: [{ value: "", label: "— Chưa phân công —" }, ...officers.map((o) => ({ value: o.id, label: o.fullName }))],
                  },
                ]}
              />
            )}
            {(d.status === 2 || d.status === 4) && (
              <OfficerActionForm
                id="chuyen"
                title="Chuyển cơ quan giải quyết (liên thông)"
                submitLabel="Chuyển hồ sơ"
                action={transferAction}
                hidden={hidden}
                fields={[
                  {
                    name: "toAgency",
                    label: "Cơ quan nhận",
                    type: "select",
                    required: true,
                    options: [
                      { value: "", label: "— Chọn cơ quan —" },
                      ...agencies
                        .filter((a) => a.identifier !== d.holderAgency.identifier)
                        .map((a) => ({ value: a.identifier, label: `${a.name} (${a.identifier})` })),
                    ],
                  },
                  { name: "reason", label: "Lý do chuyển", type: "textarea", required: true },
                ]}
              />
            )}
            {open && (
              <OfficerActionForm
                id="xin-loi"
                title="Thư xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)"
                submitLabel="Gửi thư xin lỗi"
                action={apologyAction}
                hidden={{ code: d.code }}
                fields={[
                  { name: "reason", label: "Lý do chậm trả kết quả", type: "textarea", required: true },
                  { name: "newDate", label: "Ngày hẹn trả kết quả mới", type: "date", required: true },
                ]}
              />
            )}
          </div>
        </section>
      )}

      <section aria-labelledby="thong-tin" className="card">
        <h2 id="thong-tin" className="mb-2 text-lg font-semibold">
          Thông tin kê khai
        </h2>
        <dl className="grid gap-1 sm:grid-cols-[16rem_1fr]">
          <dt className="text-slate-700">Người nộp</dt>
          <dd>{d.applicantName}</dd>
          {/* Officers see the represented person's full number, to check it against the authorisation paper. */}
          <PrincipalRows rows={principalRows(d, { fullCccd: true })} />
          <dt className="text-slate-700">Thời điểm nộp</dt>
          <dd>{formatDateTime(d.submittedAt)}</dd>
          {d.formVersion && <dt className="text-slate-700">Mẫu tờ khai</dt>}
          {d.formVersion && <dd data-testid="phien-ban-to-khai">Phiên bản {d.formVersion.version}</dd>}
          <dt className="text-slate-700">Cán bộ xử lý</dt>
          <dd>{d.assignee?.fullName ?? "Chưa phân công"}</dd>
        </dl>
        <AnswerSections sections={view.sections} />
      </section>

      <section aria-labelledby="giay-to" className="card">
        <h2 id="giay-to" className="mb-2 text-lg font-semibold">
          Giấy tờ
        </h2>
        {view.papers.length > 0 && (
          <>
            <h3 className="font-semibold">Thành phần hồ sơ đã nộp</h3>
            <ul className="mb-2 list-disc pl-5" data-testid="giay-to-da-nop">
              {view.papers.map((p) => (
                <li key={p.fieldId}>
                  {p.label}: {p.fileName}
                </li>
              ))}
            </ul>
            <h3 className="font-semibold">Tệp</h3>
          </>
        )}
        <ul className="list-disc pl-5">
          {d.attachments.map((a) => (
            <li key={a.id}>
              <a href={`/api/tai-lieu/${a.id}`}>{a.fileName}</a>{" "}
              <span className="text-sm text-slate-700">
                ({a.purpose === "result" ? "kết quả" : a.purpose === "supplement" ? "bổ sung" : "nộp"}
                {origins.has(a.id) && <>, {origins.get(a.id)}</>}, SHA-256 {a.sha256.slice(0, 12)}…
                {a.purpose === "result" && `, ${signatureLabel(signatures.get(a.id))}`})
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="lich-su" className="card">
        <h2 id="lich-su" className="mb-2 text-lg font-semibold">
          Lịch sử xử lý
        </h2>
        <DossierTimeline events={d.events} formBase={`/can-bo/ho-so/${d.code}/phieu`} />
      </section>
    </div>
  );
}
