// Forms as versioned data: a procedure's national form (agency NULL, VPCP edits it) and an agency's own
// variant for its service (that agency's administrator edits it). One draft at a time per (procedure,
// agency); publishing retires the version in effect and points the services at the new one. Dossiers keep
// the version they were filed on (and its snapshot), so publishing never changes a filed case.
// Authorization is next to the data: a national form needs form.editNational; a variant belongs to the
// administrator's own agency, and another agency's reads as not found.
import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, defineUseCase, type ActionResult } from "@/lib/auth/door";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { db, type Db, type Tx } from "@/lib/db/client";
import { formsText } from "@/lib/i18n/vi/forms";
import { authText } from "@/lib/i18n/vi/auth";
import { FormDefinition } from "./definition";
import { checkDefinition } from "./publish-check";
import { expireCatalogEverywhere } from "@/lib/cache/shared-tags";

const e = formsText.errors;

/** Which form: a procedure's national form, or (with a service code) that service's agency variant. */
const Scope = z.object({
  procedure: z.string().trim().min(1).max(40),
  service: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((s) => s || undefined),
});

interface FormScope {
  procedureId: number;
  procedureCode: string;
  procedureName: string;
  /** null: the national form. */
  agencyId: number | null;
  agencyName: string | null;
  service: { id: number; code: string; formVersionId: number } | null;
}

/** Resolves a scope for this user, or throws not_found / forbidden. */
async function resolveScope(client: Db | Tx, user: CurrentUser, input: { procedure: string; service?: string }): Promise<FormScope> {
  const procedure = await client.procedure.findUnique({ where: { code: input.procedure }, select: { id: true, code: true, name: true } });
  if (!procedure) throw new AppError("not_found", e.notFound);
  if (!input.service) {
    if (!can(user, "form.editNational")) throw new AppError("forbidden", authText.forbiddenTitle);
    return {
      procedureId: procedure.id,
      procedureCode: procedure.code,
      procedureName: procedure.name,
      agencyId: null,
      agencyName: null,
      service: null,
    };
  }
  // An agency's variant: only that agency's administrator; another agency's service reads as unknown.
  const service =
    user.agencyId == null
      ? null
      : await client.service.findFirst({
          where: { code: input.service, procedureId: procedure.id, agencyId: user.agencyId },
          select: { id: true, code: true, formVersionId: true, agency: { select: { id: true, name: true } } },
        });
  if (!service) throw new AppError("not_found", e.notFound);
  return {
    procedureId: procedure.id,
    procedureCode: procedure.code,
    procedureName: procedure.name,
    agencyId: service.agency.id,
    agencyName: service.agency.name,
    service: { id: service.id, code: service.code, formVersionId: service.formVersionId },
  };
}

/** A version this user may edit (its scope checked), or not found. */
async function editableVersion(tx: Tx, user: CurrentUser, id: number) {
  const v = await tx.formVersion.findUnique({ where: { id }, include: { procedure: { select: { code: true } } } });
  if (!v) throw new AppError("not_found", e.notFound);
  if (v.agencyId == null) {
    if (!can(user, "form.editNational")) throw new AppError("forbidden", authText.forbiddenTitle);
  } else if (v.agencyId !== user.agencyId) throw new AppError("not_found", e.notFound);
  // Serialises every change of one form (draft, publish) behind the same lock, then reads the row again: a
  // change that held the lock before us (a publish, a discard) is what the caller's status checks must see.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`form:${v.procedureId}:${v.agencyId ?? 0}`}, 0))`;
  const fresh = await tx.formVersion.findUnique({ where: { id }, include: { procedure: { select: { code: true } } } });
  if (!fresh) throw new AppError("not_found", e.notFound);
  return fresh;
}

/** A draft this user may edit; a version published or retired meanwhile is a conflict. */
async function editableDraft(tx: Tx, user: CurrentUser, id: number) {
  const v = await editableVersion(tx, user, id);
  if (v.status !== "DRAFT") throw new AppError("conflict", e.notDraft);
  return v;
}

/** The definition if it could be published, else refused with every problem named where it is. */
function publishableOrRefuse(raw: unknown) {
  const { definition, problems } = checkDefinition(raw);
  if (!definition) throw new AppError("invalid", e.invalid, { definition: problems.map((p) => p.message).join("\n") });
  return definition;
}

const agencyKey = (agencyId: number | null) => (agencyId == null ? { agencyId: null } : { agencyId });

