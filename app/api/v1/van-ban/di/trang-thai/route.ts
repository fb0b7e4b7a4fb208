// GET /api/v1/van-ban/di/trang-thai?ma=<document id>: each recipient's status and history of a document the
// key's agency sent.
import { apiRefusal, apiSentStatuses, ApiError, authenticateRequest, respond, type RequestMeta } from "@/lib/documents/api";

export async function GET(request: Request) {
  const meta: RequestMeta = { requestInAt: new Date(), size: 0 };
  const auth = await authenticateRequest(request, "sent-statuses", meta);
  if (auth instanceof Response) return auth;
  const documentKey = new URL(request.url).searchParams.get("ma")?.trim();
  if (!documentKey) {
    return respond(
      await apiRefusal(
        "sent-statuses",
        auth.agencyId,
        meta,
        new ApiError(400, "invalid_query", "ma: bắt buộc phải có mã văn bản (OrganId,yyyy/MM/dd,số/ký hiệu)."),
      ),
    );
  }
  return respond(await apiSentStatuses(auth.agencyId, documentKey, meta));
}
