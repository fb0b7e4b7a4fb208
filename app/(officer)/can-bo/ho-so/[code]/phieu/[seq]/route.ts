// Forms 02, 03 and 04 issued by event number `seq` of a dossier the officer's agency may see, as PDFs; 404 otherwise.
import { requirePermission } from "@/lib/auth/current-user";
import { fileDownload, notFoundText } from "@/lib/files/download";
import { officerFormPdf } from "@/lib/dossiers/control-sheet";
import { decodeSegment } from "@/lib/http/segment";

type Params = { params: Promise<{ code: string; seq: string }> };

export async function GET(_request: Request, { params }: Params) {
  const p = await params;
  const code = decodeSegment(p.code);
  if (code === null) return notFoundText("Không tìm thấy phiếu.");
  const user = await requirePermission("workspace.read", `/can-bo/ho-so/${code}/phieu/${p.seq}`);
  // Only plain digits: "1e3" or "2.0" would otherwise parse to an event number the link never named.
  const pdf = /^\d{1,9}$/.test(p.seq) ? await officerFormPdf(user, code, Number(p.seq)) : null;
  if (!pdf) return notFoundText("Không tìm thấy phiếu.");
  return fileDownload(pdf.bytes, { contentType: "application/pdf", fileName: pdf.fileName });
}
