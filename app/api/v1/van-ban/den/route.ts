// GET /api/v1/van-ban/den: documents addressed to the key's agency and not yet acknowledged, oldest first.
// ?tu=<ISO time> only those arrived since then; ?so-luong=<1–50>; ?dinh-dang=edxml gives edXML instead of JSON.
import { agencyApiRoute, answer } from "@/lib/api/agency-route";
import { inboxQuery } from "@/lib/documents/api-queries";
import { documentInbox } from "@/lib/documents/receive";

export const GET = agencyApiRoute({
  operation: "inbox",
  parse: ({ url }) => inboxQuery(url.searchParams),
  handle: async (query, { actor }) => answer(await documentInbox(actor, query), (i) => ({ body: i.items, size: i.size, sha256: i.sha256 })),
});
