// Filing a feedback item (phản ánh, kiến nghị): anyone may, signed in or with a name and an e-mail; an
// anonymous client is limited (LIMITS.feedbackClient). Optionally tied to a procedure, an agency, or one of the
// submitter's own dossiers (checked here, never trusted from the form). Attachments pass the same checks as a
// dossier's papers (size, not empty, really PDF/JPEG/PNG by their first bytes) and are stored before the
// transaction, removed again when it fails. One transaction: the item, its code, its files, its first event,
// the receipt e-mail; audited by the door.
import "server-only";
import { z } from "zod";
import { auditActor, type Actor } from "@/lib/auth/actor";
import { defineUseCase, type UseCase } from "@/lib/auth/door";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { recordAudit } from "@/lib/audit/record";
import { loadCalendar } from "@/lib/calendar/store";
import { dueDate } from "@/lib/calendar/working-days";
import { db } from "@/lib/db/client";
import { requireVisibleDossier } from "@/lib/dossiers/visibility";
import { AppError, failure, fieldErrorsOf, type ActionResult, type FieldErrors } from "@/lib/errors/app-error";
import { cleanFileName, MAX_FILE_BYTES, PAPER_TYPES, sniffFile } from "@/lib/files/sniff";
import { fileStorage, newStorageKey, sha256Hex } from "@/lib/files/storage";
import { commonText } from "@/lib/i18n/vi/common";
import { feedbackText as t } from "@/lib/i18n/vi/feedback";
import { hit } from "@/lib/security/rate-limit";
import { nextFeedbackCode } from "./code";
import { tellSubmitter } from "./mail";
import { routeFeedback } from "./routing";
import { feedbackDeadlines } from "./settings";
import { SOURCE_PAGE } from "./source-page";
import { FEEDBACK_TOPICS } from "./status";

const E = t.errors;
const MAX_FEEDBACK_FILES = 5;

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => (v ? v : undefined));

/** What the form posts (files apart). */
const FeedbackFields = z.object({
  topic: z.enum(FEEDBACK_TOPICS, { error: E.topic }),
  title: z.string({ error: E.title }).trim().min(5, E.title).max(200, E.title),
  content: z.string({ error: E.content }).trim().min(20, E.content).max(5000, E.content),
  name: optionalText(200, E.name),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, E.email)
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.email({ error: E.email }).optional()),
  phone: optionalText(16, E.phone).pipe(
    z
      .string()
      .regex(/^0\d{9}$/, E.phone)
      .optional(),
  ),
  procedureCode: optionalText(20, E.procedureFormat).pipe(
    z
      .string()
      .regex(/^\d\.\d{6}$/, E.procedureFormat)
      .optional(),
  ),
  agencyId: z
    .union([z.literal(""), z.coerce.number({ error: E.agency }).int(E.agency).positive(E.agency).max(2_147_483_647, E.agency)])
    .optional()
    .transform((v) => (v === "" ? undefined : v)),
  dossierCode: optionalText(60, E.dossier),
  // The portal page a "report a problem" link came from (components/layout/ReportProblemLink.tsx): a path of this
  // site only ("/…", never "//host" or a full address), kept as a plain record for the officer.
  sourcePage: optionalText(300, E.sourcePage).pipe(z.string().regex(SOURCE_PAGE, E.sourcePage).optional()),
  consent: z
    .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal(""), z.literal("false")])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
});

/** A file as the caller read it: its name and bytes, or "too_big" when it went over the limit. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array | "too_big";
}

interface StoredFeedbackFile {
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

const Stored = z.object({
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  storageKey: z.string(),
});

const Input = FeedbackFields.extend({ files: z.array(Stored).max(MAX_FEEDBACK_FILES) });

/** The checks every attachment passes (lib/filing/attachments.ts applies the same to dossier papers). */
function checkFiles(files: readonly UploadedFile[]): {
  error?: string;
  checked: { name: string; bytes: Uint8Array; contentType: string; ext: string }[];
} {
  // An empty file input posts one nameless, empty entry: that is "no file".
  const chosen = files.filter((f) => f.bytes === "too_big" || f.bytes.byteLength > 0 || (f.name && f.name !== "undefined"));
  if (chosen.length > MAX_FEEDBACK_FILES) return { error: E.tooManyFiles, checked: [] };
  const checked = [];
  for (const f of chosen) {
    const name = cleanFileName(f.name);
    if (f.bytes === "too_big" || f.bytes.byteLength > MAX_FILE_BYTES) return { error: E.fileTooBig(name), checked: [] };
    if (f.bytes.byteLength === 0) return { error: E.fileEmpty(name), checked: [] };
    const type = sniffFile(f.bytes.subarray(0, 16), name, PAPER_TYPES);
    if (!type) return { error: E.fileType(name), checked: [] };
    checked.push({ name, bytes: f.bytes, contentType: type.contentType, ext: type.ext });
  }
  return { checked };
}

