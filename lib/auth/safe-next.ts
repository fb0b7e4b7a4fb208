// Where to go after signing in (or back from the bank): only a path on this site, never another origin (open redirect).
const HERE = "http://portal.invalid";

export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || !next.startsWith("/") || next.length > 500) return null;
  // Browsers drop tabs and newlines from a URL and read "\" as "/", so "/\t/evil.example" and "/\evil.example"
  // are "//evil.example": refuse control characters, spaces and backslashes outright.
  if (/[\u0000-\u0020\u007f\\]/.test(next)) return null;
  let url: URL;
  try {
    url = new URL(next, HERE);
  } catch {
    return null;
  }
  if (url.origin !== HERE || url.pathname.startsWith("//") || url.pathname.startsWith("/api/")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
