// GET /api/v1/ho-so/moi: the key's agency's portal dossiers delivered (or waiting to be) to its one-stop system and
// not yet acknowledged, oldest first (the pull alternative to the push). ?so-luong=<1–50>.
import { agencyApiRoute, answer } from "@/lib/api/agency-route";
import { pendingDossiers } from "@/lib/sync/outbound";
import { pullQuery } from "@/lib/sync/outbound-input";

export const GET = agencyApiRoute({
  operation: "dossier-pull",
  parse: ({ url }) => pullQuery(url.searchParams),
  handle: async (query, { actor }) => answer(await pendingDossiers(actor, query), (r) => ({ body: r })),
});
