// An attachment of a feedback item, for an officer of the agency holding it; 404 otherwise.
import { routePermission } from "@/lib/auth/current-user";
import { feedbackAttachmentFor } from "@/lib/feedback/officer";
import { fileDownload, notFoundText } from "@/lib/files/download";
import { storedBytes } from "@/lib/files/storage";
import { commonText } from "@/lib/i18n/vi/common";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const who = await routePermission("feedback.handle", `/can-bo/phan-anh/tep/${id}`);
  if (who.refused) return who.refused;
  const a = await feedbackAttachmentFor(who.user, id);
  const bytes = a ? await storedBytes(a.storageKey) : null;
  if (!a || !bytes) return notFoundText(commonText.fileNotFound);
  return fileDownload(bytes, { contentType: a.contentType, fileName: a.fileName });
}
