// POST /api/v1/ho-so/{code}/trang-thai (Idempotency-Key required): a status change on the national codes 1–10,
// JSON { version, status, at, reason?, supplementation?, apology?, result?, fees? } → { code, status, version };
// 409 stale_version with { currentVersion, currentStatus }. Issue 17, lib/sync/inbound.ts.
import { agencyApiRoute, answer } from "@/lib/api/agency-route";
import { pushDossierStatus } from "@/lib/sync/inbound";
import { parseStatus } from "@/lib/sync/inbound-api";

export const POST = agencyApiRoute({
  operation: "dossier-status",
  body: { maxBytes: 64 * 1024, edxml: false },
  parse: parseStatus,
  handle: async (input, { actor, meta, bodySha256 }) =>
    answer(await pushDossierStatus(actor, { ...input, requestSha256: bodySha256 ?? "" }, meta), (a) => ({
      status: a.status,
      body: a.body,
      documentKey: input.code,
    })),
});
