// Download a document's attachment, for the sending and receiving agencies' users (others get 404).
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { readDocumentAttachment } from "@/lib/documents/registers";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  const found = can(user, "document.receive") ? await readDocumentAttachment(user, (await params).id) : null;
  if (!found) return new Response("Không tìm thấy tệp.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(found.bytes), {
    headers: {
      "Content-Type": found.file.contentType,
      "Content-Length": String(found.file.size),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(found.file.name)}`,
      "Cache-Control": "private, no-store",
      "X-Content-SHA256": found.file.sha256,
    },
  });
}
