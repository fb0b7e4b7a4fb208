// The filing form's picker of papers from the citizen's document store (lib/papers).
// GET ?dich-vu=&truong=[&tat-ca=1]: the papers of the same kind as that file field (or all of them), as JSON.
// POST { serviceCode, fieldId, paperId }: answers the field with the chosen paper (an attachment sharing its
// bytes), 201 with the stored file as the upload route answers; a refusal is { message, code, fieldErrors }.
import { NextResponse } from "next/server";
import { routePermission } from "@/lib/auth/current-user";
import { unexpectedOr } from "@/lib/auth/door";
import { viaSession } from "@/lib/auth/session-actor";
import { HTTP_STATUS } from "@/lib/errors/app-error";
import { chooseStoredPaper } from "@/lib/filing/attachments";
import { papersText } from "@/lib/i18n/vi/papers";
import { papersForField } from "@/lib/papers/queries";

const NO_STORE = { "Cache-Control": "private, no-store" };

export async function GET(request: Request) {
  const { user, refused } = await routePermission("dossier.file", "/api/kho-giay-to");
  if (refused) return refused;
  const url = new URL(request.url);
  const papers = await papersForField(
    user.id,
    url.searchParams.get("dich-vu") ?? "",
    url.searchParams.get("truong") ?? "",
    url.searchParams.get("tat-ca") === "1",
  );
  if (!papers) return NextResponse.json({ message: papersText.notFound }, { status: 404, headers: NO_STORE });
  return NextResponse.json({ papers }, { headers: NO_STORE });
}

export async function POST(request: Request) {
  let body: unknown = null;
  try {
    body = await request.json();
  } catch {
    // not JSON: the use case's schema refuses it
  }
  const r = await viaSession(chooseStoredPaper, body).catch((err: unknown) => unexpectedOr(err, "attachment.reuse"));
  if (r.ok) return NextResponse.json(r.data, { status: 201, headers: NO_STORE });
  const { message, reason, fieldErrors, reference } = r;
  return NextResponse.json(
    { message, code: reason, fieldErrors, ...(reference ? { reference } : {}) },
    { status: HTTP_STATUS[r.code], headers: NO_STORE },
  );
}
