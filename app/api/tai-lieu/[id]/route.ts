// Download a stored paper, for those allowed to see it (others get 404).
import { getCurrentUser } from "@/lib/auth/current-user";
import { readAttachment } from "@/lib/filing/attachments";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const found = await readAttachment(await getCurrentUser(), (await params).id);
  if (!found) return new Response("Không tìm thấy tệp.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(found.bytes), {
    headers: {
      "Content-Type": found.file.contentType,
      "Content-Length": String(found.file.size),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(found.file.fileName)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
