// POST /api/v1/ho-so (Idempotency-Key required): a dossier the agency received elsewhere (counter, provincial
// portal, post), JSON { code, serviceCode | procedureCode, applicant { name, personalId, phone?, email? }, channel,
// receivedAt, dueAt, status } → 201 { code, status, version, dueAt, trackingPin }. Issue 17, lib/sync/inbound.ts.
import { agencyApiRoute, answer } from "@/lib/api/agency-route";
import { createInboundDossier } from "@/lib/sync/inbound";
import { parseCreate } from "@/lib/sync/inbound-api";

export const POST = agencyApiRoute({
  operation: "dossier-create",
  body: { maxBytes: 64 * 1024, edxml: false },
  parse: parseCreate,
  handle: async (input, { actor, meta, bodySha256 }) =>
    answer(await createInboundDossier(actor, { ...input, requestSha256: bodySha256 ?? "" }, meta), (a) => ({
      status: a.status,
      body: a.body,
      documentKey: typeof a.body.code === "string" ? a.body.code : null,
    })),
});
