// GET /api/v1/ho-so/{code}: the portal's view of one of the agency's synced dossiers (status, version, dates).
import { agencyApiRoute, answer, parsed } from "@/lib/api/agency-route";
import { getSyncedDossier } from "@/lib/sync/inbound";

export const GET = agencyApiRoute({
  operation: "dossier-get",
  parse: ({ params }) => parsed({ code: params.code ?? "" }),
  handle: async (input, { actor, meta }) => answer(await getSyncedDossier(actor, input, meta), (d) => ({ body: d, documentKey: d.code })),
});
