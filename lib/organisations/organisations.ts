// Organisation accounts (enterprises and other bodies, under their enterprise / tax code) and their members.
// The citizen who registers one becomes its representative; representatives edit it and add or remove
// members (existing citizen accounts, found by e-mail or CCCD); anyone may leave; an organisation always
// keeps at least one representative. Only the code's form is checked (tax-code.ts): the real portal checks
// the enterprise against the national business registration database. Every change goes through the door
// and is audited; someone who is not a member gets "not found".
import "server-only";
import { z } from "zod";
import { AppError, defineUseCase } from "@/lib/auth/door";
import { db, type Tx } from "@/lib/db/client";
import { orgText } from "@/lib/i18n/vi/organisations";
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

export const addMember = defineUseCase({
  name: "organisation.addMember",
  permission: "organisation.manage",
  schema: z.object({
    organisationId: OrgId,
    who: z.string({ error: e.who }).trim().toLowerCase().min(3, e.who).max(320, e.who),
    role: z.enum(["member", "representative"]).default("member"),
  }),
  entityType: "organisation",
  async run(input, { tx, user }) {
    await requireRepresentative(tx, input.organisationId, user!.id);
    const key = input.who.replace(/\s/g, "");
    const citizen = await tx.user.findFirst({
      where: { role: "CITIZEN", disabledAt: null, ...(/^\d{12}$/.test(key) ? { cccd: key } : { email: input.who }) },
      select: { id: true, fullName: true },
    });
    if (!citizen) throw new AppError("invalid", e.noSuchCitizen, "who", "member_not_found");
    const existing = await tx.organisationMember.findUnique({
      where: { organisationId_userId: { organisationId: input.organisationId, userId: citizen.id } },
      select: { role: true },
    });
    if (existing) throw new AppError("conflict", e.alreadyMember, "who", "already_member");
    await tx.organisationMember.create({
      data: { organisationId: input.organisationId, userId: citizen.id, role: input.role, addedById: user!.id },
    });
    return {
      result: { userId: citizen.id, name: citizen.fullName },
      entityId: input.organisationId,
      details: { member: citizen.id, role: input.role },
    };
  },
});

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
