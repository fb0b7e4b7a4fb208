// The door every request passes: a URL that cannot name anything (malformed encoding, NUL bytes) is a 400
// here, before Next decodes its segments or a page hands its query to the database.
import { NextResponse, type NextRequest } from "next/server";
import { isMalformedUrl } from "@/lib/http/segment";

export function proxy(request: NextRequest): NextResponse {
  if (isMalformedUrl(new URL(request.url))) return new NextResponse("Bad Request", { status: 400 });
  return NextResponse.next();
}

export const config = { matcher: "/((?!_next/static|_next/image).*)" };
