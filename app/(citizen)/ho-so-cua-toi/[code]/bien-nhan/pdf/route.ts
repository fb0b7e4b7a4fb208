// Form 01 as a PDF, for the applicant only.
import { getCurrentUser } from "@/lib/auth/current-user";
import { getOwnDossier } from "@/lib/dossiers/citizen";
import { receiptData } from "@/lib/dossiers/receipt";
import { dossierAnswersView, filedFee } from "@/lib/forms/dossier-view";
import { fileDownload, notFoundText } from "@/lib/files/download";
import { cachedDossierReceipt } from "@/lib/pdf/receipt-cache";
import { decodeSegment } from "@/lib/http/segment";

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const user = await getCurrentUser();
  const code = decodeSegment((await params).code);
  const d = user && code !== null ? await getOwnDossier(user, code) : null;
  if (!d) return notFoundText("Không tìm thấy hồ sơ.");
  const pdf = await cachedDossierReceipt(d.id, receiptData(d, await dossierAnswersView(d), filedFee(d.feeSnapshot)));
  return fileDownload(pdf, { contentType: "application/pdf", fileName: `giay-tiep-nhan-${d.code}.pdf` });
}
