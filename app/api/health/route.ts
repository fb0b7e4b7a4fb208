// Liveness (GET /api/health): the process is up and answers. Asks nothing else, so a database outage
// never makes an orchestrator restart healthy nodes; readiness is /api/ready.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
