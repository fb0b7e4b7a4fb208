// Opening a notification: marks it read and goes where it leads (the dossier page's section it is about).
// Only its owner may; anyone else's, or no such notice, is 404. Linked with a plain <a>, never prefetched.
import { redirect } from "next/navigation";
import { sessionActor } from "@/lib/auth/session-actor";
import { notFoundText } from "@/lib/files/download";
import { noticesText } from "@/lib/i18n/vi/my-dossiers";
import { openNotice } from "@/lib/notify/inbox";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  // A router prefetch is nobody reading it.
  if (request.headers.get("next-router-prefetch")) return new Response(null, { status: 204 });
  const id = (await params).id;
  const out = await openNotice(await sessionActor(), id);
  if (out.kind === "unauthenticated") redirect(`/dang-nhap?next=${encodeURIComponent(`/thong-bao/${id}`)}`);
  if (out.kind === "not_found") return notFoundText(noticesText.notFound);
  redirect(out.to);
}
