// Submitting a dossier: one transaction makes the dossier with its code, answers, papers, the snapshot
// of the form and fee schedule it was filed under, its first chained event and the applicant's notice.
// The same idempotency key (double click, retry after a network error) always yields the same dossier.
import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { serviceCodeAt } from "@/lib/agencies/succession";
import { defineUseCase, AppError, type ActionResult } from "@/lib/auth/door";
import { actorUser, type Actor } from "@/lib/auth/actor";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { loadCalendar } from "@/lib/calendar/store";
import { localDate } from "@/lib/calendar/time";
import { dueDate } from "@/lib/calendar/working-days";
import { db } from "@/lib/db/client";
import { appendEvent } from "@/lib/dossiers/events";
import { nextDossierCode, provisionalDossierCode } from "@/lib/dossiers/numbering";
import { CHANNEL, STATUS } from "@/lib/dossiers/status";
import { MAX_DOSSIER_BYTES } from "@/lib/files/sniff";
import { formatDate } from "@/lib/format";
import { commonText } from "@/lib/i18n/vi/common";
import { dossierText } from "@/lib/i18n/vi/dossiers";
import { eidText } from "@/lib/i18n/vi/eid";
import { filingText } from "@/lib/i18n/vi/filing";
import { notifyUser } from "@/lib/notify/notify";
import { allFields, type FormDefinition } from "@/lib/forms/definition";
import { answersSchema, errorsByPath } from "@/lib/forms/answers";
import { listsUsed } from "@/lib/forms/codelists";
import { loadCodeLists } from "@/lib/forms/codelist-store";
import { computeFee } from "@/lib/forms/fees";
import { computeAnswerLabels } from "@/lib/forms/labels-store";
import { keepPapersInStore } from "@/lib/papers/store";
import { resolvePrincipal } from "@/lib/organisations/filing";
import { paperOwnerOf } from "@/lib/organisations/principal";
import { verifiedAnswers } from "./prefill";
import { getFilingService } from "./service-form";
import { metrics } from "@/lib/ops/metrics";
import { DOSSIER_SECTION, dossierHref } from "@/lib/dossiers/next-step";
import { queueDossierDelivery } from "@/lib/sync/outbound";

const DossierSubmission = z.object({
  serviceCode: z.string().min(3).max(40),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  answers: z.record(z.string(), z.unknown()),
  // Who the dossier is filed for (issue 15: lib/organisations); absent: the signed-in citizen themself.
  principal: z.unknown().optional(),
});

export interface Submitted {
  code: string;
  dossierId: string;
  /** True when this key had already been submitted: nothing new was created. */
  duplicate: boolean;
}

/** The applicant's name as declared: the field the form fills from the profile's name (or `hoTen`). */
function applicantNameOf(form: FormDefinition, answers: Record<string, unknown>): string | undefined {
  const field = allFields(form).find((f) => f.prefill === "fullName" && f.type === "text") ?? allFields(form).find((f) => f.id === "hoTen");
  const v = field ? answers[field.id] : undefined;
  return typeof v === "string" && v.trim() ? v.trim() : undefined;
}

