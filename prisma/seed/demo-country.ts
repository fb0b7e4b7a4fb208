// Demo data for `npm run demo`: a believable country for the monitoring pages. Every central body and
// province gets a connection profile (most both ways, some receiving only, a few testing or not yet
// connected), a spread of services by online level, and ~90 days of documents, status messages,
// exchange-log rows and dossiers with their hash-chained histories (./dossier-history.ts). Generated set-based in SQL (generate_series), deterministic (every
// "random" choice is a hash of ids and dates, never random()), labelled and idempotent:
// - every generated or changed row is listed in `demo_data` (entity, id; for changed services the
//   level it had), and the seed does nothing when that table has rows;
// - documents' subjects and dossiers' applicant names start with "[Dữ liệu mẫu]", and the dossiers
//   belong to the account dulieumau@dichvucong.example, which cannot sign in.
// It never runs in production, and not in the test databases (tests/support/global-db.ts, --e2e).
// HCMC (H29), VPCP (G22) and Justice (G15), the agencies of the walkthroughs, keep their services as seeded.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { assertNotProduction } from "./demo";
import { historyLengthSql, writeDossierHistories } from "./dossier-history";

export const DEMO_LABEL = "[Dữ liệu mẫu]";
export const DEMO_APPLICANT_EMAIL = "dulieumau@dichvucong.example";
/** Documents: the last 90 days; dossiers: a year, thin at first (the monthly charts show adoption growing). */
const DAYS = 90;
const DOSSIER_DAYS = 365;

/** A deterministic number in 0..2^31-1 from a text key (SQL expression). */
const h = (key: string) => `((('x' || substr(md5(${key}), 1, 8))::bit(32)::int) & 2147483647)`;

export interface DemoCountryCounts {
  skipped: boolean;
  documents: number;
  dossiers: number;
  exchanges: number;
}

export async function seedDemoCountry(client: pg.ClientBase, now: Date = new Date()): Promise<DemoCountryCounts> {
  assertNotProduction();
  const done = await client.query("SELECT 1 FROM demo_data LIMIT 1");
  if (done.rowCount) return { skipped: true, documents: 0, dossiers: 0, exchanges: 0 };
  await client.query("BEGIN");
  try {
    const counts = await generate(client, now);
    await client.query("COMMIT");
    return { skipped: false, ...counts };
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  }
}

