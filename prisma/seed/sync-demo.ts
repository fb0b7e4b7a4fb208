// Issue 17 (sync-out), demo only: the pilot provinces' one-stop systems (scripts/sync-client/demo-agencies.ts) get
// their fixed API key, their sync endpoint (the reference client's inbox the demo starts) and some services in
// intake mode SYNC. Idempotent: a second run points the endpoints at the new inbox addresses.
import { createHash } from "node:crypto";
import type pg from "pg";
import { SYNC_DEMO_AGENCIES } from "@/scripts/sync-client/demo-agencies";

const sha256 = (v: string) => createHash("sha256").update(v, "utf8").digest("hex");

/** `inboxUrl(identifier)`: where that agency's reference client listens. Returns how many services were switched. */
export async function seedSyncDemo(client: pg.ClientBase, inboxUrl: (identifier: string) => string): Promise<number> {
  let services = 0;
  for (const a of SYNC_DEMO_AGENCIES) {
    const { rows } = await client.query<{ id: number }>(`SELECT id FROM agency WHERE identifier = $1`, [a.identifier]);
    const agencyId = rows[0]?.id;
    if (agencyId === undefined) continue;
    await client.query(
      `INSERT INTO api_key (agency_id, prefix, key_hash, label) VALUES ($1, $2, $3, $4)
       ON CONFLICT (prefix) DO UPDATE SET key_hash = EXCLUDED.key_hash, revoked_at = NULL`,
      [agencyId, a.apiKey.slice(0, 12), sha256(a.apiKey), a.name],
    );
    await client.query(
      `INSERT INTO sync_endpoint (agency_id, url, secret, enabled) VALUES ($1, $2, $3, true)
       ON CONFLICT (agency_id) DO UPDATE SET url = EXCLUDED.url, secret = EXCLUDED.secret, enabled = true, updated_at = now()`,
      [agencyId, inboxUrl(a.identifier), a.secret],
    );
    const r = await client.query(
      `UPDATE service s SET intake_mode = 'SYNC', updated_at = now()
         FROM procedure p WHERE p.id = s.procedure_id AND s.agency_id = $1 AND p.code = ANY($2::text[])`,
      [agencyId, a.procedures],
    );
    services += r.rowCount ?? 0;
  }
  return services;
}
