// The benchmark's data generator: fills a migrated and seeded database up to a scale with set-based SQL
// (INSERT … SELECT over generate_series), never one statement per row. Every statement runs on the
// client it is given, so a caller (the smoke test) can wrap it all in a transaction and roll it back.
import type pg from "pg";
import { historyLengthSql, writeDossierHistories } from "@/prisma/seed/dossier-history";

export const SCALES = {
  /** The smoke test's scale: seconds. */
  tiny: { services: 10_000, citizens: 50, dossiers: 200, documents: 40 },
  small: { services: 20_000, citizens: 2_000, dossiers: 10_000, documents: 2_000 },
  national: { services: 100_000, citizens: 100_000, dossiers: 1_000_000, documents: 200_000 },
} as const;
export type ScaleName = keyof typeof SCALES;
export type Scale = (typeof SCALES)[ScaleName];

/** The password of every generated account (citizens and officers). */
export const BENCH_PASSWORD = "Bench@2026";
export const CITIZEN_EMAIL = (n: number) => `bench.citizen.${n}@bench.example`;
export const OFFICER_EMAIL = (agencyId: number) => `bench.officer.${agencyId}@bench.example`;

/**
 * The form of every generated service: the applicant's name and one paper. Small on purpose: the
 * submission scenario measures the filing path, not the rendering of a long form.
 */
export const BENCH_FORM = {
  version: 1,
  steps: [
    {
      id: "ho-so",
      title: "Thông tin hồ sơ",
      fields: [
        { id: "hoTen", type: "text", label: "Họ và tên", required: true, prefill: "fullName" },
        { id: "giayTo1", type: "file", label: "Đơn đề nghị", required: true, component: 0 },
      ],
    },
  ],
};

const CHANNELS = [
  { kind: "online", processingDays: 10, fees: [] },
  { kind: "in_person", processingDays: 10, fees: [] },
];

export interface GenerateCounts {
  procedures: number;
  services: number;
  citizens: number;
  officers: number;
  dossiers: number;
  /** The dossiers' chained history events (prisma/seed/dossier-history.ts), as the integrity check expects. */
  events: number;
  documents: number;
  recipients: number;
  ms: number;
}

export interface GenerateOptions {
  /** The argon2id hash of BENCH_PASSWORD, computed once by the caller and given to every account. */
  passwordHash: string;
  log?: (line: string) => void;
}