async function generate(client: pg.ClientBase, now: Date): Promise<Omit<DemoCountryCounts, "skipped">> {
  const q = async (sql: string, params: unknown[] = []) => {
    const t = Date.now();
    const r = await client.query(sql, params);
    if (process.env.DEMO_SEED_TIMING) console.log(Date.now() - t, "ms", sql.trim().slice(0, 60).replace(/\s+/g, " "));
    return r;
  };
  const nowIso = now.toISOString();

  // Who is connected how: ranked by a hash within central bodies and provinces; the walkthrough agencies both ways.
  await q(`
    CREATE TEMP TABLE demo_profile ON COMMIT DROP AS
    SELECT a.id, a.identifier, a.kind::text AS kind, a.short_name,
           CASE WHEN a.kind = 'PROVINCE' THEN 'UBND' ELSE a.short_name END AS organ,
           CASE WHEN a.identifier IN ('000.00.00.H29', '000.00.00.G22', '000.00.00.G15') THEN 'BOTH_WAYS'
                WHEN a.kind <> 'PROVINCE' AND rk <= 2 THEN 'NOT_CONNECTED'
                WHEN a.kind <> 'PROVINCE' AND rk <= 5 THEN 'TESTING'
                WHEN a.kind <> 'PROVINCE' AND rk <= 13 THEN 'RECEIVING_ONLY'
                WHEN a.kind = 'PROVINCE' AND rk <= 2 THEN 'NOT_CONNECTED'
                WHEN a.kind = 'PROVINCE' AND rk <= 4 THEN 'TESTING'
                WHEN a.kind = 'PROVINCE' AND rk <= 18 THEN 'RECEIVING_ONLY'
                ELSE 'BOTH_WAYS' END AS profile,
           rk,
           (${h("a.identifier || ':push'")} % 4 = 0) AS push,
           ${h("a.identifier || ':behind'")} % 26 AS behind_pct
    FROM (
      SELECT a.*, row_number() OVER (PARTITION BY a.kind = 'PROVINCE'
                                     ORDER BY a.identifier IN ('000.00.00.H29', '000.00.00.G22', '000.00.00.G15'), ${h("a.identifier")}) AS rk
      FROM agency a WHERE a.kind <> 'UNIT' AND a.valid_to IS NULL
    ) a`);

  // Services: agencies behind on Resolution 36a keep part of their services at level 2 (a few at level 1).
  await q(`
    WITH changed AS (
      UPDATE service s SET online_level = CASE WHEN ${h("s.code || ':l1'")} % 5 = 0 THEN 1 ELSE 2 END
      FROM demo_profile p, service o
      WHERE o.id = s.id AND s.agency_id = p.id AND p.identifier NOT IN ('000.00.00.H29', '000.00.00.G22', '000.00.00.G15')
        AND ${h("s.code")} % 100 < p.behind_pct
      RETURNING s.id, o.online_level AS before
    )
    INSERT INTO demo_data (entity, entity_id, note) SELECT 'service', id::text, 'online_level ' || before FROM changed`);

  // What VPCP recorded: testers, and a few receiving-only agencies connected before the log existed.
  await q(
    `
    WITH ins AS (
      INSERT INTO agency_connection_record (agency_id, kind, connected_since, note, recorded_by_id, recorded_at)
      SELECT p.id,
             (CASE WHEN p.profile = 'TESTING' THEN 'TESTING' ELSE 'RECEIVING_ONLY' END)::"ConnectionRecordKind",
             CASE WHEN p.profile = 'TESTING' THEN NULL ELSE DATE '2016-03-15' END,
             '${DEMO_LABEL} ' || CASE WHEN p.profile = 'TESTING' THEN 'Đang thử nghiệm kết nối với trục liên thông.' ELSE 'Đã kết nối từ tháng 3/2016 theo báo cáo của cơ quan.' END,
             (SELECT id FROM app_user WHERE email = 'quantri@vpcp.example'),
             $1::timestamptz - interval '20 days'
      FROM demo_profile p
      WHERE p.profile = 'TESTING' OR (p.profile = 'RECEIVING_ONLY' AND p.rk % 4 = 0)
      RETURNING id
    )
    INSERT INTO demo_data (entity, entity_id) SELECT 'agency_connection_record', id::text FROM ins`,
    [nowIso],
  );

  // Documents: each both-ways agency sends on about half of the working days (VPCP on every one, often twice).
  await q(
    `
    CREATE TEMP TABLE demo_doc ON COMMIT DROP AS
    SELECT x.*, md5('demo-doc:' || x.identifier || ':' || x.day || ':' || x.k)::uuid AS message_id,
           row_number() OVER (PARTITION BY x.id, extract(year FROM x.sent_at) ORDER BY x.sent_at, x.k) AS number
    FROM (
      SELECT p.id, p.identifier, p.organ, p.kind, g::date AS day, k,
             (g::date + time '08:00' + (${h("p.identifier || g::date || k")} % 540) * interval '1 minute') AT TIME ZONE 'Asia/Ho_Chi_Minh' AS sent_at
      FROM demo_profile p
      CROSS JOIN generate_series((($1::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - ${DAYS})::timestamp,
                                 (($1::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - 1)::timestamp, interval '1 day') AS g
      CROSS JOIN generate_series(1, 2) AS k
      WHERE p.profile = 'BOTH_WAYS' AND extract(isodow FROM g) < 6
        AND (k = 1 AND (p.identifier = '000.00.00.G22' OR ${h("p.identifier || g::date")} % 2 = 0)
             OR k = 2 AND p.identifier = '000.00.00.G22' AND ${h("'vpcp2' || g::date")} % 2 = 0)
    ) x`,
    [nowIso],
  );

  await q(`
    INSERT INTO document (id, message_id, sender_agency_id, document_key, number, notation, type_code, type_name, year,
                          promulgation_place, promulgation_date, subject, content, signer_position, signer_name, priority, sha256, sent_at)
    SELECT d.message_id, d.message_id, d.id,
           d.identifier || ',' || to_char(d.day, 'YYYY/MM/DD') || ',' || d.number || '/BC-' || d.organ || '-DLM',
           d.number, 'BC-' || d.organ || '-DLM', 'BC', 'Báo cáo', extract(year FROM d.sent_at)::int,
           'Hà Nội', d.day,
           '${DEMO_LABEL} ' || (ARRAY['Báo cáo tình hình triển khai Nghị quyết 36a/NQ-CP', 'Báo cáo kết quả giải quyết thủ tục hành chính',
                                      'V/v kết nối liên thông văn bản điện tử', 'Báo cáo tiến độ cung cấp dịch vụ công trực tuyến mức độ 3, 4',
                                      'V/v rà soát danh mục thủ tục hành chính', 'Báo cáo công tác cải cách hành chính quý'])[1 + ${h("d.message_id::text")} % 6],
           'Văn bản mẫu do hệ thống tạo cho bản trình diễn.', 'CHÁNH VĂN PHÒNG', 'Nguyễn Văn Mẫu',
           CASE WHEN ${h("d.message_id::text || 'p'")} % 10 = 0 THEN 1 ELSE 0 END,
           encode(sha256(convert_to(d.message_id::text, 'UTF8')), 'hex'), d.sent_at
    FROM demo_doc d`);
  await q(`INSERT INTO demo_data (entity, entity_id) SELECT 'document', message_id::text FROM demo_doc`);
  await q(`
    INSERT INTO document_number_sequence (agency_id, type_code, year, last)
    SELECT id, 'BC', extract(year FROM sent_at)::int, max(number) FROM demo_doc GROUP BY 1, 2, 3
    ON CONFLICT (agency_id, type_code, year) DO UPDATE SET last = GREATEST(document_number_sequence.last, EXCLUDED.last)`);

  // Recipients: connected agencies (and testers now and then) chosen by hash; VPCP's go to many.
  await q(`
    CREATE TEMP TABLE demo_rcpt ON COMMIT DROP AS
    SELECT md5(d.message_id::text || ':' || p.id)::uuid AS id, d.message_id AS document_id, d.id AS sender_id, p.id AS agency_id, p.profile, p.push,
           d.sent_at, d.sent_at + ((CASE WHEN p.push THEN 300 + ${h("d.message_id::text || p.id")} % 4000 ELSE 20 + ${h("d.message_id::text || p.id")} % 200 END) * interval '1 millisecond') AS arrived_at,
           (CASE WHEN p.push THEN ${h("d.message_id::text || p.id || 'f'")} % 25 = 0 ELSE false END) AS failed_first
    FROM demo_doc d JOIN demo_profile p ON p.id <> d.id AND p.profile IN ('BOTH_WAYS', 'RECEIVING_ONLY', 'TESTING')
    WHERE ${h("d.message_id::text || ':' || p.id")} % (CASE WHEN d.identifier = '000.00.00.G22' THEN 6 WHEN p.profile = 'TESTING' THEN 400 ELSE 45 END) = 0`);
  await q(
    `
    INSERT INTO document_recipient (id, document_id, agency_id, status, arrival_number, arrived_at, acknowledged_at, updated_at, version)
    SELECT r.id, r.document_id, r.agency_id,
           CASE WHEN r.profile <> 'BOTH_WAYS' THEN '01' WHEN r.arrived_at < $1::timestamptz - interval '5 days' THEN '06' ELSE '03' END,
           CASE WHEN r.profile = 'BOTH_WAYS' THEN row_number() OVER (PARTITION BY r.agency_id, extract(year FROM r.arrived_at) ORDER BY r.arrived_at) END,
           r.arrived_at, CASE WHEN r.push THEN r.arrived_at END, r.arrived_at,
           CASE WHEN r.profile <> 'BOTH_WAYS' THEN 1 WHEN r.arrived_at < $1::timestamptz - interval '5 days' THEN 4 ELSE 2 END
    FROM demo_rcpt r`,
    [nowIso],
  );
  await q(`INSERT INTO demo_data (entity, entity_id) SELECT 'document_recipient', id::text FROM demo_rcpt`);

  // Status history: 01 on arrival; both-ways recipients accept (03) within hours, assign (04) and complete (06) within days.
  await q(
    `
    CREATE TEMP TABLE demo_event ON COMMIT DROP AS
    SELECT r.id AS recipient_id, r.sender_id, r.agency_id, s.status,
           CASE s.status WHEN '01' THEN r.arrived_at
                         WHEN '03' THEN r.arrived_at + (30 + ${h("r.id::text || '03'")} % 240) * interval '1 minute'
                         WHEN '04' THEN r.arrived_at + (300 + ${h("r.id::text || '04'")} % 1200) * interval '1 minute'
                         ELSE r.arrived_at + (2 + ${h("r.id::text || '06'")} % 3) * interval '1 day' END AS at
    FROM demo_rcpt r
    CROSS JOIN (VALUES ('01'), ('03'), ('04'), ('06')) AS s(status)
    WHERE s.status = '01'
       OR (r.profile = 'BOTH_WAYS' AND (s.status = '03' OR r.arrived_at < $1::timestamptz - interval '5 days'))`,
    [nowIso],
  );
  await q(`
    WITH ins AS (
      INSERT INTO document_status_event (recipient_id, status, at, staff_name, department, description)
      SELECT recipient_id, status, at, CASE WHEN status = '01' THEN NULL ELSE 'Văn thư (dữ liệu mẫu)' END, CASE WHEN status = '01' THEN NULL ELSE 'Văn phòng' END, NULL
      FROM demo_event ORDER BY at
      RETURNING id
    )
    INSERT INTO demo_data (entity, entity_id) SELECT 'document_status_event', id::text FROM ins`);

  // The exchange log, as the portal would have written it.
  await q(`
    CREATE TEMP TABLE demo_log ON COMMIT DROP AS
    -- the sender's portal send
    SELECT d.id AS agency_id, 'in' AS direction, 'portal-send' AS operation, k.document_key, d.sent_at AS request_in_at,
           NULL::timestamptz AS request_out_at, NULL::timestamptz AS response_in_at, d.sent_at + interval '150 milliseconds' AS response_out_at,
           true AS success, NULL AS fault_code, 2000 + ${h("k.document_key")} % 30000 AS size
    FROM demo_doc d JOIN document k ON k.id = d.message_id
    UNION ALL
    -- a failed first push, retried (the success below)
    SELECT r.agency_id, 'out', 'push', k.document_key, r.sent_at, r.sent_at + interval '1 second', NULL, r.sent_at + interval '11 seconds',
           false, (ARRAY['timeout', 'http_503', 'network'])[1 + ${h("r.id::text")} % 3], 4000
    FROM demo_rcpt r JOIN document k ON k.id = r.document_id WHERE r.failed_first
    UNION ALL
    -- each delivery: into the portal register, or pushed to the agency's endpoint
    SELECT r.agency_id, 'out', CASE WHEN r.push THEN 'push' ELSE 'deliver' END, k.document_key, r.sent_at,
           r.arrived_at - interval '10 milliseconds' + CASE WHEN r.failed_first THEN interval '30 seconds' ELSE interval '0' END,
           r.arrived_at + CASE WHEN r.failed_first THEN interval '30 seconds' ELSE interval '0' END,
           r.arrived_at + interval '5 milliseconds' + CASE WHEN r.failed_first THEN interval '30 seconds' ELSE interval '0' END,
           true, NULL, CASE WHEN r.push THEN 4000 ELSE 0 END
    FROM demo_rcpt r JOIN document k ON k.id = r.document_id
    UNION ALL
    -- each status a recipient set in the portal, and its delivery to the sender
    SELECT e.agency_id, 'in', 'portal-status', k.document_key, e.at, NULL, NULL, e.at + interval '80 milliseconds', true, NULL, 0
    FROM demo_event e JOIN document_recipient r ON r.id = e.recipient_id JOIN document k ON k.id = r.document_id WHERE e.status <> '01'
    UNION ALL
    SELECT e.sender_id, 'out', 'deliver', k.document_key, e.at, e.at + interval '90 milliseconds', e.at + interval '95 milliseconds', e.at + interval '95 milliseconds', true, NULL, 0
    FROM demo_event e JOIN document_recipient r ON r.id = e.recipient_id JOIN document k ON k.id = r.document_id WHERE e.status <> '01'`);
  await q(`
    WITH ins AS (
      INSERT INTO exchange_log (agency_id, direction, operation, document_key, request_in_at, request_out_at, response_in_at, response_out_at, success, fault_code, size)
      SELECT agency_id, direction, operation, document_key, request_in_at, request_out_at, response_in_at, response_out_at, success, fault_code, size
      FROM demo_log ORDER BY request_in_at
      RETURNING id
    )
    INSERT INTO demo_data (entity, entity_id) SELECT 'exchange_log', id::text FROM ins`);

  // A few pushes that never got through: dead letters for agencies with endpoints.
  await q(`
    WITH ins AS (
      INSERT INTO outbox_message (kind, payload, status, attempts, next_attempt_at, last_error, created_at, agency_id)
      SELECT 'document.push', jsonb_build_object('type', 'document', 'agencyId', r.agency_id, 'recipientId', r.id, 'demo', true), 'DEAD', 8,
             r.sent_at + interval '1 day', 'http_503 (dữ liệu mẫu)', r.sent_at, r.agency_id
      FROM demo_rcpt r WHERE r.push AND ${h("r.id::text || 'dead'")} % 150 = 0
      RETURNING id
    )
    INSERT INTO demo_data (entity, entity_id) SELECT 'outbox_message', id::text FROM ins`);

  // Dossiers: a demo applicant who cannot sign in, and about one dossier a working day per agency (two for some provinces, three for HCMC).
  const applicant = await q(
    `INSERT INTO app_user (role, full_name, email, password_hash) VALUES ('CITIZEN', $1, $2, $3)
     ON CONFLICT (email) DO UPDATE SET full_name = EXCLUDED.full_name RETURNING id`,
    [`${DEMO_LABEL} Người nộp`, DEMO_APPLICANT_EMAIL, await hashPassword(randomBytes(24).toString("base64url"))],
  );
  const applicantId = (applicant.rows[0] as { id: string }).id;
  await q(`UPDATE app_user SET disabled_at = $2::timestamptz WHERE id = $1 AND disabled_at IS NULL`, [applicantId, nowIso]);
  await q(`INSERT INTO demo_data (entity, entity_id) VALUES ('app_user', $1)`, [applicantId]);

  // The agency's services numbered, so a dossier picks one by a hash with an equality join.
  await q(`
    CREATE TEMP TABLE demo_service ON COMMIT DROP AS
    SELECT s.agency_id, s.id, s.online_level, v.definition AS form_definition, s.channels, row_number() OVER (PARTITION BY s.agency_id ORDER BY s.id) AS n
    FROM service s JOIN demo_profile p ON p.id = s.agency_id JOIN form_version v ON v.id = s.form_version_id`);
  await q(`CREATE TEMP TABLE demo_service_count ON COMMIT DROP AS SELECT agency_id, count(*) AS cnt FROM demo_service GROUP BY 1`);
  await q(
    `
    CREATE TEMP TABLE demo_dossier ON COMMIT DROP AS
    SELECT x.*, row_number() OVER (PARTITION BY x.agency_id, x.day ORDER BY x.submitted_at, x.k) AS seq
    FROM (
      SELECT p.id AS agency_id, p.identifier, g::date AS day, k, s.id AS service_id, s.online_level, s.form_definition, s.channels,
             (g::date + time '07:30' + (${h("p.identifier || g::date || k || 't'")} % 600) * interval '1 minute') AT TIME ZONE 'Asia/Ho_Chi_Minh' AS submitted_at,
             3 + ${h("p.identifier || g::date || k || 'days'")} % 13 AS processing_days,
             ${h("p.identifier || g::date || k || 'fate'")} % 100 AS fate
      FROM demo_profile p
      CROSS JOIN generate_series((($1::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - ${DOSSIER_DAYS})::timestamp,
                                 (($1::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - 1)::timestamp, interval '1 day') AS g
      CROSS JOIN generate_series(1, 3) AS k
      JOIN demo_service_count c ON c.agency_id = p.id
      JOIN demo_service s ON s.agency_id = p.id AND s.n = 1 + ${h("p.identifier || g::date || k || 's'")} % c.cnt
      WHERE extract(isodow FROM g) < 6
        -- Adoption grew: a thin pilot a year ago, then a ramp over the last four months to the full volume of the last 45 days.
        AND ${h("p.identifier || g::date || k || 'ramp'")} % 100
            < GREATEST(4, 100 - GREATEST(0, (($1::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - g::date) - 45) * 1.2)
        AND ${h("p.identifier || g::date || k || 'n'")} % 3 < (CASE WHEN p.identifier = '000.00.00.H29' THEN 3 WHEN p.kind = 'PROVINCE' AND ${h("p.identifier || 'big'")} % 4 = 0 THEN 2 ELSE 1 END)
    ) x`,
    [nowIso],
  );
  await q(`
    CREATE TEMP TABLE demo_dossier2 ON COMMIT DROP AS
    SELECT d.*,
           d.submitted_at + interval '2 hours' AS received_at,
           d.submitted_at + d.processing_days * interval '1 day' AS due_at,
           -- 60% early, 25% on the due day, 12% late; refused and withdrawn apart
           CASE WHEN d.fate < 60 THEN d.submitted_at + (d.processing_days * (30 + d.fate) / 100.0) * interval '1 day'
                WHEN d.fate < 85 THEN d.submitted_at + d.processing_days * interval '1 day' - interval '3 hours'
                ELSE d.submitted_at + (d.processing_days + 1 + d.fate % 4) * interval '1 day' END AS would_finish
    FROM demo_dossier d`);
  await q(
    `
    WITH ins AS (
      INSERT INTO dossier (id, code, service_id, receiving_agency_id, holder_agency_id, applicant_id, applicant_name, status, channel, online_level,
                           answers, form_snapshot, fee_snapshot, processing_days, idempotency_key, submitted_at, received_at, due_at,
                           finished_at, returned_at, withdrawn_at, rating, rated_at, created_at, updated_at, version)
      -- The version is the length of the history written below (./dossier-history.ts), written with the row.
      SELECT x.*, ${historyLengthSql("x.status", "x.received_at")} FROM (
      SELECT md5('demo-dossier:' || d.identifier || d.day || d.k)::uuid,
             d.identifier || '-' || to_char(d.day, 'YYMMDD') || '-' || lpad((9000 + d.seq)::text, 4, '0'),
             d.service_id, d.agency_id, d.agency_id, $2::uuid, '${DEMO_LABEL} Người nộp ' || (1 + ${h("d.identifier || d.day || d.k || 'a'")} % 999),
             CASE WHEN d.fate >= 97 THEN 3 WHEN d.fate >= 95 THEN 7
                  WHEN d.would_finish < $1::timestamptz THEN CASE WHEN d.fate % 5 <> 0 AND d.would_finish + interval '1 day' < $1::timestamptz THEN 10 ELSE 9 END
                  WHEN d.fate % 11 = 0 THEN 5 ELSE 4 END AS status,
             CASE WHEN d.fate % 4 = 0 THEN 1 ELSE 2 END, GREATEST(d.online_level, 3),
             '{}'::jsonb, d.form_definition, d.channels, d.processing_days, 'demo-' || d.identifier || '-' || d.day || '-' || d.k,
             d.submitted_at,
             CASE WHEN d.fate >= 97 THEN NULL ELSE d.received_at END AS received_at,
             CASE WHEN d.fate >= 97 THEN NULL ELSE d.due_at END,
             CASE WHEN d.fate < 95 AND d.would_finish < $1::timestamptz THEN d.would_finish END,
             CASE WHEN d.fate < 95 AND d.fate % 5 <> 0 AND d.would_finish + interval '1 day' < $1::timestamptz THEN d.would_finish + interval '1 day' END,
             CASE WHEN d.fate BETWEEN 95 AND 96 THEN d.submitted_at + interval '1 day' END,
             CASE WHEN d.fate < 95 AND d.fate % 5 <> 0 AND d.fate % 3 = 0 AND d.would_finish + interval '2 days' < $1::timestamptz
                  THEN (ARRAY[5, 5, 4, 5, 4, 3, 5, 4, 2, 5])[1 + ${h("d.identifier || d.day || d.k || 'r'")} % 10] END,
             CASE WHEN d.fate < 95 AND d.fate % 5 <> 0 AND d.fate % 3 = 0 AND d.would_finish + interval '2 days' < $1::timestamptz THEN d.would_finish + interval '2 days' END,
             d.submitted_at, LEAST($1::timestamptz, GREATEST(d.submitted_at, d.would_finish))
      FROM demo_dossier2 d) x
      RETURNING id
    )
    INSERT INTO demo_data (entity, entity_id) SELECT 'dossier', id::text FROM ins`,
    [nowIso, applicantId],
  );
  // Their histories, hash-chained as the app chains its own (the integrity check at /quan-tri/kiem-tra-lich-su finds nothing).
  await writeDossierHistories(client, {
    where: `d.id IN (SELECT entity_id::uuid FROM demo_data WHERE entity = 'dossier')`,
    label: DEMO_LABEL,
    log: process.env.DEMO_SEED_TIMING ? console.log : undefined,
  });
  await q(`
    INSERT INTO dossier_sequence (agency_id, day, last)
    SELECT agency_id, day, 9000 + max(seq) FROM demo_dossier GROUP BY 1, 2
    ON CONFLICT (agency_id, day) DO UPDATE SET last = GREATEST(dossier_sequence.last, EXCLUDED.last)`);

  const count = async (entity: string) =>
    Number((await q(`SELECT count(*)::int AS n FROM demo_data WHERE entity = $1`, [entity])).rows[0].n);
  return { documents: await count("document"), dossiers: await count("dossier"), exchanges: await count("exchange_log") };
}
