// Form 05 (processing-control sheet) as a PDF, for officers of an agency that holds or handed on the dossier; 404 otherwise.
import { requirePermission } from "@/lib/auth/current-user";
import { fileDownload, notFoundText } from "@/lib/files/download";
import { officerControlSheetPdf } from "@/lib/dossiers/control-sheet";
import { decodeSegment } from "@/lib/http/segment";

type Params = { params: Promise<{ code: string }> };

export async function GET(_request: Request, { params }: Params) {
  const code = decodeSegment((await params).code);
  if (code === null) return notFoundText("Không tìm thấy hồ sơ.");
  const user = await requirePermission("workspace.read", `/can-bo/ho-so/${code}/phieu-kiem-soat/pdf`);
  const pdf = await officerControlSheetPdf(user, code);
  // "Not found", never "forbidden": another agency must not learn that the code exists.
  if (!pdf) return notFoundText("Không tìm thấy hồ sơ.");
  return fileDownload(pdf.bytes, { contentType: "application/pdf", fileName: pdf.fileName });
}
