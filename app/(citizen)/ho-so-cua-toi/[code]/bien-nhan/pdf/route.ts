// Form 01 as a PDF, for the applicant only.
import { getCurrentUser } from "@/lib/auth/current-user";
import { getOwnDossier } from "@/lib/dossiers/citizen";
import { receiptData } from "@/lib/dossiers/receipt";
import { renderDossierReceipt } from "@/lib/pdf/receipt";

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const user = await getCurrentUser();
  const d = user ? await getOwnDossier(user, decodeURIComponent((await params).code)) : null;
  if (!d) return new Response("Không tìm thấy hồ sơ.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const pdf = await renderDossierReceipt(receiptData(d));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="giay-tiep-nhan-${d.code}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
