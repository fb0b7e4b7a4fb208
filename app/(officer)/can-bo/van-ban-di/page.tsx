import type { Metadata } from "next";
import Link from "next/link";
import { DocStatus, Urgency } from "@/components/documents/StatusBadge";
import { RegisterFilterForm } from "@/components/documents/RegisterFilterForm";
import { listAgencies } from "@/lib/agencies/queries";
import { requirePermission } from "@/lib/auth/current-user";
import { outgoingRegisterPage, parseRegisterFilters } from "@/lib/documents/registers";
import { parseRegisterPage } from "@/lib/documents/register-paging";
import { RegisterCount, RegisterPager } from "@/components/documents/RegisterPager";
import { revisionsOf } from "@/lib/documents/revisions";
import { DocumentExtras } from "@/components/documents/DocumentExtras";
import { formatDate } from "@/lib/format";
import { OfficerActionForm } from "@/components/officer/OfficerActionForm";
import { StatusTimeline } from "@/components/documents/StatusTimeline";
import { nextRecipientStatus } from "@/lib/documents/types";
import { documentExchangeText } from "@/lib/i18n/vi/document-exchange";
import { recallAction } from "./actions";

const R = documentExchangeText.recall;
/** The one rule the use case enforces: the sender may ask a copy back only while the recipient holds it open. */
const recallable = (status: string) => nextRecipientStatus(status, "13", "sender").ok;

export const metadata: Metadata = { title: "Sổ văn bản đi" };

type SP = Record<string, string | string[] | undefined>;

export default async function OutgoingPage({ searchParams }: { searchParams: Promise<SP> }) {
  const user = await requirePermission("document.send", "/can-bo/van-ban-di");
  const sp = await searchParams;
  const filters = parseRegisterFilters(sp);
  const { page, badCursor } = parseRegisterPage(sp);
  const [register, agencies] = await Promise.all([outgoingRegisterPage(user, filters, page), listAgencies()]);
  const docs = register.rows;
  const revisions = await revisionsOf(docs.map((d) => d.id));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">Sổ văn bản đi</h1>
        <p className="flex gap-2">
          <Link href="/can-bo/van-ban-den" className="btn btn-secondary">
            Sổ văn bản đến
          </Link>
          <Link href="/can-bo/van-ban-di/soan" className="btn btn-primary">
            Soạn văn bản
          </Link>
        </p>
      </div>
      {typeof sp["da-gui"] === "string" && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          Đã gửi văn bản {sp["da-gui"]}.
        </p>
      )}
      {typeof sp["da-lay-lai"] === "string" && /^\d+$/.test(sp["da-lay-lai"]) && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {R.asked(Number(sp["da-lay-lai"]))} Nơi nhận trả lời đồng ý hoặc từ chối; kết quả hiện ở mục diễn biến.
        </p>
      )}
      <RegisterFilterForm filters={filters} agencies={agencies} agencyLabel="Nơi nhận" dateLabel="Ngày gửi" path="/can-bo/van-ban-di" />
      <RegisterCount total={register.total} badCursor={badCursor} />
      {docs.length === 0 && (
        <p className="card">{Object.keys(filters).length ? "Không có văn bản nào khớp bộ lọc." : "Chưa có văn bản nào."}</p>
      )}
      <ol className="space-y-3" data-testid="so-van-ban-di">
        {docs.map((d) => (
          <li key={d.id} className="card space-y-2 break-words">
            <p className="flex flex-wrap items-center gap-2">
              <strong>{d.notation}</strong>{" "}
              <span className="text-sm text-slate-700">
                {formatDate(d.promulgationDate.toISOString().slice(0, 10))} · {d.typeName}
              </span>{" "}
              <Urgency level={d.priority} />
            </p>
            <p>{d.subject}</p>
            <DocumentExtras
              replaces={d.replaces}
              businessType={d.businessType}
              attachments={d.attachments}
              revisions={revisions.get(d.id) ?? []}
              responseForKey={d.responseForKey}
            />
            <p className="flex flex-wrap gap-3 text-sm">
              <Link href={`/can-bo/van-ban-di/soan?thay-the=${encodeURIComponent(d.documentKey)}&kieu=2`}>
                Cập nhật<span className="sr-only"> văn bản {d.notation}</span>
              </Link>
              <Link href={`/can-bo/van-ban-di/soan?thay-the=${encodeURIComponent(d.documentKey)}&kieu=3`}>
                Thay thế<span className="sr-only"> văn bản {d.notation}</span>
              </Link>
            </p>
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`Tình trạng xử lý văn bản ${d.notation} tại nơi nhận`}>
              <table className="w-full min-w-[28rem] text-left text-sm">
                <caption className="sr-only">Tình trạng xử lý tại nơi nhận</caption>
                <thead>
                  <tr className="border-b">
                    <th scope="col" className="p-1">
                      Nơi nhận
                    </th>
                    <th scope="col" className="p-1">
                      Trạng thái hiện tại
                    </th>
                    <th scope="col" className="p-1">
                      Diễn biến
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.recipients.map((r) => (
                    <tr key={r.id} className="border-b align-top" data-testid={`noi-nhan-${r.agency.identifier}`}>
                      <td className="p-1">{r.agency.name}</td>
                      <td className="p-1">
                        <DocStatus code={r.status} />
                      </td>
                      <td className="p-1">
                        <StatusTimeline events={r.events} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <RecallForms d={d} />
          </li>
        ))}
      </ol>
      <RegisterPager path="/can-bo/van-ban-di" filters={filters} prev={register.prev} next={register.next} />
    </div>
  );
}

