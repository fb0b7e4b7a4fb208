// POST /api/v1/ho-so/doi-soat: the agency's dossiers of one day { date, dossiers: [{ code, status, version }] } →
// the reconciliation report (counts by status on both sides, the codes that differ), stored per agency and day.
import { agencyApiRoute, answer } from "@/lib/api/agency-route";
import { reconcileDay } from "@/lib/sync/reconcile";
import { parseReconcile } from "@/lib/sync/inbound-api";

export const POST = agencyApiRoute({
  operation: "dossier-reconcile",
  // Up to 10,000 dossiers of about 80 bytes each.
  body: { maxBytes: 1024 * 1024, edxml: false },
  parse: parseReconcile,
  handle: async (input, { actor, meta }) => answer(await reconcileDay(actor, input, meta), (r) => ({ body: r })),
});