const submitOnce = defineUseCase({
  name: "dossier.submit",
  permission: "dossier.file",
  schema: DossierSubmission,
  entityType: "dossier",
  async run(input, { tx, user: signedIn }) {
    const user = signedIn!;
    // Retries of one submission wait here for each other, so the first is finished (or rolled back)
    // before the next looks for it: a retry then finds the dossier instead of racing to make another.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${user.id}:${input.idempotencyKey}`}, 0))`;
    const existing = await tx.dossier.findUnique({
      where: { applicantId_idempotencyKey: { applicantId: user.id, idempotencyKey: input.idempotencyKey } },
      select: { id: true, code: true },
    });
    if (existing)
      return {
        result: { code: existing.code, dossierId: existing.id, duplicate: true },
        entityId: existing.id,
        details: { duplicate: true },
      };

    const service = await getFilingService(await serviceCodeAt(tx, input.serviceCode, new Date()), tx); // a merged agency's service: its successor's
    if (!service) throw new AppError("not_found", filingText.notOnline);
    // A procedure needing the e-ID's level 2: a session below it steps up first (docs/eid.md).
    if (service.assuranceLevel > (user.assuranceLevel ?? 1))
      throw new AppError("forbidden", eidText.assuranceTooLow, undefined, "assurance_too_low");
    const lists = await loadCodeLists(listsUsed(service.form), tx);
    // What the national e-ID vouches for is declared as it vouches (the form shows it read-only).
    const declared = { ...input.answers, ...(await verifiedAnswers(user.id, service.form, tx)) };
    const parsed = answersSchema(service.form, { lists, today: localDate(new Date()) }).safeParse(declared);
    if (!parsed.success) throw new AppError("invalid", commonText.fixErrors, errorsByPath(parsed.error.issues));
    const answers = parsed.data;

    // Every file answer must be a paper this citizen uploaded for that field of this service's draft.
    const found = await tx.draft.findFirst({ where: { userId: user.id, service: { code: input.serviceCode } }, select: { id: true } });
    // Locked like an upload locks it: a paper being uploaded to this draft right now is either in, or
    // waits and then goes to a fresh draft; it never points at a draft this submission deletes.
    const draft =
      found && (await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM draft WHERE id = ${found.id}::uuid FOR UPDATE`).length
        ? found
        : null;
    const fileFields = allFields(service.form).filter((f) => f.type === "file" && typeof answers[f.id] === "string");
    const files = fileFields.length
      ? await tx.attachment.findMany({
          where: { id: { in: fileFields.map((f) => answers[f.id] as string) }, ownerId: user.id, dossierId: null },
        })
      : [];
    const missing: Record<string, string> = {};
    for (const f of fileFields) {
      const a = files.find((x) => x.id === answers[f.id]);
      if (!a || a.fieldId !== f.id || a.draftId !== draft?.id) missing[f.id] = filingText.requiredFile(f.label);
    }
    if (Object.keys(missing).length) throw new AppError("invalid", commonText.fixErrors, missing);
    // ---- Issue 15: the principal (oneself, an organisation of which the citizen is a member now, or another
    // person with the authorisation paper, which then goes with the dossier's papers). ----
    const principal = await resolvePrincipal(tx, user.id, service.applicants, input.principal, draft?.id ?? null);
    if (principal.paper) files.push(principal.paper);
    // ---- end issue 15 ----
    if (files.reduce((s, a) => s + a.size, 0) > MAX_DOSSIER_BYTES)
      throw new AppError("invalid", filingText.file.dossierTooBig(MAX_DOSSIER_BYTES / 1048576));

    // What the citizen saw (labels of choices, full address names, papers' file names) and the fee these answers owe.
    const answerLabels = await computeAnswerLabels(
      service.form,
      answers,
      Object.fromEntries(files.map((a) => [a.fieldId ?? "", a.fileName])),
      tx,
    );
    const fee = computeFee(service.form, answers, "online", service.channel.fees);
    const now = new Date();
    const due = dueDate(now, service.channel.processingDays, await loadCalendar(tx, now));
    const dossier = await tx.dossier.create({
      data: {
        // The agency's daily number is taken last (below): its row stays locked until this transaction ends,
        // and every other filing to the agency that day waits for it; until then the row has a placeholder.
        code: provisionalDossierCode(),
        serviceId: service.id,
        receivingAgencyId: service.agency.id,
        holderAgencyId: service.agency.id,
        applicantId: user.id,
        applicantName: principal.applicantName ?? applicantNameOf(service.form, answers) ?? user.fullName,
        ...principal.columns,
        status: STATUS.NEW,
        channel: CHANNEL.ONLINE,
        onlineLevel: service.onlineLevel,
        answers: answers as Prisma.InputJsonValue,
        formSnapshot: service.form,
        formVersionId: service.formVersionId,
        answerLabels,
        feeSnapshot: {
          channel: service.channel,
          total: fee.total,
          formVersion: service.formVersionNumber,
          computed: JSON.parse(JSON.stringify(fee)) as Prisma.InputJsonObject,
        },
        processingDays: service.channel.processingDays,
        feeAmount: fee.total,
        idempotencyKey: input.idempotencyKey,
        submittedAt: now,
        // The expected date until an officer receives it (which sets both again, lib/dossiers/transition.ts).
        dueAt: due.dueAt,
        legalDueAt: due.dueAt,
      },
      select: { id: true },
    });
    if (files.length)
      await tx.attachment.updateMany({ where: { id: { in: files.map((f) => f.id) } }, data: { dossierId: dossier.id, draftId: null } });
    // The papers go to the applicant's document store, or the organisation's (lib/papers), for later filings to reuse.
    await keepPapersInStore(tx, {
      dossierId: dossier.id,
      owner: paperOwnerOf({ applicantId: user.id, organisationId: principal.columns.organisationId ?? null }),
      files,
      fields: allFields(service.form),
      components: service.components,
    });
    await appendEvent(tx, {
      dossierId: dossier.id,
      action: "submit",
      toStatus: STATUS.NEW,
      actorId: user.id,
      actorRole: user.role,
      data: { files: files.map((f) => ({ field: f.fieldId, name: f.fileName, sha256: f.sha256 })), dueDate: due.date },
    });
    if (draft) await tx.draft.deleteMany({ where: { id: draft.id } });
    // Issue 17: a service the agency processes in its own one-stop system gets the dossier delivered there.
    await queueDossierDelivery(tx, dossier.id);
    // The number, at the very end: the lock on the agency's sequence row is held only for these last statements
    // and the commit, so concurrent filings to one agency overlap in everything above. A rollback returns the
    // number with the rest: codes stay gap-free per agency and day.
    const code = await nextDossierCode(tx, service.agency, localDate(now));
    await tx.dossier.update({ where: { id: dossier.id }, data: { code }, select: { id: true } });
    await notifyUser(tx, {
      userId: user.id,
      email: user.email,
      dossierId: dossier.id,
      title: dossierText.notifyTitle(code, "Mới đăng ký"),
      body: dossierText.notifySubmitted(service.name, formatDate(due.date)),
      link: dossierHref(code, DOSSIER_SECTION.receipt),
    });
    return {
      result: { code, dossierId: dossier.id, duplicate: false },
      entityId: dossier.id,
      details: { code, service: service.code, ...principal.details },
    };
  },
});

/** Submits, and when a concurrent retry with the same key won the race, answers with that dossier. */
export async function submitDossier(actor: Actor, raw: unknown, meta?: RequestMeta): Promise<ActionResult<Submitted>> {
  const result = await submitOnce(actor, raw, meta);
  // Counted once committed; a retry answered with the dossier it already made is not a new one.
  if (result.ok && !result.data.duplicate) metrics.dossiersSubmitted.inc();
  if (result.ok || result.code !== "conflict") return result;
  const parsed = DossierSubmission.safeParse(raw);
  if (!parsed.success) return result;
  const user = actorUser(actor);
  const existing = user
    ? await db.dossier.findUnique({
        where: { applicantId_idempotencyKey: { applicantId: user.id, idempotencyKey: parsed.data.idempotencyKey } },
      })
    : null;
  return existing ? { ok: true, data: { code: existing.code, dossierId: existing.id, duplicate: true } } : result;
}