/** Starts a draft from the version in effect (the existing draft if there is one). */
export const createFormDraft = defineUseCase({
  name: "form.draft",
  permission: "form.edit",
  schema: Scope,
  entityType: "form_version",
  async run(input, { tx, user }) {
    const scope = await resolveScope(tx, user!, input);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`form:${scope.procedureId}:${scope.agencyId ?? 0}`}, 0))`;
    const where = { procedureId: scope.procedureId, ...agencyKey(scope.agencyId) };
    const existing = await tx.formVersion.findFirst({ where: { ...where, status: "DRAFT" }, select: { id: true, version: true } });
    if (existing) return { result: { id: existing.id, version: existing.version, created: false }, entityId: String(existing.id) };
    // The version in effect: the scope's own published one, else (a variant not yet made) the service's current form.
    const inEffect =
      (await tx.formVersion.findFirst({ where: { ...where, status: "PUBLISHED" }, select: { definition: true } })) ??
      (scope.service
        ? await tx.formVersion.findUnique({ where: { id: scope.service.formVersionId }, select: { definition: true } })
        : null);
    if (!inEffect) throw new AppError("not_found", e.notFound);
    const last = await tx.formVersion.aggregate({ where, _max: { version: true } });
    const version = (last._max.version ?? 0) + 1;
    const draft = await tx.formVersion.create({
      data: { ...where, version, status: "DRAFT", definition: inEffect.definition as Prisma.InputJsonValue, createdBy: user!.id },
      select: { id: true },
    });
    return {
      result: { id: draft.id, version, created: true },
      entityId: String(draft.id),
      details: { procedure: scope.procedureCode, agencyId: scope.agencyId, version },
    };
  },
});

const DraftEdit = z.object({
  id: z.coerce.number().int().positive(),
  /** The definition as JSON text (the editor's) or as an object. */
  definition: z.union([z.string().max(500_000), z.record(z.string(), z.unknown())]),
  note: z.string().trim().max(1000).optional(),
});

/** Saves a draft's definition; refused (each problem named with where it is) unless it could be published. */
export const saveFormDraft = defineUseCase({
  name: "form.save",
  permission: "form.edit",
  schema: DraftEdit,
  entityType: "form_version",
  async run(input, { tx, user }) {
    const v = await editableDraft(tx, user!, input.id);
    let raw: unknown = input.definition;
    if (typeof raw === "string") {
      try {
        raw = JSON.parse(raw);
      } catch (err) {
        throw new AppError("invalid", e.invalid, { definition: formsText.badJson((err as Error).message) });
      }
    }
    const definition = publishableOrRefuse(raw);
    await tx.formVersion.update({
      where: { id: v.id },
      data: { definition: definition as Prisma.InputJsonValue, note: input.note || null },
    });
    return { result: { id: v.id, procedure: v.procedure.code }, entityId: String(v.id), details: { version: v.version } };
  },
});

const VersionId = z.object({ id: z.coerce.number().int().positive() });

/** Publishes a draft: the version in effect is retired and the services point at the new one. */
export const publishFormDraft = defineUseCase({
  name: "form.publish",
  permission: "form.edit",
  schema: VersionId,
  entityType: "form_version",
  async run(input, { tx, user }) {
    const v = await editableDraft(tx, user!, input.id);
    publishableOrRefuse(v.definition); // checked again: the rules may have tightened since the draft was saved
    const where = { procedureId: v.procedureId, ...agencyKey(v.agencyId) };
    const previous = await tx.formVersion.findFirst({ where: { ...where, status: "PUBLISHED" }, select: { id: true, version: true } });
    if (previous) await tx.formVersion.update({ where: { id: previous.id }, data: { status: "RETIRED" } });
    await tx.formVersion.update({ where: { id: v.id }, data: { status: "PUBLISHED", publishedBy: user!.id, publishedAt: new Date() } });
    // National: every service of the procedure still on the national form. Variant: the agency's service.
    const repointed =
      v.agencyId == null
        ? await tx.service.updateMany({
            where: { procedureId: v.procedureId, formVersion: { agencyId: null } },
            data: { formVersionId: v.id },
          })
        : await tx.service.updateMany({ where: { procedureId: v.procedureId, agencyId: v.agencyId }, data: { formVersionId: v.id } });
    await expireCatalogEverywhere(tx);
    return {
      result: { id: v.id, version: v.version, procedure: v.procedure.code, services: repointed.count },
      entityId: String(v.id),
      details: {
        procedure: v.procedure.code,
        agencyId: v.agencyId,
        version: v.version,
        retired: previous ? { id: previous.id, version: previous.version } : null,
        services: repointed.count,
      },
    };
  },
});

/** Throws a draft away. */
export const discardFormDraft = defineUseCase({
  name: "form.discard",
  permission: "form.edit",
  schema: VersionId,
  entityType: "form_version",
  async run(input, { tx, user }) {
    const v = await editableDraft(tx, user!, input.id);
    await tx.formVersion.delete({ where: { id: v.id } });
    return { result: { procedure: v.procedure.code }, entityId: String(v.id), details: { version: v.version } };
  },
});

// ---------------------------------------------------------------------------------------------------------
// Reading

interface VersionRow {
  id: number;
  version: number;
  status: "DRAFT" | "PUBLISHED" | "RETIRED";
  definition: FormDefinition | null;
  rawDefinition: unknown;
  note: string | null;
  createdBy: string | null;
  createdAt: Date;
  publishedBy: string | null;
  publishedAt: Date | null;
}

/** A form's versions, newest first, for the editor page; throws not_found / forbidden like the use cases. */
export async function formWorkspace(user: CurrentUser, input: { procedure: string; service?: string }) {
  if (!can(user, "form.edit")) throw new AppError("forbidden", authText.forbiddenTitle);
  const scope = await resolveScope(db, user, input);
  const rows = await db.formVersion.findMany({
    where: { procedureId: scope.procedureId, ...agencyKey(scope.agencyId) },
    orderBy: { version: "desc" },
    include: { creator: { select: { fullName: true } }, publisher: { select: { fullName: true } } },
  });
  const versions: VersionRow[] = rows.map((r) => {
    const parsed = FormDefinition.safeParse(r.definition);
    return {
      id: r.id,
      version: r.version,
      status: r.status,
      definition: parsed.success ? parsed.data : null,
      rawDefinition: r.definition,
      note: r.note,
      createdBy: r.creator?.fullName ?? null,
      createdAt: r.createdAt,
      publishedBy: r.publisher?.fullName ?? null,
      publishedAt: r.publishedAt,
    };
  });
  // What citizens get today: the scope's published version, else (a variant not made yet) the service's form.
  let inEffect = versions.find((v) => v.status === "PUBLISHED") ?? null;
  if (!inEffect && scope.service) {
    const s = await db.formVersion.findUniqueOrThrow({ where: { id: scope.service.formVersionId } });
    const parsed = FormDefinition.safeParse(s.definition);
    inEffect = {
      id: s.id,
      version: s.version,
      status: s.status,
      definition: parsed.success ? parsed.data : null,
      rawDefinition: s.definition,
      note: s.note,
      createdBy: null,
      createdAt: s.createdAt,
      publishedBy: null,
      publishedAt: s.publishedAt,
    };
  }
  return { scope, versions, inEffect, draft: versions.find((v) => v.status === "DRAFT") ?? null };
}

/** A reader's answer as an ActionResult (its AppError as the failure), for a page's orPageError. */
export async function workspaceResult<T>(read: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await read() };
  } catch (err) {
    if (err instanceof AppError) return err.toFailure();
    throw err;
  }
}

/** Two versions of one form, for the comparison page (both must be in the user's scope). */
export async function formVersionPair(user: CurrentUser, input: { procedure: string; service?: string }, a: number, b: number) {
  const ws = await formWorkspace(user, input);
  const pick = async (id: number) => {
    const own = ws.versions.find((v) => v.id === id);
    if (own) return own;
    // A variant may be compared with the national version it started from.
    if (ws.inEffect?.id === id) return ws.inEffect;
    const national =
      ws.scope.agencyId != null
        ? await db.formVersion.findFirst({ where: { id, procedureId: ws.scope.procedureId, agencyId: null, status: { not: "DRAFT" } } })
        : null;
    if (!national) return null;
    const parsed = FormDefinition.safeParse(national.definition);
    return { id: national.id, version: national.version, status: national.status, definition: parsed.success ? parsed.data : null };
  };
  const [left, right] = await Promise.all([pick(a), pick(b)]);
  return left?.definition && right?.definition ? { scope: ws.scope, left, right } : null;
}

/** Every procedure with its national form: the version in effect and the draft, for VPCP's list. */
export async function listNationalForms(user: CurrentUser, q?: string) {
  if (!can(user, "form.editNational")) throw new AppError("forbidden", authText.forbiddenTitle);
  const term = q?.trim().slice(0, 100);
  const procedures = await db.procedure.findMany({
    where: term ? { OR: [{ code: { contains: term } }, { name: { contains: term, mode: "insensitive" } }] } : undefined,
    orderBy: { code: "asc" },
    select: {
      code: true,
      name: true,
      formVersions: {
        where: { agencyId: null, status: { in: ["DRAFT", "PUBLISHED"] } },
        select: { version: true, status: true, definition: true },
      },
    },
  });
  return procedures.map((p) => {
    const published = p.formVersions.find((v) => v.status === "PUBLISHED");
    const draft = p.formVersions.find((v) => v.status === "DRAFT");
    const source = (published?.definition as { source?: { form?: string } } | null)?.source?.form ?? null;
    return { code: p.code, name: p.name, inEffect: published?.version ?? null, draft: draft?.version ?? null, source };
  });
}

/** The procedure of one of the administrator's own services (null for another agency's or an unknown code). */
export async function ownServiceProcedure(user: CurrentUser, serviceCode: string): Promise<string | null> {
  if (user.agencyId == null || !can(user, "form.edit")) return null;
  const s = await db.service.findFirst({
    where: { code: serviceCode, agencyId: user.agencyId },
    select: { procedure: { select: { code: true } } },
  });
  return s?.procedure.code ?? null;
}
