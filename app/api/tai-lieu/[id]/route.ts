// Download a stored paper (submitted, supplemented, or the result document), for those who may see its
// dossier (lib/dossiers/visibility) or, for a draft's paper, its uploader; everyone else gets 404.
import { sessionActor } from "@/lib/auth/session-actor";
import { fileDownload, notFoundText } from "@/lib/files/download";
import { readAttachment } from "@/lib/filing/attachments";
import { commonText } from "@/lib/i18n/vi/common";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const found = await readAttachment(await sessionActor(), (await params).id);
  if (!found) return notFoundText(commonText.fileNotFound);
  return fileDownload(found.bytes, { contentType: found.file.contentType, fileName: found.file.fileName });
}
