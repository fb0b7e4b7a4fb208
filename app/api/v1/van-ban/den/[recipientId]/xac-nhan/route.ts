// POST /api/v1/van-ban/den/{recipientId}/xac-nhan: the receiving system confirms it has the document; the
// answer echoes the sha256 of the message received as proof of receipt.
import { apiAcknowledge, authenticateRequest, respond, type RequestMeta } from "@/lib/documents/api";

export async function POST(request: Request, { params }: { params: Promise<{ recipientId: string }> }) {
  const meta: RequestMeta = { requestInAt: new Date(), size: 0 };
  const auth = await authenticateRequest(request, "acknowledge", meta);
  if (auth instanceof Response) return auth;
  const { recipientId } = await params;
  return respond(await apiAcknowledge(auth.agencyId, recipientId, meta));
}
