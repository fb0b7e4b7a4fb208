// The officer's actions on several dossiers of the queue at once: assignment, each dossier through the one
// assignment use case (same permission, agency scope, lock and audit as one at a time), and the receipts
// (form 01) of the selected dossiers as one PDF to print, one receipt per page.
import "server-only";
import { PDFDocument } from "pdf-lib";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { ActionResult } from "@/lib/auth/door";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { db } from "@/lib/db/client";
import { dossierAnswersView, filedFee } from "@/lib/forms/dossier-view";
import { queueText } from "@/lib/i18n/vi/queue";
import { cachedDossierReceipt } from "@/lib/pdf/receipt-cache";
import { isDossierCode } from "./code";
import { assignDossier } from "./officer";
import { receiptData } from "./receipt";
import { AGENCY_SIDE, findVisibleDossier } from "./visibility";

/** At most this many dossiers in one bulk action (a page of the queue is 25). */
const MAX_BULK = 50;

/** A refusal keeps the door's kind of failure (not_found, forbidden, invalid…), the rule's code and its message. */
export type BulkOutcome = { code: string; ok: true } | { code: string; ok: false; kind: string; reason: string; message: string };

const Codes = z
  .array(z.string().refine(isDossierCode, queueText.bulk.badCode))
  .min(1, queueText.bulk.noneSelected)
  .max(MAX_BULK, queueText.bulk.tooMany(MAX_BULK))
  .transform((c) => [...new Set(c)]);

const BulkAssignInput = z.object({ codes: Codes, assigneeId: z.union([z.uuid(), z.literal("")]) });

const invalid = (message: string): ActionResult<never> => ({ ok: false, code: "invalid", reason: "invalid", message, fieldErrors: {} });

/**
 * Assigns each selected dossier in turn through assignDossier, each in its own transaction, so that one refusal
 * (a dossier transferred away meanwhile, say) leaves the others done; says what became of each, in order.
 */
export async function bulkAssign(actor: Actor, raw: unknown, meta?: RequestMeta): Promise<ActionResult<BulkOutcome[]>> {
  const parsed = BulkAssignInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues[0]?.message ?? queueText.bulk.noneSelected);
  const out: BulkOutcome[] = [];
  for (const code of parsed.data.codes) {
    const r = await assignDossier(actor, { code, assigneeId: parsed.data.assigneeId }, meta);
    out.push(
      r.ok ? { code, ok: true } : { code, ok: false, kind: r.code, reason: r.reason, message: r.fieldErrors.assigneeId ?? r.message },
    );
  }
  return { ok: true, data: out };
}

/** What form 01 reads of a dossier the officer's agency may see (the applicant's page reads the same fields). */
async function agencyReceiptSource(user: CurrentUser, code: string) {
  const found = await findVisibleDossier(user, { code }, { as: AGENCY_SIDE });
  if (!found) return null;
  return db.dossier.findUnique({
    where: { id: found.id },
    include: {
      service: { select: { code: true, name: true, procedure: { select: { components: true } } } },
      receivingAgency: { select: { identifier: true, name: true } },
      holderAgency: { select: { identifier: true, name: true } },
      applicant: { select: { fullName: true } },
      organisation: { select: { name: true, taxCode: true } },
      attachments: {
        orderBy: { createdAt: "asc" },
        select: { id: true, fieldId: true, purpose: true, fileName: true, size: true, sha256: true, createdAt: true },
      },
    },
  });
}

/**
 * The receipts of the selected dossiers, in the order given, as one PDF (one receipt per page or more), with the
 * codes the agency may not see left out and named; null when none can be printed (bad input included).
 */
export async function bulkReceiptsPdf(
  user: CurrentUser,
  codes: unknown,
): Promise<{ bytes: Uint8Array; printed: string[]; missing: string[] } | null> {
  const parsed = Codes.safeParse(codes);
  if (!parsed.success) return null;
  const merged = await PDFDocument.create();
  merged.setTitle(queueText.bulk.receiptsTitle);
  const printed: string[] = [];
  const missing: string[] = [];
  for (const code of parsed.data) {
    const d = await agencyReceiptSource(user, code);
    if (!d) {
      missing.push(code);
      continue;
    }
    const one = await PDFDocument.load(
      await cachedDossierReceipt(d.id, receiptData(d, await dossierAnswersView(d), filedFee(d.feeSnapshot))),
    );
    for (const page of await merged.copyPages(one, one.getPageIndices())) merged.addPage(page);
    printed.push(code);
  }
  if (!printed.length) return null;
  return { bytes: await merged.save(), printed, missing };
}
