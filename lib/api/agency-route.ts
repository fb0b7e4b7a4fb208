// The one prelude of every /api/v1/van-ban route: authenticate the agency's key and resolve its
// agency_system actor, read the body within a size bound, decode UTF-8, tell JSON from edXML, hand the
// parsed input to one use case, and answer either JSON or a problem+json with a stable code. Every call,
// refusals included, leaves one exchange_log row whose fault code is that code. Each key has a request budget
// (LIMITS.apiKey), and a client that presents too many wrong keys is refused for a while
// (LIMITS.apiKeyFailuresClient): both answer 429 with Retry-After.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { unexpectedOr } from "@/lib/auth/door";
import { clientIpFrom, type RequestMeta } from "@/lib/auth/request-meta";
import { db } from "@/lib/db/client";
import { authenticateApiKey } from "@/lib/documents/api-keys";
import { logExchange, type ExchangeRow } from "@/lib/documents/exchange-log";
import { AppError, failure, type ActionResult, type Failure } from "@/lib/errors/app-error";
import { apiLanguage } from "@/lib/errors/messages";
import { problemResponse, toProblem } from "@/lib/errors/problem";
import { sha256Hex } from "@/lib/files/storage";
import { readLimited } from "@/lib/http/body";
import { documentExchangeText } from "@/lib/i18n/vi/document-exchange";
import { check, hit } from "@/lib/security/rate-limit";

const t = documentExchangeText.api;

type AgencySystem = Extract<Actor, { kind: "agency_system" }>;

/** What a handler answers on success: the JSON body, and what the exchange log should know of it. */
export interface AgencyAnswer {
  status?: number;
  body: unknown;
  documentKey?: string | null;
  /** Overrides for the log when the meaningful bytes are the answer's, not the request's (inbox). */
  size?: number;
  sha256?: string | null;
  /** A file instead of JSON (issue 17: a dossier's paper): its bytes and headers. */
  file?: { bytes: Uint8Array; headers: Record<string, string> };
}

/** The request as the route's parse step sees it. */
interface AgencyRequest {
  url: URL;
  /** The request's headers (the dossier sync API reads Idempotency-Key). */
  headers: Headers;
  params: Record<string, string>;
  /** The body as JSON (a JSON body), or as edXML text (an XML body, when the route accepts edXML). */
  json?: unknown;
  edxml?: string;
}

interface AgencyCall {
  actor: AgencySystem;
  meta: RequestMeta;
  /** sha256 of the raw request body, when it has one. */
  bodySha256?: string;
}

type Parsed<P> = { ok: true; input: P } | Failure;

interface AgencyRouteSpec<P> {
  operation: Extract<
    ExchangeRow["operation"],
    // Issue 17: the dossier sync API (sync-in: create, status, get, reconcile; sync-out: papers, pull, acknowledge).
    | "send"
    | "inbox"
    | "acknowledge"
    | "status"
    | "sent-statuses"
    | "dossier-create"
    | "dossier-status"
    | "dossier-get"
    | "dossier-reconcile"
    | "dossier-paper"
    | "dossier-pull"
    | "dossier-acknowledge"
  >;
  /** Routes that take a body: its bound, and whether edXML (application/xml, text/xml) is accepted beside JSON. */
  body?: { maxBytes: number; edxml: boolean };
  parse(request: AgencyRequest): Parsed<P> | Promise<Parsed<P>>;
  handle(input: P, call: AgencyCall): Promise<ActionResult<AgencyAnswer>>;
}

/** The parse step's success. */
export const parsed = <P>(input: P): Parsed<P> => ({ ok: true, input });

/** A use case's result as an answer, shaped by `shape` when it succeeded. */
export function answer<R>(r: ActionResult<R>, shape: (data: R) => AgencyAnswer): ActionResult<AgencyAnswer> {
  return r.ok ? { ok: true, data: shape(r.data) } : r;
}

const EMPTY_CONTEXT = { params: Promise.resolve({}) };

