// Who may read /api/metrics: the bearer of METRICS_TOKEN. Unset, the endpoint does not exist (404), so a
// node never publishes its figures by default.
import { createHash, timingSafeEqual } from "node:crypto";

type MetricsAccess = "allowed" | "disabled" | "unauthorized";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/** Compares digests, so the time taken tells nothing of the token, not even its length. */
export function metricsAccess(authorization: string | null, token: string | undefined = process.env.METRICS_TOKEN): MetricsAccess {
  if (!token) return "disabled";
  const match = /^Bearer (.+)$/i.exec(authorization?.trim() ?? "");
  if (!match) return "unauthorized";
  return timingSafeEqual(digest(match[1]!), digest(token)) ? "allowed" : "unauthorized";
}
