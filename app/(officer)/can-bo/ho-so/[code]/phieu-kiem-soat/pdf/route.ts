// Form 05 (processing-control sheet) as a PDF, for officers of an agency that holds or handed on the dossier; 404 otherwise.
import { requirePermission } from "@/lib/auth/current-user";
import { officerControlSheetPdf } from "@/lib/dossiers/control-sheet";

type Params = { params: Promise<{ code: string }> };

export async function GET(_request: Request, { params }: Params) {
  const code = decodeURIComponent((await params).code);
  const user = await requirePermission("workspace.read", `/can-bo/ho-so/${code}/phieu-kiem-soat/pdf`);
  const pdf = await officerControlSheetPdf(user, code);
  // "Not found", never "forbidden": another agency must not learn that the code exists.
  if (!pdf) return new Response("Không tìm thấy hồ sơ.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(pdf.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.bytes.byteLength),
      "Content-Disposition": `attachment; filename="${pdf.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
