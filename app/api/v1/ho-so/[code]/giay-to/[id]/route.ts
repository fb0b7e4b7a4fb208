// GET /api/v1/ho-so/{code}/giay-to/{id}: one paper of a dossier delivered to the key's agency, as the file it is.
import { agencyApiRoute, answer, parsed } from "@/lib/api/agency-route";
import { downloadPaper } from "@/lib/sync/outbound";

export const GET = agencyApiRoute({
  operation: "dossier-paper",
  parse: ({ params }) => parsed({ code: params.code ?? "", id: params.id ?? "" }),
  handle: async (input, { actor }) =>
    answer(await downloadPaper(actor, input), (p) => ({
      body: null,
      documentKey: p.code,
      size: p.bytes.byteLength,
      sha256: p.sha256,
      file: {
        bytes: p.bytes,
        headers: {
          "Content-Type": p.contentType,
          "Content-Length": String(p.bytes.byteLength),
          "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(p.fileName)}`,
          "X-Content-SHA256": p.sha256,
        },
      },
    })),
});
