// POST /api/v1/van-ban: an agency's document-management system sends a document, as EdDocument JSON or as
// edXML (Content-Type application/xml or text/xml). 201 stored, 200 a retry of a stored message.
import { agencyApiRoute, answer, parsed } from "@/lib/api/agency-route";
import { readDocumentMessage, sendAgencyMessage } from "@/lib/documents/message-send";

export const POST = agencyApiRoute({
  operation: "send",
  // Attachments are bounded at 20 MB decoded; base64 and the XML or JSON around them fit in 30 MB.
  body: { maxBytes: 30 * 1024 * 1024, edxml: true },
  parse: (req) => {
    const read = readDocumentMessage(req);
    return read.ok ? parsed(read.doc) : read;
  },
  handle: async (doc, { actor, meta, bodySha256 }) =>
    answer(await sendAgencyMessage(actor, doc, bodySha256!, meta), (d) => ({
      status: d.duplicate ? 200 : 201,
      body: { documentKey: d.documentKey, sha256: d.sha256, duplicate: d.duplicate },
      documentKey: d.documentKey,
      sha256: d.sha256,
    })),
});
