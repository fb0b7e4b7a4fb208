// The door every request passes: a URL that cannot name anything (malformed encoding, NUL bytes) is a 400,
// one with an overlong segment a 414, here, before Next decodes its segments or a page hands its query to the database.
import { NextResponse, type NextRequest } from "next/server";
import { isMalformedUrl, isOverlongPath } from "@/lib/http/segment";

export function proxy(request: NextRequest): NextResponse {
  const url = new URL(request.url);
  if (isMalformedUrl(url)) return new NextResponse("Bad Request", { status: 400 });
  if (isOverlongPath(url)) return new NextResponse("URI Too Long", { status: 414 });
  return NextResponse.next();
}

export const config = { matcher: "/((?!_next/static|_next/image).*)" };
