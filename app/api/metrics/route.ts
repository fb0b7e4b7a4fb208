// Prometheus metrics (GET /api/metrics, lib/ops/metrics.ts) for the bearer of METRICS_TOKEN; 404 when it is unset.
import { metricsAccess } from "@/lib/ops/metrics-token";
import { metricsText } from "@/lib/ops/metrics";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const access = metricsAccess(request.headers.get("authorization"));
  if (access === "disabled") return new Response("Not Found", { status: 404 });
  if (access === "unauthorized")
    return new Response("Unauthorized", {
      status: 401,
      headers: { "WWW-Authenticate": 'Bearer realm="metrics"', "Cache-Control": "no-store" },
    });
  const { contentType, body } = await metricsText();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
