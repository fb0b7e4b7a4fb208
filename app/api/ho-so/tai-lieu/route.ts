// Upload one paper: the body is the file itself (so the browser can report progress and the size
// limit is enforced while reading). ?dich-vu=&truong= for a draft's field, ?ho-so= for a supplement.
// Every answer is JSON: the stored file (201), or { message, code, fieldErrors, reference? } with the
// failure's status; components/filing/upload.ts shows the message. DELETE ?dich-vu=&truong= takes the paper
// off that field of the citizen's own draft before submission ({ removed }, 200).
import { NextResponse } from "next/server";
import { unexpectedOr } from "@/lib/auth/door";
import { viaSession } from "@/lib/auth/session-actor";
import { HTTP_STATUS, type ActionResult } from "@/lib/errors/app-error";
import { removeDraftPaper, uploadDraftPaper, uploadSupplement, type StoredFile } from "@/lib/filing/attachments";
import { readLimited } from "@/lib/http/body";
import { MAX_FILE_BYTES } from "@/lib/files/sniff";

function headerName(request: Request): string {
  const raw = request.headers.get("x-file-name") ?? "tai-lieu";
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

async function store(request: Request): Promise<ActionResult<StoredFile>> {
  const url = new URL(request.url);
  const fileName = headerName(request);
  const bytes = await readLimited(request.body, MAX_FILE_BYTES);
  const dossierCode = url.searchParams.get("ho-so");
  return dossierCode
    ? viaSession(uploadSupplement, { code: dossierCode, fileName, bytes })
    : viaSession(uploadDraftPaper, {
        serviceCode: url.searchParams.get("dich-vu") ?? "",
        fieldId: url.searchParams.get("truong") ?? "",
        fileName,
        bytes,
      });
}

export async function POST(request: Request) {
  const r = await store(request).catch((err: unknown) => unexpectedOr(err, "attachment.upload"));
  if (r.ok) return NextResponse.json(r.data, { status: 201 });
  const { message, reason, fieldErrors, reference } = r;
  return NextResponse.json(
    { message, code: reason, fieldErrors, ...(reference ? { reference } : {}) },
    { status: HTTP_STATUS[r.code], headers: { "Cache-Control": "no-store" } },
  );
}

export async function DELETE(request: Request) {
  const url = new URL(request.url);
  const r = await viaSession(removeDraftPaper, {
    serviceCode: url.searchParams.get("dich-vu") ?? "",
    fieldId: url.searchParams.get("truong") ?? "",
  }).catch((err: unknown) => unexpectedOr(err, "attachment.remove"));
  if (r.ok) return NextResponse.json(r.data, { headers: { "Cache-Control": "no-store" } });
  const { message, reason, fieldErrors, reference } = r;
  return NextResponse.json(
    { message, code: reason, fieldErrors, ...(reference ? { reference } : {}) },
    { status: HTTP_STATUS[r.code], headers: { "Cache-Control": "no-store" } },
  );
}
