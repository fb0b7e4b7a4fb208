// Readiness (GET /api/ready): 200 when this node can serve (database, migrations, storage), 503 with the
// failing check otherwise, so the load balancer sends it no traffic (lib/ops/readiness.ts).
import { readiness } from "@/lib/ops/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const r = await readiness();
  return Response.json(
    { status: r.ready ? "ready" : "not_ready", checks: r.checks },
    { status: r.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
