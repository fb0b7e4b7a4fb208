// Upload one paper: the body is the file itself (so the browser can report progress and the size
// limit is enforced while reading). ?dich-vu=&truong= for a draft's field, ?ho-so= for a supplement.
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { DomainError, HTTP_STATUS } from "@/lib/errors/app-error";
import { requestMeta } from "@/lib/auth/request-meta";
import { attachSupplement, attachToDraft } from "@/lib/filing/attachments";
import { readLimited } from "@/lib/http/body";
import { MAX_FILE_BYTES } from "@/lib/files/sniff";

export async function POST(request: Request) {
  const url = new URL(request.url);
  const fileName = decodeURIComponent(request.headers.get("x-file-name") ?? "tai-lieu");
  try {
    const bytes = await readLimited(request.body, MAX_FILE_BYTES);
    const [user, meta] = await Promise.all([getCurrentUser(), requestMeta()]);
    const dossierCode = url.searchParams.get("ho-so");
    const stored = dossierCode
      ? await attachSupplement(user, { code: dossierCode, fileName, bytes }, meta)
      : await attachToDraft(
          user,
          { serviceCode: url.searchParams.get("dich-vu") ?? "", fieldId: url.searchParams.get("truong") ?? "", fileName, bytes },
          meta,
        );
    return NextResponse.json(stored, { status: 201 });
  } catch (err) {
    if (err instanceof DomainError) return NextResponse.json({ message: err.message }, { status: HTTP_STATUS[err.code] });
    throw err;
  }
}
