// The reference client's calls of the outbound half of the dossier sync API (issue 17, sync-out): the pull of new
// dossiers, a paper's download, the acknowledgement; and, coded to the shared contract, the status change the inbox
// sends afterwards (POST /api/v1/ho-so/{code}/trang-thai is sync-in's endpoint; its typed client is api.ts).
import { createHash, randomUUID } from "node:crypto";
import { AcknowledgeAnswer, PullAnswer, type DeliveredDossierSchema } from "@/lib/sync/outbound-schema";
import type { z } from "zod";

export type DeliveredDossier = z.infer<typeof DeliveredDossierSchema>;

export interface PortalConnection {
  /** The portal's address, e.g. http://localhost:3000 */
  portalUrl: string;
  /** The agency's API key (dvc_…). */
  apiKey: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: { code?: string; detail?: string; fields?: Record<string, string>; [k: string]: unknown } | null,
  ) {
    super(`HTTP ${status}${problem?.code ? ` ${problem.code}` : ""}${problem?.detail ? `: ${problem.detail}` : ""}`);
    this.name = "ApiProblem";
  }
}

const auth = (c: PortalConnection) => ({ authorization: `Bearer ${c.apiKey}` });
const url = (c: PortalConnection, path: string) => `${c.portalUrl.replace(/\/+$/, "")}/api/v1${path}`;

async function problemOf(res: Response): Promise<never> {
  let body: ApiProblem["problem"] = null;
  try {
    body = (await res.json()) as ApiProblem["problem"];
  } catch {
    body = null;
  }
  throw new ApiProblem(res.status, body);
}

/** GET /ho-so/moi: dossiers delivered (or waiting) and not yet acknowledged. */
export async function pullNewDossiers(c: PortalConnection, limit = 20): Promise<DeliveredDossier[]> {
  const res = await fetch(url(c, `/ho-so/moi?so-luong=${limit}`), { headers: auth(c) });
  if (!res.ok) return problemOf(res);
  return PullAnswer.parse(await res.json()).items;
}

/** GET the paper's URL (as the push gave it) with the key; checks its sha256. */
export async function downloadPaper(c: PortalConnection, paper: { url: string; sha256: string }): Promise<Buffer> {
  const res = await fetch(paper.url, { headers: auth(c) });
  if (!res.ok) return problemOf(res);
  const bytes = Buffer.from(await res.arrayBuffer());
  const sha = createHash("sha256").update(bytes).digest("hex");
  if (sha !== paper.sha256) throw new Error(`paper ${paper.url}: sha256 ${sha} is not the announced ${paper.sha256}`);
  return bytes;
}

/** POST /ho-so/{code}/tiep-nhan: the agency's system has the dossier. */
export async function acknowledgeDossier(c: PortalConnection, code: string, externalCode?: string) {
  const res = await fetch(url(c, `/ho-so/${encodeURIComponent(code)}/tiep-nhan`), {
    method: "POST",
    headers: { ...auth(c), "content-type": "application/json" },
    body: JSON.stringify(externalCode ? { externalCode } : {}),
  });
  if (!res.ok) return problemOf(res);
  return AcknowledgeAnswer.parse(await res.json());
}

/** POST /ho-so/{code}/trang-thai (contract: sync-in's endpoint) — a status change with the version last seen. */
export async function postStatus(
  c: PortalConnection,
  code: string,
  body: { version: number; status: number; at: string; reason?: string },
  idempotencyKey: string = randomUUID(),
): Promise<{ code: string; status: number; version: number }> {
  const res = await fetch(url(c, `/ho-so/${encodeURIComponent(code)}/trang-thai`), {
    method: "POST",
    headers: { ...auth(c), "content-type": "application/json", "idempotency-key": idempotencyKey },
    body: JSON.stringify(body),
  });
  if (!res.ok) return problemOf(res);
  return (await res.json()) as { code: string; status: number; version: number };
}
