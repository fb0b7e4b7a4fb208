// GET /api/v1/van-ban/di/trang-thai?ma=<document id>: each recipient's status and history of a document the
// key's agency sent.
import { agencyApiRoute, answer } from "@/lib/api/agency-route";
import { sentStatusesQuery } from "@/lib/documents/api-queries";
import { sentDocumentStatuses } from "@/lib/documents/receive";

export const GET = agencyApiRoute({
  operation: "sent-statuses",
  parse: ({ url }) => sentStatusesQuery(url.searchParams),
  handle: async (documentKey, { actor }) =>
    answer(await sentDocumentStatuses(actor, documentKey), (s) => ({ body: s, documentKey: s.documentKey })),
});
