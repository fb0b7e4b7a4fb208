import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OfficerActionForm } from "@/components/officer/OfficerActionForm";
import { requirePermission } from "@/lib/auth/current-user";
import { getFeedbackForOfficer, routingTargets } from "@/lib/feedback/officer";
import { redact } from "@/lib/feedback/privacy";
import { allows, isOverdue } from "@/lib/feedback/status";
import { formatDate, formatDateTime } from "@/lib/format";
import { feedbackText } from "@/lib/i18n/vi/feedback";
import { acceptAction, approveAction, draftAction, forwardAction, refuseAction, sendBackAction } from "./actions";

const o = feedbackText.officer;

export const metadata: Metadata = { title: o.queueTitle };

export default async function FeedbackItemPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const code = decodeURIComponent((await params).code);
  const user = await requirePermission("feedback.handle", `/can-bo/phan-anh/${encodeURIComponent(code)}`);
  const item = await getFeedbackForOfficer(user, code);
  if (!item || item.agencyId !== user.agencyId) notFound();
  const { xong } = await searchParams;
  const done = typeof xong === "string" ? o.done[xong] : undefined;
  const late = isOverdue(item);
  const hidden = { code: item.code, version: String(item.version) };
  const canRoute = allows("forward", item.status);
  const targets = canRoute ? (await routingTargets()).filter((a) => a.id !== item.agencyId) : [];
  const pending = item.status === "in_progress" && item.answerState === "pending";
  const personal = { names: [item.submitterName], emails: [item.submitterEmail], phones: item.submitterPhone ? [item.submitterPhone] : [] };
  return (
    <div className="space-y-6">
      <p>
        <Link href="/can-bo/phan-anh">{o.queueTitle}</Link>
      </p>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold break-words">{item.title}</h1>
        <p className="font-mono break-all">{item.code}</p>
        <p data-testid="trang-thai-phan-anh">
          {o.status}: <strong>{feedbackText.statusName(item.status)}</strong>
        </p>
        {late && (
          <p className="rounded border border-red-700 bg-red-50 p-2 font-semibold text-red-900" role="status">
            {o.overdue}: {o.due} {formatDateTime(item.dueAt)}
          </p>
        )}
      </header>
      {done && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-2 text-green-900">
          {done}
        </p>
      )}
      <section className="card space-y-2" aria-labelledby="thong-tin">
        <h2 id="thong-tin" className="text-lg font-semibold">
          {feedbackText.public.question}
        </h2>
        <dl className="grid gap-1 sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium">{o.topic}</dt>
          <dd>{feedbackText.topicName(item.topic)}</dd>
          <dt className="font-medium">{o.submitter}</dt>
          <dd className="break-words">{item.submitterName}</dd>
          <dt className="font-medium">{o.contact}</dt>
          <dd className="break-all">
            {item.submitterEmail}
            {item.submitterPhone ? ` · ${item.submitterPhone}` : ""}
          </dd>
          <dt className="font-medium">{o.receivedAt}</dt>
          <dd>{formatDateTime(item.receivedAt)}</dd>
          <dt className="font-medium">{o.forwardDue}</dt>
          <dd>{formatDate(item.forwardDueAt)}</dd>
          <dt className="font-medium">{o.due}</dt>
          <dd>{formatDate(item.dueAt)}</dd>
          {item.procedure && (
            <>
              <dt className="font-medium">{o.procedure}</dt>
              <dd>
                {item.procedure.name} (<span className="font-mono">{item.procedure.code}</span>)
              </dd>
            </>
          )}
          {item.sourcePage && (
            <>
              <dt className="font-medium">{o.sourcePage}</dt>
              <dd className="font-mono break-all">{item.sourcePage}</dd>
            </>
          )}
          {item.namedAgency && (
            <>
              <dt className="font-medium">{o.namedAgency}</dt>
              <dd>{item.namedAgency.name}</dd>
            </>
          )}
          {item.dossier && (
            <>
              <dt className="font-medium">{o.dossier}</dt>
              <dd>
                <Link href={`/can-bo/ho-so/${encodeURIComponent(item.dossier.code)}`} className="font-mono break-all">
                  {item.dossier.code}
                </Link>
              </dd>
            </>
          )}
          <dt className="font-medium">{o.consent}</dt>
          <dd>{item.consent ? o.yes : o.no}</dd>
        </dl>
        <p className="break-words whitespace-pre-line" data-testid="noi-dung-phan-anh">
          {item.content}
        </p>
        {item.attachments.length > 0 && (
          <>
            <h3 className="font-semibold">{o.attachments}</h3>
            <ul className="list-disc pl-5">
              {item.attachments.map((a) => (
                <li key={a.id}>
                  <a href={`/can-bo/phan-anh/tep/${a.id}`} className="break-all">
                    {a.fileName}
                  </a>{" "}
                  ({Math.max(1, Math.round(a.size / 1024))} KB)
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {item.answer && (
        <section className="card space-y-2" aria-labelledby="cau-tra-loi">
          <h2 id="cau-tra-loi" className="text-lg font-semibold">
            {o.answer}
          </h2>
          {pending && <p className="font-semibold">{o.pendingReview}</p>}
          {item.answerState === "returned" && (
            <p className="font-semibold text-amber-900">
              {o.returned} {item.reviewNote ? `${o.reviewNote}: ${item.reviewNote}` : ""}
            </p>
          )}
          <p className="break-words whitespace-pre-line" data-testid="cau-tra-loi">
            {item.answer}
          </p>
          {item.answerById && (
            <p className="text-sm text-slate-700">
              {o.answerBy}: {item.names[item.answerById] ?? ""}
            </p>
          )}
          {item.consent && item.publicAnswer && (
            <div className="space-y-1 border-t border-slate-200 pt-2">
              <p className="font-medium">
                {o.draft.publicTitle}: {item.publicTitle}
              </p>
              <p className="font-medium">{o.draft.publicQuestion}</p>
              <p className="break-words whitespace-pre-line">{item.publicQuestion}</p>
              <p className="font-medium">{o.draft.publicAnswer}</p>
              <p className="break-words whitespace-pre-line">{item.publicAnswer}</p>
            </div>
          )}
        </section>
      )}

      <section className="space-y-3" aria-labelledby="thao-tac">
        <h2 id="thao-tac" className="text-lg font-semibold">
          {o.actions}
        </h2>
        {allows("accept", item.status) && (
          <OfficerActionForm id="chap-nhan" title={o.accept.title} submitLabel={o.accept.submit} action={acceptAction} hidden={hidden} />
        )}
        {allows("draft", item.status) && !pending && (
          <OfficerActionForm
            id="tra-loi"
            title={o.draft.title}
            submitLabel={o.draft.submit}
            action={draftAction}
            hidden={hidden}
            fields={[
              { name: "answer", label: o.draft.answer, type: "textarea", required: true, defaultValue: item.answer ?? "" },
              ...(item.consent
                ? ([
                    {
                      name: "publicTitle",
                      label: o.draft.publicTitle,
                      type: "text",
                      required: true,
                      help: o.draft.publicHelp,
                      defaultValue: item.publicTitle ?? redact(item.title, personal),
                    },
                    {
                      name: "publicQuestion",
                      label: o.draft.publicQuestion,
                      type: "textarea",
                      required: true,
                      defaultValue: item.publicQuestion ?? redact(item.content, personal),
                    },
                    {
                      name: "publicAnswer",
                      label: o.draft.publicAnswer,
                      type: "textarea",
                      required: true,
                      defaultValue: item.publicAnswer ?? "",
                    },
                  ] as const)
                : []),
            ]}
          />
        )}
        {pending && item.answerById !== user.id && (
          <>
            <OfficerActionForm id="duyet" title={o.review.title} submitLabel={o.review.approve} action={approveAction} hidden={hidden} />
            <OfficerActionForm
              id="tra-lai"
              title={o.review.sendBack}
              submitLabel={o.review.sendBack}
              action={sendBackAction}
              hidden={hidden}
              tone="secondary"
              fields={[{ name: "note", label: o.review.note, type: "textarea", required: true }]}
            />
          </>
        )}
        {canRoute && (
          <OfficerActionForm
            id="chuyen"
            title={o.forward.title}
            submitLabel={o.forward.submit}
            action={forwardAction}
            hidden={hidden}
            tone="secondary"
            fields={[
              {
                name: "agencyId",
                label: o.forward.agency,
                type: "select",
                required: true,
                help: o.forward.help,
                options: [
                  { value: "", label: feedbackText.form.agencyNone },
                  ...targets.map((a) => ({ value: String(a.id), label: a.name })),
                ],
              },
              { name: "reason", label: o.forward.reason, type: "textarea", required: true },
            ]}
          />
        )}
        {allows("refuse", item.status) && (
          <OfficerActionForm
            id="tu-choi"
            title={o.refuse.title}
            submitLabel={o.refuse.submit}
            action={refuseAction}
            hidden={hidden}
            tone="danger"
            fields={[{ name: "reason", label: o.refuse.reason, type: "textarea", required: true }]}
          />
        )}
      </section>

      <section aria-labelledby="dien-bien">
        <h2 id="dien-bien" className="mb-2 text-lg font-semibold">
          {o.history}
        </h2>
        <ol className="space-y-1">
          {item.events.map((e) => (
            <li key={String(e.id)} className="text-sm">
              {formatDateTime(e.at)} · {feedbackText.events[e.action] ?? e.action} · {feedbackText.statusName(e.toStatus)}
              {e.toAgencyId != null && e.toAgencyId !== e.fromAgencyId ? ` · ${item.agencyNames[e.toAgencyId] ?? ""}` : ""}
              {e.actorId ? ` · ${item.names[e.actorId] ?? ""}` : ""}
              {e.note ? ` — ${e.note}` : ""}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
