// Dynamic path segments as a route receives them: decoded once, and a malformed percent-encoding ("%",
// "%E0%A4%A") is "no such thing" (null → 404) rather than a URIError escaping as a 500.
export function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch (err) {
    if (err instanceof URIError) return null;
    throw err;
  }
}

/**
 * A request URL no page or route can honour: a path whose percent-encoding is not UTF-8 ("%", "%E0%A4%A", the
 * overlong "%C0%AF") — Next would throw decoding its segments — or a NUL / control character anywhere in the
 * decoded path or query, which PostgreSQL text cannot hold. Answered 400 at the door (proxy.ts).
 */
export function isMalformedUrl(url: URL): boolean {
  const path = url.pathname.split("/").map(decodeSegment);
  if (path.some((s) => s === null || /[\u0000-\u001f\u007f]/.test(s))) return true;
  for (const [k, v] of url.searchParams) if (/[\u0000-\u001f\u007f]/.test(k) || /[\u0000\u007f]/.test(v)) return true;
  return false;
}

/** No path segment of the portal is longer (codes, identifiers, slugs); file systems refuse longer names. */
const MAX_SEGMENT_CHARS = 255;

/**
 * A path with a segment longer than any the portal names: answered 414 at the door, so that no page renders
 * it or tries to cache it under a file name the file system refuses.
 */
export function isOverlongPath(url: URL): boolean {
  return url.pathname.split("/").some((s) => s.length > MAX_SEGMENT_CHARS);
}
