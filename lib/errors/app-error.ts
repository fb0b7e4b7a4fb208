// The one error model. Every expected refusal in lib/ is an AppError: a `kind` (what sort of failure, which
// fixes the HTTP status) and a stable `code` (which rule refused, e.g. "number_used") that
// callers, tests and other systems can rely on; the message is the default Vietnamese wording and the
// field errors name the fields at fault. Each caller maps it once: form state (lib/auth/door.ts),
// problem+json (lib/errors/problem.ts), the error page (lib/errors/page.ts orPageError). Pure: no I/O.
import type { z } from "zod";

export type ErrorKind =
  | "invalid"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "unsupported_media_type"
  /** Well-formed but refused as it stands (the dossier sync API's bad input, issue 17): 422. */
  | "unprocessable"
  | "rate_limited"
  | "unexpected";

export type FieldErrors = Record<string, string>;

/** What a use case answers: its data, or the refusal as data (never thrown past the door). */
export type ActionResult<R> =
  | { ok: true; data: R }
  | {
      ok: false;
      /** The kind of failure (fixes the HTTP status). */
      code: ErrorKind;
      /** The stable code of the rule that refused, e.g. "document.not_found"; equals `code` when generic. */
      reason: string;
      message: string;
      fieldErrors: FieldErrors;
      /** For an unexpected failure: the id under which the full error was logged. */
      reference?: string;
      /** Facts the caller needs to recover, published as extra problem members (e.g. currentVersion on a stale update). */
      details?: Record<string, string | number | boolean | null>;
    };

export type Failure = Extract<ActionResult<never>, { ok: false }>;

/** Each kind's HTTP status. */
export const HTTP_STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  unexpected: 500,
};

/** An expected failure of a rule, optionally tied to one form field (or to several). */
export class AppError extends Error {
  readonly fieldErrors: FieldErrors;
  /** The stable code of the rule, e.g. "number_used"; the kind itself when not given. */
  readonly reason: string;
  /** Facts the caller needs to recover (ActionResult's `details`). */
  details?: Record<string, string | number | boolean | null>;
  constructor(
    readonly code: Exclude<ErrorKind, "unexpected">,
    message: string,
    fields?: string | FieldErrors,
    reason?: string,
  ) {
    super(message);
    this.name = "AppError";
    this.fieldErrors = typeof fields === "string" ? { [fields]: message } : (fields ?? {});
    this.reason = reason ?? code;
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }

  toFailure(): Failure {
    const f: Failure = { ok: false, code: this.code, reason: this.reason, message: this.message, fieldErrors: this.fieldErrors };
    return this.details ? { ...f, details: this.details } : f;
  }

  /** The same error carrying facts the caller needs to recover. */
  with(details: Record<string, string | number | boolean | null>): this {
    this.details = details;
    return this;
  }
}

export function failure(kind: Exclude<ErrorKind, "unexpected">, message: string, reason?: string, fieldErrors: FieldErrors = {}): Failure {
  return { ok: false, code: kind, reason: reason ?? kind, message, fieldErrors };
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_form");
    out[key] ??= issue.message;
  }
  return out;
}

/** Whether an error is PostgreSQL's unique violation as Prisma reports it (a concurrent twin won). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}
