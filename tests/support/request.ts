// The pretend request of an integration test (see setup-request.ts).
export const request: { ip: string; sessionId?: string } = { ip: "203.0.113.7" };

let n = 0;
/** A fresh documentation-range address, so rate limits of one test do not touch another. */
export function freshIp(): string {
  n += 1;
  return `198.51.100.${n % 250}`;
}
