// The receipts (form 01) of the dossiers ticked on the queue, as one PDF to print: the queue's bulk form submits
// here (GET, so it works without JavaScript); codes the agency may not see are left out. Nothing printable: back
// to the queue with a message.
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/current-user";
import { bulkReceiptsPdf } from "@/lib/dossiers/bulk";
import { parseQueueParams, queueHref } from "@/lib/dossiers/queue-params";
import { fileDownload } from "@/lib/files/download";
import { selectedCodes } from "../bulk-form";

export async function GET(request: Request) {
  const url = new URL(request.url);
  const user = await requirePermission("workspace.read", `/can-bo/ho-so`);
  const pdf = await bulkReceiptsPdf(user, selectedCodes(url.searchParams));
  if (!pdf) return NextResponse.redirect(new URL(queueHref(parseQueueParams(url.searchParams), { loi: "chua-chon" }), url), 303);
  const fileName = `giay-tiep-nhan-${pdf.printed.length}-ho-so.pdf`;
  // Inline: opened in the browser's viewer, ready to print.
  return fileDownload(pdf.bytes, {
    contentType: "application/pdf",
    fileName,
    headers: { "Content-Disposition": `inline; filename="${fileName}"` },
  });
}
