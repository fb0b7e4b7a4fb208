// Rate limits around a use case. The limiter keeps its counters in PostgreSQL on its own connections, so
// it is asked before the use case's transaction opens and after it ends, never inside it (the embedded
// database runs one transaction at a time: a limiter query waiting behind the open transaction would wait
// for ever). A refusal is audited like a denied permission.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { auditActor } from "@/lib/auth/actor";
import type { UseCase } from "@/lib/auth/door";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import type { ActionResult } from "@/lib/errors/app-error";
import { failure } from "@/lib/errors/app-error";
import type { LimitName } from "@/lib/security/rate-limit";

export interface LimitGuard<R> {
  /** Before the use case: an answer to give instead (refused, or a quiet answer), or null to go on. */
  before?(raw: unknown, actor: Actor, meta: RequestMeta): Promise<{ answer: ActionResult<R>; limit: LimitName } | null>;
  /** After it: count what the outcome costs (e.g. a wrong current password). */
  after?(result: ActionResult<R>, raw: unknown, actor: Actor, meta: RequestMeta): Promise<void>;
}

/** The use case with its limits: same name and signature, so callers do not know the difference. */
export function withLimits<R>(inner: UseCase<R>, guard: LimitGuard<R>): UseCase<R> {
  const call = async (actor: Actor, raw: unknown, meta: RequestMeta = { ip: "unknown", userAgent: null }): Promise<ActionResult<R>> => {
    const stop = await guard.before?.(raw, actor, meta);
    if (stop) {
      await recordAudit(db, {
        ...auditActor(actor),
        action: inner.useCaseName,
        outcome: "denied",
        entityType: "rate_limit",
        entityId: stop.limit,
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      return stop.answer;
    }
    const result = await inner(actor, raw, meta);
    await guard.after?.(result, raw, actor, meta);
    return result;
  };
  return Object.assign(call, { useCaseName: inner.useCaseName });
}

/** The refusal of a limit, with when to come back in the message. */
export function rateLimited(message: string, reason: string): ActionResult<never> {
  return failure("rate_limited", message, reason);
}
