// Download a stored paper (submitted, supplemented, or the result document), for those who may see its
// dossier (lib/dossiers/visibility) or, for a draft's paper, its uploader; everyone else gets 404.
import { sessionActor } from "@/lib/auth/session-actor";
import { readAttachment } from "@/lib/filing/attachments";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const found = await readAttachment(await sessionActor(), (await params).id);
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
