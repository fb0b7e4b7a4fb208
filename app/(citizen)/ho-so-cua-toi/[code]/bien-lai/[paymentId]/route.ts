// Download the electronic fee receipt of a paid payment; anyone but the dossier's applicant gets 404.
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { fileDownload, notFoundText } from "@/lib/files/download";
import { paymentReceiptPdf } from "@/lib/payments/payments";

type Params = { params: Promise<{ code: string; paymentId: string }> };

export async function GET(_request: Request, { params }: Params) {
  const { code, paymentId } = await params;
  const user = await getCurrentUser();
  const path = `/ho-so-cua-toi/${code}/bien-lai/${paymentId}`;
  if (!user) redirect(`/dang-nhap?next=${encodeURIComponent(path)}`);
  const receipt = await paymentReceiptPdf(user, paymentId);
  // The code in the address must be the receipt's own dossier, so a link never shows one dossier's receipt under another.
  if (!receipt || receipt.dossierCode !== code) {
    return notFoundText("Không tìm thấy biên lai.");
  }
  return fileDownload(receipt.bytes, { contentType: "application/pdf", fileName: `bien-lai-${receipt.receiptNo}.pdf` });
}