async function step(client: pg.ClientBase, log: (l: string) => void, label: string, sql: string, params: unknown[] = []): Promise<number> {
  const t = performance.now();
  const r = await client.query(sql, params);
  log(`  ${label}: ${r.rowCount ?? 0} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return r.rowCount ?? 0;
}

/** Fills the database up to `scale`. Services are topped up to the scale's total; the rest are added. */
export async function generate(client: pg.ClientBase, scale: Scale, opts: GenerateOptions): Promise<GenerateCounts> {
  const log = opts.log ?? (() => {});
  const started = performance.now();
  const one = async (sql: string) => Number((await client.query(sql)).rows[0]?.n ?? 0);

  const existingServices = await one("SELECT count(*) AS n FROM service");
  const agencyCount = await one("SELECT count(*) AS n FROM agency");
  const needServices = Math.max(0, scale.services - existingServices);
  const procedures = Math.ceil(needServices / agencyCount);

  // Procedures with Vietnamese names (with diacritics, so search has to fold them), offered by every agency.
  const counts: Omit<GenerateCounts, "ms"> = {
    procedures: 0,
    services: 0,
    citizens: 0,
    officers: 0,
    dossiers: 0,
    events: 0,
    documents: 0,
    recipients: 0,
  };
  counts.procedures = await step(
    client,
    log,
    "procedures",
    `INSERT INTO procedure (code, name, field_id, implementing_level, online_level, applicants, implementing_agency_name,
                            competent_agency_name, channels, components, steps, legal_basis, result, conditions, sample)
     SELECT '0.' || lpad(g::text, 6, '0'),
            (ARRAY['Cấp','Cấp lại','Đăng ký','Điều chỉnh','Gia hạn','Thu hồi','Xác nhận','Chứng thực','Thẩm định','Công nhận'])[1 + g % 10]
              || ' ' || (ARRAY['giấy phép xây dựng','giấy chứng nhận đủ điều kiện kinh doanh','giấy phép lái xe','hộ chiếu phổ thông',
                               'giấy khai sinh','quyền sử dụng đất','giấy phép hoạt động','chứng chỉ hành nghề','giấy phép lao động',
                               'giấy chứng nhận an toàn thực phẩm','hộ kinh doanh','văn bằng','giấy phép môi trường','biển số xe'])[1 + (g / 10) % 14]
              || ' ' || (ARRAY['nhà ở riêng lẻ','cho doanh nghiệp','cho cá nhân','tại cấp xã','tại cấp tỉnh','cho người nước ngoài',
                               'trong khu công nghiệp','đối với hợp tác xã'])[1 + (g / 140) % 8]
              || ' (mẫu ' || g || ')',
            (SELECT id FROM field ORDER BY id OFFSET (g % (SELECT count(*) FROM field)) LIMIT 1),
            (ARRAY['PROVINCE','DISTRICT','COMMUNE','CENTRAL'])[1 + g % 4]::"ImplementingLevel", 3 + g % 2,
            ARRAY['individual'], 'Cơ quan giải quyết', 'Cơ quan có thẩm quyền', $1::jsonb,
            '[{"name":"Đơn đề nghị","kind":"submit","copies":"01 bản chính"}]'::jsonb,
            '["Nộp hồ sơ","Tiếp nhận","Giải quyết","Trả kết quả"]'::jsonb,
            '[{"number":"01/2026/NĐ-CP","title":"Nghị định mẫu","date":"2026-01-01","issuer":"Chính phủ"}]'::jsonb,
            'Kết quả giải quyết', '', true
     FROM generate_series(1, $2::int) g`,
    [JSON.stringify(CHANNELS), procedures],
  );
  // Each bench procedure's form: a national version 1, published (lib/forms/versions.ts).
  await step(
    client,
    log,
    "form versions",
    `INSERT INTO form_version (procedure_id, agency_id, version, status, definition, published_at)
     SELECT p.id, NULL, 1, 'published', $1::jsonb, now() FROM procedure p
     WHERE p.code LIKE '0.%' AND NOT EXISTS (SELECT 1 FROM form_version v WHERE v.procedure_id = p.id AND v.agency_id IS NULL)`,
    [JSON.stringify(BENCH_FORM)],
  );
  counts.services = await step(
    client,
    log,
    "services",
    `INSERT INTO service (code, procedure_id, agency_id, name, online_level, channels, form_version_id)
     SELECT p.code || '.' || a.identifier, p.id, a.id, p.name, p.online_level, p.channels, v.id
     FROM procedure p CROSS JOIN agency a
     JOIN form_version v ON v.procedure_id = p.id AND v.agency_id IS NULL AND v.status = 'published'
     WHERE p.code LIKE '0.%'
     ORDER BY p.id, a.id
     LIMIT $1::int`,
    [needServices],
  );

  counts.citizens = await step(
    client,
    log,
    "citizens",
    `INSERT INTO app_user (role, full_name, cccd, date_of_birth, phone, email, password_hash)
     SELECT 'CITIZEN',
            (ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ'])[1 + g % 12] || ' '
              || (ARRAY['Văn','Thị','Minh','Thu','Đức','Ngọc','Hữu','Thanh'])[1 + (g / 12) % 8] || ' '
              || (ARRAY['An','Bình','Châu','Dũng','Giang','Hà','Hải','Hương','Khánh','Lan','Long','Mai','Nam','Phúc','Quân','Sơn','Trang','Tuấn','Vy','Yến'])[1 + (g / 96) % 20],
            '9' || lpad(g::text, 11, '0'), date '1960-01-01' + (g % 15000), '09' || lpad((g % 100000000)::text, 8, '0'),
            'bench.citizen.' || g || '@bench.example', $1
     FROM generate_series(1, $2::int) g`,
    [opts.passwordHash, scale.citizens],
  );
  counts.officers = await step(
    client,
    log,
    "officers (one per agency)",
    `INSERT INTO app_user (role, full_name, email, password_hash, agency_id)
     SELECT 'OFFICER', 'Cán bộ thử tải ' || a.short_name, 'bench.officer.' || a.id || '@bench.example', $1, a.id FROM agency a`,
    [opts.passwordHash],
  );

  // Dossiers over the past year, spread over all services and citizens, most already returned.
  await client.query(`CREATE TEMP TABLE bench_svc AS
    SELECT row_number() OVER (ORDER BY s.id)::int AS rn, s.id, s.agency_id, a.identifier, s.online_level
    FROM service s JOIN agency a ON a.id = s.agency_id`);
  await client.query(`CREATE TEMP TABLE bench_cit AS
    SELECT row_number() OVER (ORDER BY u.email)::int AS rn, u.id, u.full_name FROM app_user u WHERE u.email LIKE 'bench.citizen.%'`);
  await client.query("ALTER TABLE bench_svc ADD PRIMARY KEY (rn)");
  await client.query("ALTER TABLE bench_cit ADD PRIMARY KEY (rn)");
  await client.query("ANALYZE bench_svc");
  await client.query("ANALYZE bench_cit");
  counts.dossiers = await step(
    client,
    log,
    "dossiers",
    `INSERT INTO dossier (code, service_id, receiving_agency_id, holder_agency_id, applicant_id, applicant_name, status, channel,
                          online_level, answers, form_snapshot, fee_snapshot, processing_days, idempotency_key,
                          submitted_at, received_at, due_at, finished_at, returned_at, version)
     SELECT s.identifier || '-' || to_char(x.at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' || (1000000 + g),
            s.id, s.agency_id, s.agency_id, c.id, c.full_name, x.status, 2, s.online_level,
            jsonb_build_object('hoTen', c.full_name), $1::jsonb, '[]'::jsonb, 10, 'bench-' || g,
            x.at, CASE WHEN x.status > 1 THEN x.at + interval '2 hours' END, x.at + interval '14 days',
            CASE WHEN x.status IN (9, 10) THEN x.at + interval '10 days' END,
            CASE WHEN x.status = 10 THEN x.at + interval '11 days' END,
            ${historyLengthSql("x.status", "CASE WHEN x.status > 1 THEN x.at END")}
     FROM generate_series(1, $2::int) g
     CROSS JOIN LATERAL (SELECT now() - make_interval(days => 1 + g % 365, secs => g % 86400) AS at,
                                (ARRAY[1, 2, 4, 4, 5, 9, 10, 10, 10, 10])[1 + (g / 7) % 10]::smallint AS status) x
     JOIN bench_svc s ON s.rn = 1 + (g::bigint * 7919) % (SELECT count(*) FROM bench_svc)
     JOIN bench_cit c ON c.rn = 1 + g % (SELECT count(*) FROM bench_cit)`,
    [JSON.stringify(BENCH_FORM), scale.dossiers],
  );

  // Their histories, hash-chained like the app's: hashes in JS, written in batches of one INSERT each.
  counts.events = await writeDossierHistories(client, { where: "d.idempotency_key LIKE 'bench-%'", label: "[Thử tải]", log });

  // Documents between agencies, each with one recipient that is not the sender.
  await client.query(`CREATE TEMP TABLE bench_ag AS
    SELECT (row_number() OVER (ORDER BY id) - 1)::int AS rn, id, identifier FROM agency`);
  await client.query("ALTER TABLE bench_ag ADD PRIMARY KEY (rn)");
  counts.documents = await step(
    client,
    log,
    "documents",
    `INSERT INTO document (message_id, sender_agency_id, document_key, number, notation, type_code, type_name, year, promulgation_place,
                           promulgation_date, subject, signer_position, signer_name, priority, sha256, sent_at)
     SELECT gen_random_uuid(), a.id,
            a.identifier || ',' || to_char(x.at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY/MM/DD') || ',' || (100000 + g) || '/CV-TT',
            100000 + g, (100000 + g) || '/CV-TT', 'CV', 'Công văn', extract(year FROM x.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int, 'Hà Nội',
            (x.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
            'Về việc ' || (ARRAY['triển khai dịch vụ công trực tuyến','báo cáo tình hình giải quyết hồ sơ','tăng cường cải cách hành chính',
                                 'số hóa hồ sơ, kết quả giải quyết','kiểm tra công tác văn thư'])[1 + g % 5] || ' (số ' || g || ')',
            'Chánh Văn phòng', 'Nguyễn Văn Thử', (g % 4)::smallint, encode(sha256(convert_to('bench-document-' || g, 'UTF8')), 'hex'), x.at
     FROM generate_series(1, $1::int) g
     CROSS JOIN LATERAL (SELECT now() - make_interval(days => g % 365, secs => g % 86400) AS at) x
     JOIN bench_ag a ON a.rn = g % (SELECT count(*) FROM bench_ag)`,
    [scale.documents],
  );
  counts.recipients = await step(
    client,
    log,
    "document recipients",
    `INSERT INTO document_recipient (document_id, agency_id, status, arrived_at, updated_at)
     SELECT d.id, r.id, '01', d.sent_at, d.sent_at
     FROM document d
     JOIN bench_ag s ON s.id = d.sender_agency_id
     JOIN bench_ag r ON r.rn = (s.rn + 1 + (d.number % ((SELECT count(*) FROM bench_ag) - 1))) % (SELECT count(*) FROM bench_ag)
     WHERE d.notation LIKE '%/CV-TT'`,
  );
  await client.query("DROP TABLE IF EXISTS bench_svc, bench_cit, bench_ag");
  return { ...counts, ms: performance.now() - started };
}
