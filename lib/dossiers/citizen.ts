// What a citizen does with their own dossiers. Every query is scoped by lib/dossiers/visibility, so no page
// or route can show someone else's dossier: it reads as "not found". The citizen sees their own dossiers
// (`owner`: filed by them or for one of their organisations) and those filed on their behalf
// (`represented`, read-only); every action (withdraw, supply papers, rate) is the owner's alone, so the
// represented person gets "not found" there.
import "server-only";
import { z } from "zod";
import { defineUseCase, AppError } from "@/lib/auth/door";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { trackingText as tt } from "@/lib/i18n/vi/tracking";
import { check, hit } from "@/lib/security/rate-limit";
import { isDossierCode } from "./code";
import { applyTransition } from "./transition";
import { STATUS } from "./status";
import { trackingPinMatches } from "./tracking-pin";
import { CITIZEN_SIDE, findVisibleDossier, requireVisibleDossier, visibleDossiersWhere } from "./visibility";

/** Who may act on a dossier: its owner only. */
const OWN = ["owner"] as const;
/** Who may see it: the owner, and the person it was filed on behalf of (read-only). */
const SEEN = CITIZEN_SIDE;

/** A dossier the citizen may see, with `access`: "owner" (may act) or "represented" (read-only). */
export async function getOwnDossier(user: CurrentUser, code: string) {
  const found = await findVisibleDossier(user, { code }, { as: SEEN });
  if (!found) return null;
  const d = await db.dossier.findUnique({
    where: { id: found.id },
    include: {
      service: { select: { code: true, name: true, procedure: { select: { components: true } } } },
      receivingAgency: { select: { identifier: true, name: true } },
      holderAgency: { select: { identifier: true, name: true } },
      applicant: { select: { fullName: true } },
      organisation: { select: { name: true, taxCode: true } },
      events: { where: { visibleToApplicant: true }, orderBy: { seq: "asc" } },
      attachments: {
        orderBy: { createdAt: "asc" },
        select: { id: true, fieldId: true, purpose: true, fileName: true, size: true, sha256: true, createdAt: true },
      },
    },
  });
  return d ? { ...d, access: found.access as "owner" | "represented" } : null;
}

/**
 * The citizen's dossiers, newest first, `limit` at a time; `after`: the code of the last one of the previous
 * page (a keyset cursor: a code the citizen cannot see starts from the top).
 */
export async function listOwnDossiers(user: CurrentUser, limit = 50, after?: string) {
  const scope = visibleDossiersWhere(user, SEEN);
  const cursor = after
    ? await db.dossier.findFirst({ where: { AND: [{ code: after }, scope] }, select: { createdAt: true, id: true } })
    : null;
  return db.dossier.findMany({
    where: cursor
      ? { AND: [scope, { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }] }
      : scope,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      code: true,
      status: true,
      submittedAt: true,
      // The date in force (an apology moves it) and the legal deadline, shown beside it when they differ (lib/dossiers/due.ts).
      dueAt: true,
      legalDueAt: true,
      service: { select: { name: true } },
      holderAgency: { select: { name: true } },
      // Issue 15: who filed it, and for whom (an organisation, or someone represented).
      applicantId: true,
      applicantName: true,
      applicant: { select: { fullName: true } },
      organisation: { select: { name: true } },
      representedName: true,
      // Issue 17: received at the agency's counter and followed here read-only.
      origin: true,
      // Issue 19: what the citizen must do next (lib/dossiers/next-step.ts).
      onlineLevel: true,
      feeAmount: true,
      paidAmount: true,
      ratedAt: true,
      _count: { select: { attachments: { where: { purpose: "result" } } } },
    },
  });
}

/** How many dossiers the citizen sees on "Hồ sơ của tôi". */
export async function countOwnDossiers(user: CurrentUser): Promise<number> {
  return db.dossier.count({ where: visibleDossiersWhere(user, SEEN) });
}

// ---- Public tracking --------------------------------------------------------------------------------------

const TRACKED = {
  code: true,
  status: true,
  submittedAt: true,
  receivedAt: true,
  dueAt: true,
  legalDueAt: true,
  finishedAt: true,
  returnedAt: true,
  service: { select: { name: true } },
  receivingAgency: { select: { name: true } },
  holderAgency: { select: { name: true } },
} as const;

type TrackedDossier = Prisma.DossierGetPayload<{ select: typeof TRACKED }>;

export type TrackOutcome =
  | { kind: "found"; dossier: TrackedDossier }
  /** A wrong code and a wrong second value are one answer: the look-up is no oracle for codes. */
  | { kind: "not_found"; message: string }
  | { kind: "invalid"; fieldErrors: { ma?: string; pin?: string } }
  | { kind: "rate_limited"; message: string };

/** A code as people type it: surrounding spaces and letter case do not matter. */
function normalizeDossierCode(raw: string): string {
  return raw.trim().toUpperCase().slice(0, 60);
}

/** The last four digits of the applicant's phone, as the form recorded it (or the account's). */
function phoneLastFour(answers: unknown, accountPhone: string | null): string | null {
  const given = answers && typeof answers === "object" ? (answers as Record<string, unknown>).dienThoai : undefined;
  const digits = (typeof given === "string" && given ? given : (accountPhone ?? "")).replace(/\D/g, "");
  return digits.length >= 4 ? digits.slice(-4) : null;
}

/**
 * Public tracking: where a dossier stands, and nothing about the person. It takes the dossier code and a
 * second value from the receipt: the tracking PIN (6 digits, tracking-pin.ts) or the last 4 digits of the
 * applicant's phone. The signed-in applicant needs only the code for their own dossiers. Look-ups are
 * limited per client (LIMITS.trackingClient) and wrong second values per code (LIMITS.trackingCode),
 * counted by the code as typed whether or not such a dossier exists.
 */
