// The benchmark's data generator at its tiny scale, on the test database inside a transaction that is
// rolled back: the exact counts it promises, and data the scenarios rely on (documents never addressed
// to their sender, unique dossier codes in the national format, every generated account able to sign in).
import { describe, expect, it, vi } from "vitest";
import { withClient } from "@/lib/db/admin";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { verifyChain, type ChainedEvent } from "@/lib/dossiers/chain";
import { isDossierCode } from "@/lib/dossiers/code";
import { BENCH_PASSWORD, generate, SCALES } from "@/scripts/bench/generate";

const n = async (c: { query: (sql: string) => Promise<{ rows: { n: string | number }[] }> }, sql: string) =>
  Number((await c.query(sql)).rows[0]?.n);

describe("bench generator, tiny scale", () => {
  it("adds exactly the scale's rows with set-based statements, and they are usable", async () => {
    const tiny = SCALES.tiny;
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    await withClient(process.env.DATABASE_URL!, async (c) => {
      await c.query("BEGIN");
      try {
        const before = {
          services: await n(c, "SELECT count(*) AS n FROM service"),
          procedures: await n(c, "SELECT count(*) AS n FROM procedure"),
          agencies: await n(c, "SELECT count(*) AS n FROM agency"),
          users: await n(c, "SELECT count(*) AS n FROM app_user"),
          dossiers: await n(c, "SELECT count(*) AS n FROM dossier"),
          documents: await n(c, "SELECT count(*) AS n FROM document"),
          recipients: await n(c, "SELECT count(*) AS n FROM document_recipient"),
        };
        // Count the INSERT statements: one per table, whatever the number of rows (the spy calls through).
        const spy = vi.spyOn(c, "query");
        const counts = await generate(c, tiny, { passwordHash });
        const statements = spy.mock.calls.map(([sql]) => sql).filter((sql) => typeof sql === "string" && /^\s*INSERT/i.test(sql));
        spy.mockRestore();

        const addedServices = Math.max(0, tiny.services - before.services);
        // Eight tables (form_version included), and the dossiers' chained history (one INSERT per batch of events; one batch at this scale).
        expect(statements).toHaveLength(9);
        expect(counts).toMatchObject({
          procedures: Math.ceil(addedServices / before.agencies),
          services: addedServices,
          citizens: tiny.citizens,
          officers: before.agencies,
          dossiers: tiny.dossiers,
          events: expect.any(Number),
          documents: tiny.documents,
          recipients: tiny.documents,
        });
        expect(await n(c, "SELECT count(*) AS n FROM service")).toBe(Math.max(before.services, tiny.services));
        expect(await n(c, "SELECT count(*) AS n FROM procedure")).toBe(before.procedures + counts.procedures);
        expect(await n(c, "SELECT count(*) AS n FROM app_user")).toBe(before.users + tiny.citizens + before.agencies);
        expect(await n(c, "SELECT count(*) AS n FROM dossier")).toBe(before.dossiers + tiny.dossiers);
        expect(await n(c, "SELECT count(*) AS n FROM document")).toBe(before.documents + tiny.documents);
        expect(await n(c, "SELECT count(*) AS n FROM document_recipient")).toBe(before.recipients + tiny.documents);

        // Documents go to another agency; dossiers have national codes and folded names for search.
        expect(
          await n(
            c,
            "SELECT count(*) AS n FROM document_recipient r JOIN document d ON d.id = r.document_id WHERE r.agency_id = d.sender_agency_id",
          ),
        ).toBe(0);
        const dossiers = (await c.query("SELECT code, applicant_search FROM dossier WHERE idempotency_key LIKE 'bench-%'")).rows as {
          code: string;
          applicant_search: string;
        }[];
        expect(dossiers).toHaveLength(tiny.dossiers);
        expect(
          dossiers.every(
            (d) => isDossierCode(d.code) && d.applicant_search !== "" && !/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễđ]/.test(d.applicant_search),
          ),
        ).toBe(true);
        // Generated services are searchable without diacritics and use the small benchmark form.
        if (addedServices > 0) {
          expect(await n(c, "SELECT count(*) AS n FROM service WHERE code LIKE '0.%' AND search_text LIKE '%(mau %'")).toBe(addedServices);
        }
        // The dossiers' histories are chained as the app chains its own: the integrity check finds nothing.
        const events = (
          await c.query(`
            SELECT e.dossier_id AS "dossierId", e.seq, e.at, e.actor_id AS "actorId", e.action, e.from_status AS "fromStatus",
                   e.to_status AS "toStatus", e.note, e.data, e.prev_hash AS "prevHash", e.hash, d.version, d.status
            FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id
            WHERE d.idempotency_key LIKE 'bench-%' ORDER BY e.dossier_id, e.seq`)
        ).rows as (ChainedEvent & { version: number; status: number })[];
        expect(counts.events).toBe(events.length);
        const byDossier = new Map<string, typeof events>();
        for (const e of events) byDossier.set(e.dossierId, [...(byDossier.get(e.dossierId) ?? []), e]);
        expect(byDossier.size).toBe(tiny.dossiers);
        for (const chain of byDossier.values()) {
          expect(verifyChain(chain)).toEqual([]);
          expect(chain.length).toBe(chain[0]!.version);
          expect(chain.at(-1)!.toStatus).toBe(chain[0]!.status);
        }
        // Every generated account carries the one hash, which the benchmark password verifies.
        const hashes = (await c.query("SELECT DISTINCT password_hash FROM app_user WHERE email LIKE 'bench.%'")).rows as {
          password_hash: string;
        }[];
        expect(hashes).toHaveLength(1);
        expect(await verifyPassword(hashes[0]!.password_hash, BENCH_PASSWORD)).toBe(true);
      } finally {
        await c.query("ROLLBACK");
      }
    });
  });
});
