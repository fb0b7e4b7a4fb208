// The blank declaration form of a procedure or service, as a PDF to print and file on paper. Public, like the
// catalog page it is linked from; drawn from the same form definition the online form uses.
import { cachedProcedureForm } from "@/lib/catalog/procedure-form";
import { fileDownload, notFoundText } from "@/lib/files/download";
import { decodeSegment } from "@/lib/http/segment";
import { blankFormText } from "@/lib/i18n/vi/blank-form";
import { renderBlankForm } from "@/lib/pdf/blank-form";

/** Catalog codes: a national procedure code or a service code (lib/catalog/queries.ts). */
const CODE_RE = /^[0-9A-Z.]{1,40}$/;

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const code = decodeSegment((await params).code);
  const form = code !== null && CODE_RE.test(code) ? await cachedProcedureForm(code) : null;
  if (!form) return notFoundText(blankFormText.notFound);
  const pdf = await renderBlankForm(form.definition, {
    procedureName: form.procedureName,
    procedureCode: form.procedureCode,
    agencyName: form.agencyName,
  });
  // The same for everyone, and it changes only when the form does: cached briefly by browsers and proxies.
  return fileDownload(pdf, {
    contentType: "application/pdf",
    fileName: `to-khai-${form.code}.pdf`,
    cacheControl: "public, max-age=300, stale-while-revalidate=3600",
  });
}