export function agencyApiRoute<P>(spec: AgencyRouteSpec<P>) {
  return async (request: Request, context: { params: Promise<Record<string, string>> } = EMPTY_CONTEXT): Promise<Response> => {
    const log = { requestInAt: new Date(), size: 0, sha256: undefined as string | undefined };
    const url = new URL(request.url);
    const refuse = async (agencyId: number | null, f: Failure, headers: Record<string, string> = {}) => {
      await logExchange(db, {
        operation: spec.operation,
        agencyId,
        requestInAt: log.requestInAt,
        responseOutAt: new Date(),
        success: false,
        faultCode: f.reason,
        size: log.size,
        sha256: log.sha256,
      });
      // Title and detail in the language asked for (Vietnamese by default); `messages` carries both.
      const language = apiLanguage(request.headers.get("accept-language"));
      return problemResponse(toProblem(f, url.pathname, language), { ...headers, "Content-Language": language, Vary: "Accept-Language" });
    };

    const meta: RequestMeta = { ip: clientIpFrom((n) => request.headers.get(n)), userAgent: request.headers.get("user-agent") };
    const tooMany = (agency: number | null, f: Failure, retryAfterSeconds: number) =>
      refuse(agency, f, { "Retry-After": String(retryAfterSeconds) });
    const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

    let agencyId: number | null = null;
    try {
      const authorization = request.headers.get("authorization");
      // A client that has guessed too many keys is refused before any key it sends is looked up.
      if (authorization) {
        const guessing = await check("apiKeyFailuresClient", [meta.ip]);
        if (!guessing.ok) {
          const s = guessing.retryAfterSeconds;
          return tooMany(null, failure("rate_limited", t.tooManyWrongKeys(minutes(s)), "too_many_wrong_keys"), s);
        }
      }
      const identity = await authenticateApiKey(authorization);
      if (!identity) {
        if (authorization) {
          const counted = await hit("apiKeyFailuresClient", [meta.ip]);
          if (!counted.ok) {
            const s = counted.retryAfterSeconds;
            return tooMany(null, failure("rate_limited", t.tooManyWrongKeys(minutes(s)), "too_many_wrong_keys"), s);
          }
        }
        return refuse(null, failure("unauthenticated", t.unauthenticated), { "WWW-Authenticate": 'Bearer realm="dichvucong"' });
      }
      const actor: AgencySystem = { kind: "agency_system", agencyId: identity.agencyId, apiKeyId: identity.keyId };
      agencyId = actor.agencyId;
      const budget = await hit("apiKey", [identity.keyId]);
      if (!budget.ok) {
        const s = budget.retryAfterSeconds;
        return tooMany(agencyId, failure("rate_limited", t.tooManyRequests(s), "api_key_rate_limited"), s);
      }

      const req: AgencyRequest = { url, headers: request.headers, params: await context.params };
      if (spec.body) {
        const read = await readBody(request, spec.body);
        log.size = read.size;
        log.sha256 = read.sha256;
        if (!read.ok) return refuse(actor.agencyId, read.failure);
        Object.assign(req, read.content);
      }
      const input = await spec.parse(req);
      if (!input.ok) return refuse(actor.agencyId, input);

      const result = await spec.handle(input.input, { actor, meta, bodySha256: log.sha256 });
      if (!result.ok) return refuse(actor.agencyId, result);
      const a = result.data;
      await logExchange(db, {
        operation: spec.operation,
        agencyId: actor.agencyId,
        documentKey: a.documentKey,
        requestInAt: log.requestInAt,
        responseOutAt: new Date(),
        success: true,
        size: a.size ?? log.size,
        sha256: a.sha256 ?? log.sha256,
      });
      if (a.file)
        return new Response(new Uint8Array(a.file.bytes), {
          status: a.status ?? 200,
          headers: { ...a.file.headers, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
        });
      return Response.json(a.body, { status: a.status ?? 200, headers: { "Cache-Control": "no-store" } });
    } catch (err) {
      // Whatever escaped (a file store, the database): a logged 500 problem with its reference, never a bare crash.
      return refuse(agencyId, unexpectedOr(err, `api.${spec.operation}`));
    }
  };
}

type BodyRead = { size: number; sha256?: string } & (
  { ok: true; content: Pick<AgencyRequest, "json" | "edxml"> } | { ok: false; failure: Failure }
);

async function readBody(request: Request, o: { maxBytes: number; edxml: boolean }): Promise<BodyRead> {
  const tooLarge = { ok: false as const, size: 0, failure: failure("too_large", t.tooLarge(o.maxBytes)) };
  if (Number(request.headers.get("content-length") ?? "0") > o.maxBytes) return tooLarge;
  const bytes = await readLimited(request.body, o.maxBytes);
  if (bytes === "too_big") return tooLarge;
  const seen = { size: bytes.byteLength, sha256: sha256Hex(bytes) };
  const refused = (f: Failure): BodyRead => ({ ...seen, ok: false, failure: f });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return refused(failure("invalid", t.invalidEncoding, "invalid_encoding"));
  }
  if (o.edxml) {
    if (!text.trim()) return refused(failure("invalid", t.emptyBody, "empty_body"));
    const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (mediaType === "application/xml" || mediaType === "text/xml") return { ...seen, ok: true, content: { edxml: text } };
    if (mediaType !== "application/json" && mediaType !== "") {
      return refused(failure("unsupported_media_type", t.unsupportedMediaType(mediaType), "unsupported_media_type"));
    }
  }
  try {
    return { ...seen, ok: true, content: { json: JSON.parse(text) as unknown } };
  } catch (e) {
    return refused(failure("invalid", t.invalidJson(e instanceof Error ? e.message : t.syntaxError), "invalid_json"));
  }
}

/** A refusal of the request itself (its query or body), before any use case runs. */
export function invalidRequest(reason: string, message: string, fields?: string | Record<string, string>): Failure {
  return new AppError("invalid", message, fields, reason).toFailure();
}
