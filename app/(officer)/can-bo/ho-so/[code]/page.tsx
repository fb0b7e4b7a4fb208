import { notFound } from "next/navigation";
import { dossierSyncText } from "@/lib/i18n/vi/dossier-sync";
import { PrincipalRows } from "@/components/organisations/PrincipalRows";
import { principalRows } from "@/lib/organisations/principal-view";
import type { Metadata } from "next";
import Link from "next/link";
import { paperOrigins } from "@/lib/papers/queries";
import { DossierTimeline } from "@/components/dossiers/DossierTimeline";
import { DueDate } from "@/components/dossiers/DueDate";
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
import {
  DESTRUCTIVE,
  isOfficerAction,
  NEEDS_CONFIRMATION,
  OFFICER_ACTION_PERMISSION,
  officerActionMenu,
  processedInAgencySystem,
  type OfficerAction,
} from "@/lib/dossiers/officer-actions";
import { STATUS, statusName } from "@/lib/dossiers/status";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";
import { dossierText } from "@/lib/i18n/vi/dossiers";
import { signatureLabel } from "@/lib/i18n/vi/signing";
import { resultSignatures } from "@/lib/signing/results";
import { apologyAction, assignAction, dossierAction, transferAction } from "./actions";
import { decodeSegment } from "@/lib/http/segment";
import { syncOutText } from "@/lib/i18n/vi/sync-out";

export const metadata: Metadata = { title: "Xử lý hồ sơ" };

const T = dossierText.officer;
const F = T.field;

/** What each status action's form asks for (labels shared with the refusals, lib/i18n/vi/dossiers.ts). */
const ACTION_FIELDS: Partial<Record<OfficerAction, ActionField[]>> = {
  refuse: [{ name: "reason", label: F.refuseReason, type: "textarea", required: true }],
  stop: [{ name: "reason", label: F.stopReason, type: "textarea", required: true }],
  requestSupplement: [
    { name: "papers", label: F.supplementPapers, type: "textarea", required: true, help: T.papersHelp },
    { name: "reason", label: F.supplementReason, type: "textarea", required: true },
  ],
  requestFees: [{ name: "amount", label: F.amount, type: "number", required: true }],
  finish: [
    { name: "documentNumber", label: F.documentNumber, type: "text", required: true, help: T.documentNumberHelp },
    { name: "title", label: F.title, type: "text", required: true, help: T.titleHelp },
    { name: "body", label: F.body, type: "textarea", required: true },
    { name: "signerPosition", label: F.signerPosition, type: "text", required: true },
    { name: "signerName", label: F.signerName, type: "text", required: true },
  ],
};

const confirmOf = (a: OfficerAction) =>
  NEEDS_CONFIRMATION.has(a)
    ? { warning: T.warning[a as keyof typeof T.warning], label: T.confirmLabel[a as keyof typeof T.confirmLabel] }
    : undefined;

const SYNC = dossierSyncText.officer;

