// Download a paper of the citizen's own document store; anyone else (or a deleted paper) gets 404.
import { sessionActor } from "@/lib/auth/session-actor";
import { fileDownload, notFoundText } from "@/lib/files/download";
import { papersText } from "@/lib/i18n/vi/papers";
import { readStoredPaper } from "@/lib/papers/queries";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const found = await readStoredPaper(await sessionActor(), (await params).id);
  if (!found) return notFoundText(papersText.notFound);
  return fileDownload(found.bytes, { contentType: found.contentType, fileName: found.fileName });
}
