// POST /api/v1/van-ban/den/{recipientId}/trang-thai: a QCVN 102 status for one copy, JSON
// { status, description?, staff?: { name, department?, email?, phone? } } (recipient moves, sender recalls).
import { agencyApiRoute, answer } from "@/lib/api/agency-route";
import { statusMessage } from "@/lib/documents/api-queries";
import { setDocumentStatus } from "@/lib/documents/status";

export const POST = agencyApiRoute({
  operation: "status",
  // A status message is a few hundred bytes; 64 KB leaves room for a long description.
  body: { maxBytes: 64 * 1024, edxml: false },
  parse: ({ params, json }) => statusMessage(params.recipientId ?? "", json),
  handle: async (input, { actor, meta }) =>
    answer(await setDocumentStatus(actor, input, meta), (s) => ({ body: s, documentKey: s.documentKey })),
});
