// The door's result and error types (pure: forms and tests use them too).
import type { z } from "zod";

export type FieldErrors = Record<string, string>;
export type ErrorCode = "invalid" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "unexpected";

export type ActionResult<R> = { ok: true; data: R } | { ok: false; code: ErrorCode; message: string; fieldErrors: FieldErrors };

/** An expected failure of a domain rule, optionally tied to one form field (or to several). */
export class DomainError extends Error {
  readonly fieldErrors: FieldErrors;
  constructor(
    readonly code: Exclude<ErrorCode, "unexpected">,
    message: string,
    fields?: string | FieldErrors,
  ) {
    super(message);
    this.name = "DomainError";
    this.fieldErrors = typeof fields === "string" ? { [fields]: message } : (fields ?? {});
  }
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_form");
    out[key] ??= issue.message;
  }
  return out;
}

/** Each error code's HTTP status, for route handlers. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unexpected: 500,
};