const submitCase = defineUseCase({
  name: "feedback.submit",
  permission: "public",
  schema: Input,
  entityType: "feedback",
  async run(input, { tx, actor, user }) {
    const now = new Date();
    const errors: FieldErrors = {};
    // Who: the signed-in person's own name and address; otherwise what was typed, both required.
    const name = user ? user.fullName : input.name;
    const email = user?.email ?? input.email;
    if (!name) errors.name = E.name;
    if (!email) errors.email = E.email;

    const procedure = input.procedureCode
      ? await tx.procedure.findUnique({ where: { code: input.procedureCode }, select: { id: true } })
      : null;
    if (input.procedureCode && !procedure) errors.procedureCode = E.procedure;
    const named = input.agencyId ? await tx.agency.findUnique({ where: { id: input.agencyId }, select: { id: true } }) : null;
    if (input.agencyId && !named) errors.agencyId = E.agency;

    let dossier: { id: string; holderAgencyId: number } | null = null;
    if (input.dossierCode) {
      if (!user) errors.dossierCode = E.dossierSignIn;
      else {
        // Only the submitter's own dossiers (or those filed for them): anything else is "not found", never "not yours".
        const found = await requireVisibleDossier(actor, { code: input.dossierCode }, { as: ["owner", "represented"], client: tx }).catch(
          () => null,
        );
        if (!found) errors.dossierCode = E.dossier;
        else dossier = await tx.dossier.findUniqueOrThrow({ where: { id: found.id }, select: { id: true, holderAgencyId: true } });
      }
    }
    if (Object.keys(errors).length) throw new AppError("invalid", commonText.fixErrors, errors, "feedback.invalid");

    const agencyId = await routeFeedback(
      tx,
      { dossierHolderId: dossier?.holderAgencyId, namedAgencyId: named?.id, procedureId: procedure?.id },
      now,
    );
    const cal = await loadCalendar(tx, now);
    const { forwardDays, answerDays } = feedbackDeadlines();
    const code = await nextFeedbackCode(tx, now);
    const item = await tx.feedback.create({
      data: {
        code,
        topic: input.topic,
        title: input.title,
        content: input.content,
        submitterId: user?.id ?? null,
        submitterName: name!,
        submitterEmail: email!,
        submitterPhone: input.phone ?? null,
        procedureId: procedure?.id ?? null,
        namedAgencyId: named?.id ?? null,
        dossierId: dossier?.id ?? null,
        sourcePage: input.sourcePage ?? null,
        agencyId,
        status: "received",
        consent: input.consent,
        receivedAt: now,
        assignedAt: now,
        forwardDueAt: dueDate(now, forwardDays, cal).dueAt,
        dueAt: dueDate(now, answerDays, cal).dueAt,
        attachments: { create: input.files },
        events: { create: { actorId: user?.id ?? null, action: "submit", toStatus: "received", toAgencyId: agencyId } },
      },
      select: { id: true, code: true, dueAt: true },
    });
    await tellSubmitter(
      tx,
      { submitterId: user?.id ?? null, submitterEmail: email! },
      t.mail.receivedSubject(code),
      t.mail.receivedBody(name!, code, input.title),
    );
    return {
      result: { code: item.code, dueAt: item.dueAt },
      entityId: item.id,
      details: { code, routed: agencyId != null, files: input.files.length, sourcePage: input.sourcePage ?? null },
    };
  },
});

type SubmittedFeedback = { code: string; dueAt: Date };

/**
 * The use case as callers see it: `raw` carries the form's fields and `files` (UploadedFile[]). Field and file
 * errors come back together; an anonymous client's complete submissions count against its limit.
 */
export const submitFeedback: UseCase<SubmittedFeedback> = Object.assign(
  async (actor: Actor, raw: unknown, meta: RequestMeta = { ip: "unknown", userAgent: null }): Promise<ActionResult<SubmittedFeedback>> => {
    const obj = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
    const files = Array.isArray(obj.files) ? (obj.files as UploadedFile[]).filter((f) => f && typeof f.name === "string") : [];
    const parsed = FeedbackFields.safeParse(obj);
    const fileCheck = checkFiles(files);
    const fieldErrors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
    if (fileCheck.error) fieldErrors.files = fileCheck.error;
    if (!parsed.success || fileCheck.error)
      return { ok: false, code: "invalid", reason: "invalid", message: commonText.fixErrors, fieldErrors };

    if (actor.kind !== "user") {
      const r = await hit("feedbackClient", [meta.ip]);
      if (!r.ok) {
        await recordAudit(db, {
          ...auditActor(actor),
          action: "feedback.submit",
          outcome: "denied",
          entityType: "rate_limit",
          entityId: "feedbackClient",
          ip: meta.ip,
          userAgent: meta.userAgent,
        });
        return failure("rate_limited", E.rateLimited(r.retryAfterSeconds), "feedback_rate_limited");
      }
    }

    const stored: StoredFeedbackFile[] = [];
    try {
      for (const f of fileCheck.checked) {
        const storageKey = newStorageKey(f.ext);
        await fileStorage().put(storageKey, f.bytes);
        stored.push({ fileName: f.name, contentType: f.contentType, size: f.bytes.byteLength, sha256: sha256Hex(f.bytes), storageKey });
      }
      const result = await submitCase(actor, { ...parsed.data, files: stored }, meta);
      if (!result.ok) await removeStored(stored);
      return result;
    } catch (err) {
      await removeStored(stored);
      throw err;
    }
  },
  { useCaseName: submitCase.useCaseName },
);

async function removeStored(files: readonly StoredFeedbackFile[]): Promise<void> {
  await Promise.all(
    files.map((f) =>
      fileStorage()
        .remove(f.storageKey)
        .catch(() => undefined),
    ),
  );
}
