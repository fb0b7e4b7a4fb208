// A typed HTTP client of the portal's dossier sync API (issue 17), as a provincial one-stop system uses it:
// the inbound endpoints (create, status, get, reconcile) here; sync-out's endpoints in api-out.ts. No portal
// code is imported: it speaks HTTP only, with the agency's API key, like a real agency system would.
import { randomUUID } from "node:crypto";

export type SyncChannel = "counter" | "provincial_portal" | "post";

export interface InboundDossier {
  code: string;
  serviceCode?: string;
  procedureCode?: string;
  applicant: { name: string; personalId: string; phone?: string; email?: string };
  channel: SyncChannel;
  receivedAt: string;
  dueAt: string;
  status?: number;
}

export interface StatusPush {
  version: number;
  status: number;
  at: string;
  reason?: string;
  supplementation?: { papers: string[]; note?: string };
  apology?: { newDueAt: string; reason: string };
  result?: { name: string; number?: string; signedAt?: string };
  fees?: { amount: number };
}

export interface DossierAnswer {
  code: string;
  status: number;
  version: number;
  dueAt?: string | null;
  trackingPin?: string;
}

export interface DossierView extends DossierAnswer {
  externalCode: string | null;
  origin: "PORTAL" | "AGENCY_SYSTEM";
  serviceCode: string;
  submittedAt: string;
  receivedAt: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  syncedAt: string | null;
}

export interface ReconcileReport {
  agency: string;
  date: string;
  agencyCounts: Record<string, number>;
  portalCounts: Record<string, number>;
  differences: {
    code: string;
    agencyStatus: number | null;
    portalStatus: number | null;
    agencyVersion: number | null;
    portalVersion: number | null;
  }[];
}

/** An RFC 9457 problem the portal answered (code: the stable rule code, e.g. stale_version). */
export interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
  currentVersion?: number;
  currentStatus?: number;
}

/** Either the answer, or the portal's problem: callers decide (a 409 stale_version is expected traffic). */
export type Result<T> = { ok: true; status: number; data: T } | { ok: false; status: number; problem: Problem };

export interface SyncApiOptions {
  /** The portal's origin, e.g. http://localhost:3000 */
  baseUrl: string;
  /** The agency's API key (dvc_…). */
  apiKey: string;
  fetch?: typeof fetch;
}

export class SyncApi {
  constructor(private readonly o: SyncApiOptions) {}

  private async call<T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<Result<T>> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.o.apiKey}`, accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
    const res = await (this.o.fetch ?? fetch)(new URL(`/api/v1${path}`, this.o.baseUrl), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? (JSON.parse(text) as unknown) : null;
    return res.ok ? { ok: true, status: res.status, data: json as T } : { ok: false, status: res.status, problem: json as Problem };
  }

  /** POST /ho-so. The same idempotency key and body answer the stored response (a safe retry). */
  createDossier(d: InboundDossier, idempotencyKey: string = randomUUID()): Promise<Result<DossierAnswer>> {
    return this.call("POST", "/ho-so", d, idempotencyKey);
  }

  /** POST /ho-so/{code}/trang-thai. */
  pushStatus(code: string, s: StatusPush, idempotencyKey: string = randomUUID()): Promise<Result<DossierAnswer>> {
    return this.call("POST", `/ho-so/${encodeURIComponent(code)}/trang-thai`, s, idempotencyKey);
  }

  /** GET /ho-so/{code}. */
  getDossier(code: string): Promise<Result<DossierView>> {
    return this.call("GET", `/ho-so/${encodeURIComponent(code)}`);
  }

  /** POST /ho-so/doi-soat. */
  reconcile(date: string, dossiers: { code: string; status: number; version: number }[]): Promise<Result<ReconcileReport>> {
    return this.call("POST", "/ho-so/doi-soat", { date, dossiers });
  }
}