type SentDocument = Awaited<ReturnType<typeof outgoingRegisterPage>>["rows"][number];

/**
 * Recall (13) and update per copy, offered only where the use case's rule allows it; and recall of every copy
 * still open when more than one is. Each form says what will happen and asks for a ticked confirmation and a
 * reason; both are checked again on the server.
 */
function RecallForms({ d }: { d: SentDocument }) {
  const open = d.recipients.filter((r) => recallable(r.status));
  if (open.length === 0) return null;
  const reason = [{ name: "description", label: R.reasonLabel, type: "textarea" as const, required: true, help: R.reasonHelp }];
  return (
    <div className="space-y-2" data-testid="lay-lai">
      {open.map((r) => (
        <details key={r.id} className="rounded border border-slate-300 p-2" data-testid={`lay-lai-${r.agency.identifier}`}>
          <summary className="cursor-pointer font-medium">{R.openOne(r.agency.name)}</summary>
          <div className="mt-2 space-y-2">
            <OfficerActionForm
              id={`lay-lai-${r.id}`}
              title={R.oneTitle(d.notation, r.agency.name)}
              submitLabel={R.submit}
              action={recallAction}
              hidden={{ recipientId: r.id, version: String(r.version) }}
              fields={reason}
              confirm={{ warning: R.warning, label: R.confirmLabel }}
              tone="danger"
            />
            <p className="text-sm">
              <Link
                href={`/can-bo/van-ban-di/soan?thay-the=${encodeURIComponent(d.documentKey)}&kieu=2&noi-nhan=${encodeURIComponent(r.agency.identifier)}`}
              >
                {R.updateOne(r.agency.name)}
                <span className="sr-only"> (văn bản {d.notation})</span>
              </Link>
            </p>
          </div>
        </details>
      ))}
      {open.length > 1 && (
        <details className="rounded border border-slate-300 p-2" data-testid="lay-lai-tat-ca">
          <summary className="cursor-pointer font-medium">{R.openAll(open.length)}</summary>
          <div className="mt-2">
            <OfficerActionForm
              id={`lay-lai-${d.id}`}
              title={R.allTitle(d.notation)}
              submitLabel={R.submitAll}
              action={recallAction}
              hidden={{ documentKey: d.documentKey }}
              fields={reason}
              confirm={{ warning: R.warningAll, label: R.confirmLabel }}
              tone="danger"
            />
          </div>
        </details>
      )}
    </div>
  );
}
