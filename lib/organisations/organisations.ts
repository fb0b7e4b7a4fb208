// Organisation accounts (enterprises and other bodies, under their enterprise / tax code) and their members.
// The citizen who registers one becomes its representative; representatives edit it and add or remove
// members (existing citizen accounts, named by both their e-mail and their CCCD); anyone may leave; an organisation always
// keeps at least one representative. Only the code's form is checked (tax-code.ts): the real portal checks
// the enterprise against the national business registration database. Every change goes through the door
// and is audited; someone who is not a member gets "not found".
import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { auditActor, type Actor } from "@/lib/auth/actor";
import { AppError, defineUseCase, type UseCase } from "@/lib/auth/door";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { db, type Tx } from "@/lib/db/client";
import { failure, type ActionResult } from "@/lib/errors/app-error";
import { orgText } from "@/lib/i18n/vi/organisations";
import { parseCccd } from "@/lib/identity/cccd";
import { hit, refund } from "@/lib/security/rate-limit";
import { parseTaxCode } from "./tax-code";

const e = orgText.errors;
type Role = "representative" | "member";

const text = (msg: string, min: number, max: number) => z.string({ error: msg }).trim().min(min, msg).max(max, msg);

const Details = {
  name: text(e.name, 2, 300),
  address: text(e.address, 5, 500),
  legalRepresentative: text(e.legalRepresentative, 2, 100),
};

const TaxCode = z
  .string({ error: e.taxCodeFormat })
  .max(40, e.taxCodeFormat)
  .transform((raw, ctx) => {
    const r = parseTaxCode(raw);
    if (r.ok) return r.digits;
    ctx.addIssue({
      code: "custom",
      message: r.problem === "checkDigit" ? e.taxCodeCheckDigit : r.problem === "unit" ? e.taxCodeUnit : e.taxCodeFormat,
    });
    return z.NEVER;
  });

const OrgId = z.uuid({ error: e.notFound });

/** The caller's membership of the organisation, locked for the rest of the transaction; not a member: not found. */
async function membership(tx: Tx, organisationId: string, userId: string): Promise<{ role: Role }> {
  const rows = await tx.$queryRaw<{ role: string }[]>`
    SELECT role FROM organisation_member WHERE organisation_id = ${organisationId}::uuid AND user_id = ${userId}::uuid FOR UPDATE`;
  if (!rows[0]) throw new AppError("not_found", e.notFound, undefined, "organisation_not_found");
  return { role: rows[0].role as Role };
}

async function requireRepresentative(tx: Tx, organisationId: string, userId: string): Promise<void> {
  if ((await membership(tx, organisationId, userId)).role !== "representative")
    throw new AppError("forbidden", e.notRepresentative, undefined, "not_representative");
}

/** Refuses to leave the organisation without a representative once `userId` is no longer one. */
async function keepARepresentative(tx: Tx, organisationId: string, userId: string): Promise<void> {
  // Every representative row is locked, so two representatives removing each other at once cannot both pass.
  const reps = await tx.$queryRaw<{ user_id: string }[]>`
    SELECT user_id::text FROM organisation_member WHERE organisation_id = ${organisationId}::uuid AND role = 'representative' FOR UPDATE`;
  if (reps.every((r) => r.user_id === userId)) throw new AppError("conflict", e.lastRepresentative, undefined, "last_representative");
}

export const createOrganisation = defineUseCase({
  name: "organisation.create",
  permission: "organisation.manage",
  schema: z.object({ taxCode: TaxCode, ...Details }),
  entityType: "organisation",
  async run(input, { tx, user }) {
    const taken = await tx.organisation.findUnique({ where: { taxCode: input.taxCode }, select: { id: true } });
    if (taken) throw new AppError("conflict", e.taxCodeTaken, "taxCode", "tax_code_taken");
    const org = await tx.organisation.create({
      data: { ...input, createdById: user!.id, members: { create: { userId: user!.id, role: "representative", addedById: user!.id } } },
      select: { id: true },
    });
    return { result: { id: org.id }, entityId: org.id, details: { taxCode: input.taxCode } };
  },
});

export const updateOrganisation = defineUseCase({
  name: "organisation.update",
  permission: "organisation.manage",
  schema: z.object({ organisationId: OrgId, ...Details }),
  entityType: "organisation",
  async run({ organisationId, ...details }, { tx, user }) {
    await requireRepresentative(tx, organisationId, user!.id);
    await tx.organisation.update({ where: { id: organisationId }, data: details });
    return { result: { id: organisationId }, entityId: organisationId, details };
  },
});

/**
 * Adds an existing citizen account. The representative must give BOTH the person's e-mail and their CCCD,
 * and both must belong to the same enabled citizen account: whatever does not match (no such e-mail, no
 * such CCCD, the two belonging to different people, a disabled account), the refusal is one and the same,
 * and the reply never names the person, so the form is no oracle for who holds an e-mail or a CCCD.
 * No invitation is sent or accepted (docs/organisations.md, "Left").
 */
