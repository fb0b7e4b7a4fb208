// How a file leaves a route handler, in one place: a download (its type, an attachment disposition, its
// length, private and uncached unless the caller says otherwise), or a plain-text 404 that says nothing
// about why ("not found, or not yours": lib/dossiers/visibility).

/** A plain ASCII name goes as filename="…"; any other (Vietnamese diacritics) as RFC 5987 filename*=. */
function disposition(fileName: string): string {
  return /^[\x20-\x7e]+$/.test(fileName) && !/["\\]/.test(fileName)
    ? `attachment; filename="${fileName}"`
    : `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function fileDownload(
  body: Uint8Array | string,
  file: { contentType: string; fileName: string; cacheControl?: string; headers?: Record<string, string> },
): Response {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : new Uint8Array(body);
  return new Response(bytes, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": disposition(file.fileName),
      "Cache-Control": file.cacheControl ?? "private, no-store",
      ...file.headers,
    },
  });
}

/** The 404 of a download route, the same whether the thing is missing or not the caller's to see. */
export function notFoundText(message: string): Response {
  return new Response(message, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
