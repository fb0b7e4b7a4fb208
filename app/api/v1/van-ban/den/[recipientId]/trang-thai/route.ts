// POST /api/v1/van-ban/den/{recipientId}/trang-thai: a QCVN 102 status for one copy, JSON
// { status, description?, staff?: { name, department?, email?, phone? } } (recipient moves, sender recalls).
import { apiRefusal, apiSetStatus, ApiError, authenticateRequest, respond, type RequestMeta } from "@/lib/documents/api";
import { sha256Hex } from "@/lib/files/storage";
import { readLimited } from "@/lib/http/body";

/** A status message is a few hundred bytes; 64 KB leaves room for a long description. */
const MAX_BODY_BYTES = 64 * 1024;

export async function POST(request: Request, { params }: { params: Promise<{ recipientId: string }> }) {
  const meta: RequestMeta = { requestInAt: new Date(), size: 0 };
  const auth = await authenticateRequest(request, "status", meta);
  if (auth instanceof Response) return auth;
  const refuse = async (error: ApiError) => respond(await apiRefusal("status", auth.agencyId, meta, error));
  const bytes = await readLimited(request.body, MAX_BODY_BYTES);
  if (bytes === "too_big") return refuse(new ApiError(413, "too_big", "Nội dung yêu cầu vượt quá giới hạn 64 KB."));
  meta.size = bytes.byteLength;
  meta.sha256 = sha256Hex(bytes);
  let input: unknown;
  try {
    input = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return refuse(new ApiError(400, "invalid_json", "Nội dung yêu cầu không phải JSON hợp lệ."));
  }
  const { recipientId } = await params;
  return respond(await apiSetStatus(auth.agencyId, recipientId, input, meta));
}
