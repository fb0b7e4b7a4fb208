// The receipts (form 01) of the dossiers ticked on the queue, as one PDF to print: the queue's bulk form submits
// here (GET, so it works without JavaScript); codes the agency may not see are left out. Nothing printable: back
// to the queue with a message.
import { requirePermission } from "@/lib/auth/current-user";
import { bulkReceiptsPdf } from "@/lib/dossiers/bulk";
import { parseQueueParams, queueHref } from "@/lib/dossiers/queue-params";
import { fileDownload } from "@/lib/files/download";
import { selectedCodes } from "../bulk-form";

export async function GET(request: Request) {
  const url = new URL(request.url);
  const user = await requirePermission("workspace.read", `/can-bo/ho-so`);
  const pdf = await bulkReceiptsPdf(user, selectedCodes(url.searchParams));
  // A relative Location: the address the browser used, whatever host the server sees behind its proxy.
  if (!pdf)
    return new Response(null, { status: 303, headers: { Location: queueHref(parseQueueParams(url.searchParams), { loi: "chua-chon" }) } });
  const fileName = `giay-tiep-nhan-${pdf.printed.length}-ho-so.pdf`;
  // Inline: opened in the browser's viewer, ready to print.
  return fileDownload(pdf.bytes, {
    contentType: "application/pdf",
    fileName,
    headers: { "Content-Disposition": `inline; filename="${fileName}"` },
  });
}
