// GET /api/v1/van-ban/den: documents addressed to the key's agency and not yet acknowledged, oldest first.
// ?tu=<ISO time> only those arrived since then; ?so-luong=<1–50>; ?dinh-dang=edxml gives edXML instead of JSON.
import { apiInbox, apiRefusal, ApiError, authenticateRequest, INBOX_MAX_LIMIT, respond, type RequestMeta } from "@/lib/documents/api";

export async function GET(request: Request) {
  const meta: RequestMeta = { requestInAt: new Date(), size: 0 };
  const auth = await authenticateRequest(request, "inbox", meta);
  if (auth instanceof Response) return auth;
  const refuse = async (error: ApiError) => respond(await apiRefusal("inbox", auth.agencyId, meta, error));

  const params = new URL(request.url).searchParams;
  const format = params.get("dinh-dang") ?? "json";
  if (format !== "json" && format !== "edxml")
    return refuse(new ApiError(400, "invalid_query", `dinh-dang: phải là "json" hoặc "edxml", nhận được "${format}".`));
  const sinceText = params.get("tu");
  const since = sinceText ? new Date(sinceText) : undefined;
  if (since && Number.isNaN(since.getTime()))
    return refuse(new ApiError(400, "invalid_query", `tu: thời điểm "${sinceText}" không hợp lệ (dạng ISO 8601).`));
  const limitText = params.get("so-luong");
  const limit = limitText === null ? INBOX_MAX_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > INBOX_MAX_LIMIT) {
    return refuse(new ApiError(400, "invalid_query", `so-luong: phải là số nguyên từ 1 đến ${INBOX_MAX_LIMIT}.`));
  }
  return respond(await apiInbox(auth.agencyId, { since, limit, format }, meta));
}
