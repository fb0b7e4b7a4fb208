// POST /api/v1/ho-so/{code}/tiep-nhan { externalCode? }: the agency's one-stop system has the dossier and takes it
// from here (ACKNOWLEDGED); its status changes then come through POST /api/v1/ho-so/{code}/trang-thai.
import { agencyApiRoute, answer } from "@/lib/api/agency-route";
import { acknowledgeDelivery } from "@/lib/sync/outbound";
import { acknowledgeInput } from "@/lib/sync/outbound-input";

export const POST = agencyApiRoute({
  operation: "dossier-acknowledge",
  body: { maxBytes: 4 * 1024, edxml: false },
  parse: ({ params, json }) => acknowledgeInput(params.code ?? "", json),
  handle: async (input, { actor, meta }) =>
    answer(await acknowledgeDelivery(actor, input, meta), (a) => ({ body: a, documentKey: a.code })),
});
