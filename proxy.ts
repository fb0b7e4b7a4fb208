// The door every request passes: a URL that cannot name anything (malformed encoding, NUL bytes) is a 400,
// one with an overlong segment a 414, here, before Next decodes its segments or a page hands its query to the database.
// Every other request gets its own Content-Security-Policy nonce: set on the response, and on the request so
// that Next puts it on the scripts of the page it renders (every page is rendered per request: app/layout.tsx),
// and Strict-Transport-Security when the request came over HTTPS (lib/security/headers.ts).
// English pages: /en/... is rewritten to the same path without the prefix, with the request header
// x-portal-locale: en (lib/i18n/request.ts); /en itself to the English home (/trang-chu/en). Every page gets
// x-portal-path, its path and query without the prefix (the language switch, components/layout/SiteHeader.tsx).
// Both headers are the proxy's own: a client-sent one is deleted first.
import { NextResponse, type NextRequest } from "next/server";
import { isMalformedUrl, isOverlongPath } from "@/lib/http/segment";
import { isHttpsRequest } from "@/lib/http/forwarded";
import { LOCALE_HEADER, PATH_HEADER, stripEnPrefix } from "@/lib/i18n/locale";
import { contentSecurityPolicy, HSTS, newNonce } from "@/lib/security/headers";

const dev = process.env.NODE_ENV === "development";

export function proxy(request: NextRequest): NextResponse {
  const url = new URL(request.url);
  if (isMalformedUrl(url)) return new NextResponse("Bad Request", { status: 400 });
  if (isOverlongPath(url)) return new NextResponse("URI Too Long", { status: 414 });

  const nonce = newNonce();
  const csp = contentSecurityPolicy({ nonce, dev, eidIssuer: process.env.EID_ISSUER });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.delete(LOCALE_HEADER);
  const english = stripEnPrefix(url.pathname);
  requestHeaders.set(PATH_HEADER, `${english ?? url.pathname}${url.search}`);
  let response: NextResponse;
  if (english === null) {
    response = NextResponse.next({ request: { headers: requestHeaders } });
  } else {
    requestHeaders.set(LOCALE_HEADER, "en");
    const target = new URL(url);
    target.pathname = english === "/" ? "/trang-chu/en" : english;
    response = NextResponse.rewrite(target, { request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", csp);
  // HTTPS: a TLS socket, or X-Forwarded-Proto from a peer listed in TRUSTED_PROXIES (read when the request
  // arrives, so a deployment sets it at start, not at build). Not the URL's scheme: Next derives it from a
  // client's own X-Forwarded-Proto.
  if (isHttpsRequest((n) => request.headers.get(n))) response.headers.set(HSTS.key, HSTS.value);
  return response;
}

export const config = { matcher: "/((?!_next/static|_next/image).*)" };
