// The one door every mutation goes through: session → zod → authorization → transaction → audit.
// Expected failures come back as a clear Vietnamese message (per field where there is one);
// unexpected ones as a generic message with a reference id, and the full error in the server log.
import "server-only";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { DomainError, fieldErrorsOf, type ActionResult } from "./door-errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { authText } from "@/lib/i18n/vi/auth";
import { commonText } from "@/lib/i18n/vi/common";
import { auditDenied, getCurrentUser, type CurrentUser } from "./current-user";
import { can, type Permission } from "./permissions";
import { requestMeta, type RequestMeta } from "./request-meta";

export { DomainError, fieldErrorsOf } from "./door-errors";
export type { ActionResult } from "./door-errors";

interface ActionContext {
  tx: Tx;
  actor: CurrentUser | null;
  meta: RequestMeta;
}

export interface ActionSpec<S extends z.ZodType, R> {
  /** The audit action name, e.g. "account.register". */
  name: string;
  /** "public" for actions anyone may take (registration); otherwise the permission required. */
  permission: Permission | "public";
  schema: S;
  entityType: string;
  run(input: z.output<S>, ctx: ActionContext): Promise<{ result: R; entityId?: string; details?: Prisma.InputJsonValue }>;
}

export function defineAction<S extends z.ZodType, R>(spec: ActionSpec<S, R>): (raw: unknown) => Promise<ActionResult<R>> {
  return async (raw) => {
    const meta = await requestMeta();
    const actor = await getCurrentUser();
    if (spec.permission !== "public") {
      if (!actor) return { ok: false, code: "unauthenticated", message: authText.sessionEnded, fieldErrors: {} };
      if (!can(actor, spec.permission)) {
        await auditDenied(actor, spec.permission, spec.name);
        return { ok: false, code: "forbidden", message: authText.forbiddenTitle, fieldErrors: {} };
      }
    }
    const parsed = spec.schema.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, code: "invalid", message: commonText.fixErrors, fieldErrors: fieldErrorsOf(parsed.error) };
    }
    try {
      const data = await db.$transaction(async (tx) => {
        const out = await spec.run(parsed.data, { tx, actor, meta });
        await recordAudit(tx, {
          actorId: actor?.id,
          actorRole: actor?.role,
          action: spec.name,
          entityType: spec.entityType,
          entityId: out.entityId,
          ip: meta.ip,
          userAgent: meta.userAgent,
          details: out.details,
        });
        return out.result;
      });
      return { ok: true, data };
    } catch (err) {
      if (err instanceof DomainError) {
        return { ok: false, code: err.code, message: err.message, fieldErrors: err.fieldErrors };
      }
      // A unique constraint lost to a concurrent request that passed the same checks a moment earlier.
      if (typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002") {
        return { ok: false, code: "conflict", message: commonText.concurrentConflict, fieldErrors: {} };
      }
      const ref = randomBytes(4).toString("hex").toUpperCase();
      console.error(`[${ref}] ${spec.name} failed`, err);
      return { ok: false, code: "unexpected", message: authText.unexpected(ref), fieldErrors: {} };
    }
  };
}
