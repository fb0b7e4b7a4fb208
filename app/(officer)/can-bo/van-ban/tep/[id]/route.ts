// Download a document's attachment, for the sending and receiving agencies' users (others get 404).
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { readDocumentAttachment } from "@/lib/documents/registers";
import { fileDownload, notFoundText } from "@/lib/files/download";
import { commonText } from "@/lib/i18n/vi/common";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  const found = can(user, "document.receive") ? await readDocumentAttachment(user, (await params).id) : null;
  if (!found) return notFoundText(commonText.fileNotFound);
  return fileDownload(found.bytes, {
    contentType: found.file.contentType,
    fileName: found.file.name,
    headers: { "X-Content-SHA256": found.file.sha256 },
  });
}
