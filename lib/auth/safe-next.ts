// Where to go after signing in: only a path on this site, never another origin (open redirect).
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return null;
  if (next.startsWith("/api/")) return null;
  return next.slice(0, 500);
}
