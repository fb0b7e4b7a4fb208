// POST /api/v1/van-ban: an agency's document-management system sends a document, as EdDocument JSON or as
// edXML (Content-Type application/xml or text/xml). 201 stored, 200 a retry of a stored message.
import { apiRefusal, apiSend, ApiError, authenticateRequest, respond, type RequestMeta } from "@/lib/documents/api";
import { fromEdXml } from "@/lib/documents/edxml";
import { EdDocument, formatEdDocumentIssues } from "@/lib/documents/schema";
import { sha256Hex } from "@/lib/files/storage";
import { readLimited } from "@/lib/http/body";

/** Attachments are bounded at 20 MB decoded; base64 and the XML or JSON around them fit in 30 MB. */
const MAX_BODY_BYTES = 30 * 1024 * 1024;

export async function POST(request: Request) {
  const meta: RequestMeta = { requestInAt: new Date(), size: 0 };
  const auth = await authenticateRequest(request, "send", meta);
  if (auth instanceof Response) return auth;
  const refuse = async (error: ApiError) => respond(await apiRefusal("send", auth.agencyId, meta, error));

  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return refuse(new ApiError(413, "too_big", "Nội dung yêu cầu vượt quá giới hạn 30 MB."));
  const bytes = await readLimited(request.body, MAX_BODY_BYTES);
  if (bytes === "too_big") return refuse(new ApiError(413, "too_big", "Nội dung yêu cầu vượt quá giới hạn 30 MB."));
  meta.size = bytes.byteLength;
  meta.sha256 = sha256Hex(bytes);

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return refuse(new ApiError(400, "invalid_encoding", "Nội dung yêu cầu không phải văn bản UTF-8 hợp lệ."));
  }
  if (!text.trim()) return refuse(new ApiError(400, "empty_body", "Nội dung yêu cầu rỗng: cần văn bản dạng JSON hoặc edXML."));

  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (mediaType === "application/xml" || mediaType === "text/xml") {
    const read = fromEdXml(text);
    if (!read.ok) return refuse(new ApiError(400, "invalid_edxml", read.error));
    return respond(await apiSend(auth.agencyId, read.doc, meta));
  }
  if (mediaType !== "application/json" && mediaType !== "") {
    return refuse(
      new ApiError(
        415,
        "unsupported_media_type",
        `Kiểu nội dung "${mediaType}" không được hỗ trợ: dùng application/json hoặc application/xml.`,
      ),
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return refuse(
      new ApiError(400, "invalid_json", `Nội dung yêu cầu không phải JSON hợp lệ (${e instanceof Error ? e.message : "lỗi cú pháp"}).`),
    );
  }
  const parsed = EdDocument.safeParse(json);
  if (!parsed.success) return refuse(new ApiError(400, "invalid_document", formatEdDocumentIssues(parsed.error)));
  return respond(await apiSend(auth.agencyId, parsed.data, meta));
}
