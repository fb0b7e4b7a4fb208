// The parse steps of the dossier sync API's inbound routes (app/api/v1/ho-so/…): the Idempotency-Key header
// and the body checked by the same zod schemas the use cases and the OpenAPI document use. Bad input is 422
// with each field named (problem+json `errors`), before any use case runs.
import "server-only";
import type { z } from "zod";
import { invalidRequest, parsed } from "@/lib/api/agency-route";
import { AppError, type Failure } from "@/lib/errors/app-error";
import { commonText } from "@/lib/i18n/vi/common";
import { dossierSyncText as t } from "@/lib/i18n/vi/dossier-sync";
import { IDEMPOTENCY_KEY_RE, InboundDossierBody, ReconcileBody, StatusPushBody } from "./schema";

type Parsed<P> = { ok: true; input: P } | Failure;

/** Each issue under its full path (applicant.personalId, dossiers.3.status), as the agency's system names fields. */
function unprocessable(error: z.ZodError): Failure {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.length ? issue.path.join(".") : "_form"] ??= issue.message;
  const first = Object.values(fields)[0];
  return new AppError("unprocessable", first ?? commonText.fixErrors, fields, "invalid_body").toFailure();
}

function idempotencyKey(headers: Headers): string | Failure {
  const key = headers.get("idempotency-key")?.trim() ?? "";
  if (!IDEMPOTENCY_KEY_RE.test(key)) return invalidRequest("idempotency_key_missing", t.api.idempotencyKeyMissing, "Idempotency-Key");
  return key;
}

interface Req {
  headers: Headers;
  params: Record<string, string>;
  json?: unknown;
}

/** The request's Idempotency-Key and body; the route adds the body's sha256 (the same key with other bytes is refused). */
export function parseCreate(r: Req) {
  return withKey(r, InboundDossierBody, (key, body) => ({ idempotencyKey: key, body }));
}

export function parseStatus(r: Req) {
  return withKey(r, StatusPushBody, (key, body) => ({ code: r.params.code ?? "", idempotencyKey: key, body }));
}

export function parseReconcile(r: Req): Parsed<z.output<typeof ReconcileBody>> {
  const b = ReconcileBody.safeParse(r.json);
  return b.success ? parsed(b.data) : unprocessable(b.error);
}

function withKey<S extends z.ZodType, P>(r: Req, schema: S, make: (key: string, body: z.output<S>) => P): Parsed<P> {
  const key = idempotencyKey(r.headers);
  if (typeof key !== "string") return key;
  const b = schema.safeParse(r.json);
  if (!b.success) return unprocessable(b.error);
  return parsed(make(key, b.data));
}