export default async function OfficerDossierPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const code = decodeSegment((await params).code) ?? notFound();
  const sp = await searchParams;
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
  // Exactly what the use cases would accept from this officer on this dossier (lib/dossiers/officer-actions.ts).
  // Issue 17: processed in the agency's own one-stop system (received or delivered there) — the portal shows it and
  // offers no action.
  const processedElsewhere = processedInAgencySystem(d);
  const ctx = { status: d.status, holder, mayProcess: can(user, OFFICER_ACTION_PERMISSION), processedElsewhere };
  const { primary, more } = officerActionMenu(ctx);
  // A menu item opens its own form in place of the primary one (a link: works without JavaScript).
  const asked = sp["thao-tac"];
  const chosen = isOfficerAction(asked) && (asked === primary || more.includes(asked)) ? asked : primary;
  const menu = more.filter((a) => a !== chosen);
  const done = isOfficerAction(sp.xong) ? sp.xong : undefined;
  const base = `/can-bo/ho-so/${encodeURIComponent(d.code)}`;
  const hidden = { code: d.code, version: String(d.version) };
  const formOf = (a: OfficerAction) => {
    const tone = DESTRUCTIVE.has(a) ? "danger" : "primary";
    switch (a) {
      case "assign":
        return (
          <OfficerActionForm
            id="phan-cong"
            title={dossierText.action.assign}
            submitLabel="Phân công"
            action={assignAction}
            hidden={{ code: d.code }}
            tone={tone}
            fields={[
              {
                name: "assigneeId",
                label: F.assignee,
                type: "select",
                defaultValue: d.assigneeId ?? "",
                options: [{ value: "", label: T.noAssignee }, ...officers.map((o) => ({ value: o.id, label: o.fullName }))],
              },
            ]}
          />
        );
      case "transfer":
        return (
          <OfficerActionForm
            id="chuyen"
            title="Chuyển cơ quan giải quyết (liên thông)"
            submitLabel="Chuyển hồ sơ"
            action={transferAction}
            hidden={hidden}
            tone={tone}
            confirm={confirmOf(a)}
            fields={[
              {
                name: "toAgency",
                label: F.toAgency,
                type: "select",
                required: true,
                options: [
                  { value: "", label: T.chooseAgency },
                  ...agencies
                    .filter((x) => x.identifier !== d.holderAgency.identifier)
                    .map((x) => ({ value: x.identifier, label: `${x.name} (${x.identifier})` })),
                ],
              },
              { name: "reason", label: F.transferReason, type: "textarea", required: true },
            ]}
          />
        );
      case "apologize":
        return (
          <OfficerActionForm
            id="xin-loi"
            title="Thư xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)"
            submitLabel="Gửi thư xin lỗi"
            action={apologyAction}
            hidden={{ code: d.code }}
            tone={tone}
            fields={[
              { name: "reason", label: F.apologyReason, type: "textarea", required: true },
              { name: "newDate", label: F.newDate, type: "date", required: true },
            ]}
          />
        );
      default:
        return (
          <OfficerActionForm
            id={`tac-vu-${a}`}
            title={dossierText.action[a]}
            submitLabel={dossierText.action[a]}
            action={dossierAction}
            hidden={{ ...hidden, action: a }}
            tone={tone}
            confirm={confirmOf(a)}
            fields={ACTION_FIELDS[a]}
          />
        );
    }
  };
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <QueueNeighbours user={user} code={d.code} from={(await searchParams)[FROM_QUEUE_PARAM]} />
        <h1 className="text-2xl font-bold">Hồ sơ {d.code}</h1>
        <p>{d.service.name}</p>
        <p>
          Trạng thái: <strong data-testid="trang-thai">{statusName(d.status)}</strong> <DueBadge state={state} /> · Hạn trả:{" "}
          <DueDate dueAt={d.dueAt} legalDueAt={d.legalDueAt} testId="han-tra" /> · Cơ quan đang giải quyết:{" "}
          <span data-testid="co-quan-giu">{d.holderAgency.name}</span>
          {d.deliveryState && (
            <>
              {" "}
              · {syncOutText.officer.deliveryLabel}:{" "}
              <span data-testid="trang-thai-dong-bo">{syncOutText.deliveryState[d.deliveryState]}</span>
            </>
          )}
        </p>
        {d.deliveryState && holder && (
          <div
            aria-labelledby="xu-ly-tren-he-thong-co-quan"
            role="note"
            data-testid="xu-ly-tren-he-thong-co-quan"
            className="rounded border border-sky-800 bg-sky-50 p-2 text-sky-950"
          >
            <h2 id="xu-ly-tren-he-thong-co-quan" className="font-semibold">
              {syncOutText.officer.heading}
            </h2>
            <p>{syncOutText.officer.body}</p>
          </div>
        )}
        {!holder && (
          <p role="note" className="rounded border border-amber-700 bg-amber-50 p-2 text-amber-900">
            Cơ quan bạn đã chuyển hồ sơ này đi; chỉ theo dõi, không xử lý.
          </p>
        )}
        <p className="flex gap-3 text-sm">
          <Link href={`/can-bo/ho-so/${d.code}/phieu-kiem-soat`}>Phiếu kiểm soát quá trình giải quyết (mẫu 05)</Link>
        </p>
      </header>

      {d.origin === "AGENCY_SYSTEM" && (
        <section aria-labelledby="nguon-ho-so" className="card space-y-1" data-testid="ho-so-dong-bo">
          <h2 id="nguon-ho-so" className="text-lg font-semibold">
            {SYNC.origin}
          </h2>
          <p>{SYNC.originAgency}</p>
          <p role="note" className="rounded border border-sky-800 bg-sky-50 p-2 text-sky-950">
            {SYNC.readOnly}
          </p>
          <dl className="grid gap-1 sm:grid-cols-[16rem_1fr]">
            <dt className="text-slate-700">{SYNC.externalCode}</dt>
            <dd>{d.externalCode ?? d.code}</dd>
            <dt className="text-slate-700">{SYNC.syncedAt}</dt>
            <dd>{d.syncedAt ? formatDateTime(d.syncedAt) : "—"}</dd>
          </dl>
        </section>
      )}

      {holder && ctx.mayProcess && !processedElsewhere && (
        <section aria-labelledby="thao-tac" className="card space-y-3">
          <h2 id="thao-tac" className="text-lg font-semibold">
            {T.heading}
          </h2>
          {done && (
            <p role="status" className="rounded border border-green-800 bg-green-50 p-2 text-green-900">
              {T.done(done)}
            </p>
          )}
          {chosen ? (
            <div data-testid="thao-tac-chinh" className="max-w-2xl">
              {formOf(chosen)}
            </div>
          ) : (
            <p data-testid="khong-thao-tac-chinh">{d.status === STATUS.SUPPLEMENT_REQUESTED ? T.waitingSupplement : T.none}</p>
          )}
          {chosen && chosen !== primary && (
            <p>
              <Link href={`${base}#thao-tac`}>{primary ? `${T.back}: ${dossierText.action[primary]}` : T.back}</Link>
            </p>
          )}
          {menu.length > 0 && (
            <details className="rounded border border-slate-300 p-2" data-testid="thao-tac-khac">
              <summary className="cursor-pointer font-semibold">
                {T.more} ({menu.length})
              </summary>
              <ul aria-label={T.moreList} className="mt-2 space-y-1 pl-1">
                {menu.map((a) => (
                  <li key={a}>
                    <Link href={`${base}?thao-tac=${a}#thao-tac`} className={DESTRUCTIVE.has(a) ? "text-red-800" : undefined}>
                      {dossierText.action[a]}
                    </Link>
                  </li>
                ))}
              </ul>
            </details>
          )}
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
