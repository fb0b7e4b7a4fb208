// POST /api/v1/van-ban/den/{recipientId}/xac-nhan: the receiving system confirms it has the document; the
// answer echoes the sha256 of the message received as proof of receipt.
import { agencyApiRoute, answer, parsed } from "@/lib/api/agency-route";
import { acknowledgeDocument } from "@/lib/documents/receive";

export const POST = agencyApiRoute({
  operation: "acknowledge",
  parse: ({ params }) => parsed({ recipientId: params.recipientId }),
  handle: async (input, { actor, meta }) =>
    answer(await acknowledgeDocument(actor, input, meta), (a) => ({ body: a, documentKey: a.documentKey, sha256: a.sha256 })),
});
