// The applicant downloads form 02, 03 or 04 issued by event number `seq` of their own dossier; anyone else gets 404.
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { fileDownload, notFoundText } from "@/lib/files/download";
import { applicantFormPdf } from "@/lib/dossiers/control-sheet";
import { decodeSegment } from "@/lib/http/segment";

type Params = { params: Promise<{ code: string; seq: string }> };

export async function GET(_request: Request, { params }: Params) {
  const p = await params;
  const code = decodeSegment(p.code);
  if (code === null) return notFoundText("Không tìm thấy phiếu.");
  const user = await getCurrentUser();
  if (!user) redirect(`/dang-nhap?next=${encodeURIComponent(`/ho-so-cua-toi/${code}/phieu/${p.seq}`)}`);
  // Only plain digits: "1e3" or "2.0" would otherwise parse to an event number the link never named.
  const pdf = /^\d{1,9}$/.test(p.seq) ? await applicantFormPdf(user, code, Number(p.seq)) : null;
  if (!pdf) return notFoundText("Không tìm thấy phiếu.");
  return fileDownload(pdf.bytes, { contentType: "application/pdf", fileName: pdf.fileName });
}
