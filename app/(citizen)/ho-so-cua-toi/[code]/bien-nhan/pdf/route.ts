// Form 01 as a PDF, for the applicant only.
import { getCurrentUser } from "@/lib/auth/current-user";
import { getOwnDossier } from "@/lib/dossiers/citizen";
import { receiptData } from "@/lib/dossiers/receipt";
import { fileDownload, notFoundText } from "@/lib/files/download";
import { renderDossierReceipt } from "@/lib/pdf/receipt";

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const user = await getCurrentUser();
  const d = user ? await getOwnDossier(user, decodeURIComponent((await params).code)) : null;
  if (!d) return notFoundText("Không tìm thấy hồ sơ.");
  const pdf = await renderDossierReceipt(receiptData(d));
  return fileDownload(pdf, { contentType: "application/pdf", fileName: `giay-tiep-nhan-${d.code}.pdf` });
}
