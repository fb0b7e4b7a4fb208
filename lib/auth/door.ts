// The one door every use case goes through: zod → authorization → transaction → audit, for whichever
// actor the caller resolved (a session's user, an agency system, a gateway, a job). Expected failures come
// back as data (ActionResult) with a stable code and field errors; unexpected ones as a generic failure
// with a reference id, and the full error in the server log. A denied attempt is audited too.
import "server-only";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { AppError, fieldErrorsOf, isUniqueViolation, type ActionResult, type Failure } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import type { AuditEntityType, AuditEvent } from "@/lib/audit/actions";
import { authText } from "@/lib/i18n/vi/auth";
import { commonText } from "@/lib/i18n/vi/common";
import { actorCan, actorUser, auditActor, type Actor } from "./actor";
import type { CurrentUser } from "./current-user";
import type { Permission } from "./permissions";
import type { RequestMeta } from "./request-meta";
import { errorField, log } from "@/lib/ops/log";

export { AppError } from "@/lib/errors/app-error";
export type { ActionResult } from "@/lib/errors/app-error";

interface UseCaseContext {
  tx: Tx;
  actor: Actor;
  /** The signed-in person when the actor is one (null for systems, jobs and anonymous visitors). */
  user: CurrentUser | null;
  meta: RequestMeta;
}

export interface UseCaseSpec<S extends z.ZodType, R> {
  /** The audit action name, e.g. "document.send": one of lib/audit/actions.ts (which gives it words). */
  name: AuditEvent;
  /** "public" for what anyone may do (registration); otherwise the permission required. */
  permission: Permission | "public";
  schema: S;
  entityType: AuditEntityType;
  /**
   * `outcome`: an attempt the use case refused after looking (a wrong one-time code, say) but whose trace must
   * stay: it returns its refusal as data with outcome "failed" or "denied", and the entry is written as such.
   */
  run(
    input: z.output<S>,
    ctx: UseCaseContext,
  ): Promise<{ result: R; entityId?: string; details?: Prisma.InputJsonValue; outcome?: "failed" | "denied" }>;
}

/** A use case: every caller (web action, route, API, callback, job) calls this with its actor. */
export type UseCaseFn<R> = (actor: Actor, raw: unknown, meta?: RequestMeta) => Promise<ActionResult<R>>;
export type UseCase<R> = UseCaseFn<R> & { readonly useCaseName: AuditEvent };

const NO_META: RequestMeta = { ip: "unknown", userAgent: null };

export function defineUseCase<S extends z.ZodType, R>(spec: UseCaseSpec<S, R>): UseCase<R> {
  const call = async (actor: Actor, raw: unknown, meta: RequestMeta = NO_META): Promise<ActionResult<R>> => {
    const who = auditActor(actor);
    if (spec.permission !== "public") {
      if (actor.kind === "anonymous") return new AppError("unauthenticated", authText.sessionEnded).toFailure();
      if (!actorCan(actor, spec.permission)) {
        await recordAudit(db, {
          ...who,
          action: spec.permission,
          outcome: "denied",
          entityType: "use_case",
          entityId: spec.name,
          ip: meta.ip,
          userAgent: meta.userAgent,
        });
        return new AppError("forbidden", authText.forbiddenTitle).toFailure();
      }
    }
    const parsed = spec.schema.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, code: "invalid", reason: "invalid", message: commonText.fixErrors, fieldErrors: fieldErrorsOf(parsed.error) };
    }
    try {
      const data = await db.$transaction(async (tx) => {
        const out = await spec.run(parsed.data, { tx, actor, user: actorUser(actor), meta });
        await recordAudit(tx, {
          ...who,
          action: spec.name,
          outcome: out.outcome,
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
      return unexpectedOr(err, spec.name);
    }
  };
  return Object.assign(call, { useCaseName: spec.name });
}

/** An expected AppError as its failure; a lost unique race as a conflict; anything else logged with a reference. */
export function unexpectedOr(err: unknown, where: string): Failure {
  if (err instanceof AppError) return err.toFailure();
  // A unique constraint lost to a concurrent request that passed the same checks a moment earlier.
  if (isUniqueViolation(err)) return new AppError("conflict", commonText.concurrentConflict, undefined, "concurrent_change").toFailure();
  const ref = randomBytes(4).toString("hex").toUpperCase();
  log.error({ ref, where, err: errorField(err) }, "unexpected failure");
  return { ok: false, code: "unexpected", reason: "unexpected", message: authText.unexpected(ref), fieldErrors: {}, reference: ref };
}