export async function trackDossier(
  input: { code: string; pin: string },
  who: { ip: string; user: CurrentUser | null },
): Promise<TrackOutcome> {
  const code = normalizeDossierCode(input.code);
  const pin = input.pin.replace(/[\s.-]/g, "");
  const fieldErrors: { ma?: string; pin?: string } = {};
  if (!code) fieldErrors.ma = tt.codeRequired;
  else if (!isDossierCode(code)) fieldErrors.ma = tt.codeFormat;
  if (pin && !/^(\d{4}|\d{6})$/.test(pin)) fieldErrors.pin = tt.pinFormat;
  if (!pin && !who.user) fieldErrors.pin = tt.pinRequired;
  if (fieldErrors.ma || fieldErrors.pin) return { kind: "invalid", fieldErrors };

  const client = await hit("trackingClient", [who.ip]);
  if (!client.ok) return { kind: "rate_limited", message: tt.tooManyFromClient(client.retryAfterSeconds) };

  if (!pin) {
    // Signed in, without a second value: the applicant's own dossier, or the same "give the PIN" as anyone.
    const own = await db.dossier.findFirst({ where: { AND: [{ code }, visibleDossiersWhere(who.user!, SEEN)] }, select: TRACKED });
    return own ? { kind: "found", dossier: own } : { kind: "invalid", fieldErrors: { pin: tt.pinRequired } };
  }

  const locked = await check("trackingCode", [code]);
  if (!locked.ok) return { kind: "rate_limited", message: tt.tooManyForCode(locked.retryAfterSeconds) };

  const d = await db.dossier.findUnique({
    where: { code },
    select: { ...TRACKED, answers: true, applicant: { select: { phone: true } } },
  });
  const matches =
    d !== null && (pin.length === 6 ? trackingPinMatches(d.code, pin) : phoneLastFour(d.answers, d.applicant?.phone ?? null) === pin);
  if (!d || !matches) {
    await hit("trackingCode", [code]);
    return { kind: "not_found", message: tt.notFound };
  }
  const { answers: _answers, applicant: _applicant, ...dossier } = d;
  return { kind: "found", dossier };
}

/** The id of a dossier the citizen owns; one merely filed on their behalf (read-only) is "not found". */
async function ownDossierId(tx: Tx, user: CurrentUser, code: string): Promise<string> {
  return (await requireVisibleDossier(user, { code }, { as: OWN, client: tx })).id;
}

const applicantActor = (user: CurrentUser) => ({ kind: "applicant" as const, id: user.id, role: user.role });

export const withdrawDossier = defineUseCase({
  name: "dossier.withdraw",
  permission: "dossier.readOwn",
  schema: z.object({ code: z.string(), version: z.number().int().positive(), reason: z.string().trim().max(1000).optional() }),
  entityType: "dossier",
  async run(input, { tx, user }) {
    const id = await ownDossierId(tx, user!, input.code);
    const r = await applyTransition(tx, {
      dossierId: id,
      action: "withdraw",
      actor: applicantActor(user!),
      expectedVersion: input.version,
      note: input.reason || null,
    });
    return { result: r, entityId: id };
  },
});

/** The citizen answers a supplementation request with the papers asked for (already uploaded to the dossier). */
export const supplyPapers = defineUseCase({
  name: "dossier.supply",
  permission: "dossier.readOwn",
  schema: z.object({
    code: z.string(),
    version: z.number().int().positive(),
    note: z.string().trim().max(2000).optional(),
    attachmentIds: z.array(z.uuid()).min(1, "Giấy tờ bổ sung: vui lòng tải lên ít nhất một tệp.").max(20),
  }),
  entityType: "dossier",
  async run(input, { tx, user }) {
    const id = await ownDossierId(tx, user!, input.code);
    const files = await tx.attachment.findMany({
      where: { id: { in: input.attachmentIds }, dossierId: id, purpose: "supplement", ownerId: user!.id },
    });
    if (files.length !== input.attachmentIds.length)
      throw new AppError("invalid", "Giấy tờ bổ sung: có tệp không thuộc hồ sơ này.", "attachmentIds");
    const r = await applyTransition(tx, {
      dossierId: id,
      action: "supply",
      actor: applicantActor(user!),
      expectedVersion: input.version,
      note: input.note || null,
      data: { files: files.map((f) => ({ id: f.id, name: f.fileName, sha256: f.sha256 })) },
    });
    return { result: r, entityId: id };
  },
});

export const rateDossier = defineUseCase({
  name: "dossier.rate",
  permission: "dossier.readOwn",
  schema: z.object({
    code: z.string(),
    rating: z.coerce
      .number()
      .int()
      .min(1, "Mức độ hài lòng: vui lòng chọn từ 1 đến 5.")
      .max(5, "Mức độ hài lòng: vui lòng chọn từ 1 đến 5."),
    comment: z.string().trim().max(2000, "Góp ý: không quá 2000 ký tự.").optional(),
  }),
  entityType: "dossier",
  async run(input, { tx, user }) {
    const id = await ownDossierId(tx, user!, input.code);
    const d = await tx.dossier.findUniqueOrThrow({ where: { id }, select: { status: true, ratedAt: true } });
    if (d.status !== STATUS.RETURNED) throw new AppError("invalid", "Chỉ đánh giá được khi hồ sơ đã trả kết quả.");
    if (d.ratedAt) throw new AppError("conflict", "Bạn đã đánh giá hồ sơ này.");
    await tx.dossier.update({ where: { id }, data: { rating: input.rating, ratingComment: input.comment || null, ratedAt: new Date() } });
    return { result: { rating: input.rating }, entityId: id, details: { rating: input.rating } };
  },
});