const addMemberAttempt = defineUseCase({
  name: "organisation.addMember",
  permission: "organisation.manage",
  schema: z.object({
    organisationId: OrgId,
    email: z
      .string({ error: e.memberEmail })
      .trim()
      .toLowerCase()
      .min(3, e.memberEmail)
      .max(320, e.memberEmail)
      .includes("@", { error: e.memberEmail }),
    cccd: z
      .string({ error: e.memberCccd })
      .transform((v) => v.replace(/\s/g, ""))
      .refine((v) => parseCccd(v).ok, e.memberCccd),
    role: z.enum(["member", "representative"]).default("member"),
  }),
  entityType: "organisation",
  async run(input, { tx, user }) {
    await requireRepresentative(tx, input.organisationId, user!.id);
    const citizen = await tx.user.findFirst({
      where: { role: "CITIZEN", disabledAt: null, email: input.email, cccd: input.cccd },
      select: { id: true },
    });
    if (!citizen) throw new AppError("invalid", e.noSuchCitizen, undefined, "member_not_found");
    const existing = await tx.organisationMember.findUnique({
      where: { organisationId_userId: { organisationId: input.organisationId, userId: citizen.id } },
      select: { role: true },
    });
    // Only reached once both identifiers matched: the representative already knows who this is.
    if (existing) throw new AppError("conflict", e.alreadyMember, undefined, "already_member");
    await tx.organisationMember.create({
      data: { organisationId: input.organisationId, userId: citizen.id, role: input.role, addedById: user!.id },
    });
    return {
      result: { added: true as const },
      entityId: input.organisationId,
      details: { member: citizen.id, role: input.role },
    };
  },
});

/**
 * addMemberAttempt, limited per acting user (LIMITS.organisationAddMember): every attempt is counted before
 * anything is looked up, whether or not the person is found, so guessing e-mail and CCCD pairs costs a hit
 * each; malformed input (refused on its fields, nothing looked up) gives its count back. Counted outside the
 * use case's transaction (the limiter has its own connection).
 */
export const addMember: UseCase<{ added: true }> = Object.assign(
  async (actor: Actor, raw: unknown, meta?: RequestMeta): Promise<ActionResult<{ added: true }>> => {
    const key = actor.kind === "user" ? [actor.user.id] : null;
    if (key) {
      const counted = await hit("organisationAddMember", key);
      if (!counted.ok) {
        await recordAudit(db, {
          ...auditActor(actor),
          action: addMemberAttempt.useCaseName,
          outcome: "denied",
          entityType: "rate_limit",
          entityId: "organisationAddMember",
          ip: meta?.ip ?? null,
          userAgent: meta?.userAgent ?? null,
        });
        return failure(
          "rate_limited",
          e.tooManyAdds(Math.max(1, Math.ceil(counted.retryAfterSeconds / 60))),
          "organisation_add_rate_limited",
        );
      }
    }
    const r = await addMemberAttempt(actor, raw, meta);
    if (key && !r.ok && Object.keys(r.fieldErrors).length > 0) await refund("organisationAddMember", key);
    return r;
  },
  { useCaseName: addMemberAttempt.useCaseName },
);

export const removeMember = defineUseCase({
  name: "organisation.removeMember",
  permission: "organisation.manage",
  schema: z.object({ organisationId: OrgId, userId: z.uuid({ error: e.memberNotFound }) }),
  entityType: "organisation",
  async run(input, { tx, user }) {
    await requireRepresentative(tx, input.organisationId, user!.id);
    const target = await tx.organisationMember.findUnique({
      where: { organisationId_userId: { organisationId: input.organisationId, userId: input.userId } },
      select: { role: true },
    });
    if (!target) throw new AppError("not_found", e.memberNotFound, undefined, "member_not_found");
    if (target.role === "representative") await keepARepresentative(tx, input.organisationId, input.userId);
    await tx.organisationMember.delete({
      where: { organisationId_userId: { organisationId: input.organisationId, userId: input.userId } },
    });
    return { result: { removed: input.userId }, entityId: input.organisationId, details: { member: input.userId, role: target.role } };
  },
});

export const leaveOrganisation = defineUseCase({
  name: "organisation.leave",
  permission: "organisation.manage",
  schema: z.object({ organisationId: OrgId }),
  entityType: "organisation",
  async run(input, { tx, user }) {
    const me = await membership(tx, input.organisationId, user!.id);
    if (me.role === "representative") await keepARepresentative(tx, input.organisationId, user!.id);
    await tx.organisationMember.delete({ where: { organisationId_userId: { organisationId: input.organisationId, userId: user!.id } } });
    return { result: { left: input.organisationId }, entityId: input.organisationId, details: { role: me.role } };
  },
});

// ---- Reads ---------------------------------------------------------------------------------------------

/** The organisations the citizen belongs to, with their role in each. */
export async function listMyOrganisations(userId: string) {
  const rows = await db.organisationMember.findMany({
    where: { userId },
    orderBy: { organisation: { name: "asc" } },
    select: { role: true, organisation: { select: { id: true, taxCode: true, name: true, address: true } } },
  });
  return rows.map((r) => ({ ...r.organisation, role: r.role as Role }));
}

/** One organisation with its members, for one of its members; null (not found) for anyone else. */
export async function getMyOrganisation(userId: string, organisationId: string) {
  if (!OrgId.safeParse(organisationId).success) return null;
  const org = await db.organisation.findFirst({
    where: { id: organisationId, members: { some: { userId } } },
    include: {
      members: {
        orderBy: [{ role: "desc" }, { addedAt: "asc" }],
        select: { role: true, addedAt: true, user: { select: { id: true, fullName: true, email: true } } },
      },
    },
  });
  if (!org) return null;
  const myRole = org.members.find((m) => m.user.id === userId)!.role as Role;
  return { ...org, myRole };
}

/** Whether the citizen is a member of the organisation now (the submission asks, in its transaction). */
export async function isMember(tx: Tx, organisationId: string, userId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ one: number }[]>`
    SELECT 1 AS one FROM organisation_member WHERE organisation_id = ${organisationId}::uuid AND user_id = ${userId}::uuid FOR SHARE`;
  return rows.length > 0;
}
