// One demo dossier filed before the 2025 reorganisation, with its address on the three-level map (province,
// district, ward), so that the demo and the end-to-end tests show an old address exactly as filed, with its
// district, next to the two-level picker of new filings. Filed by the third demo citizen to H29 on 14 May 2025,
// its result returned; its labels are not stored (as for a dossier filed before they were), so the address is
// named from the three-level map. Idempotent.
import type pg from "pg";
import { assertNotProduction } from "./demo";
import { historyLengthSql, writeDossierHistories } from "./dossier-history";

export const OLD_ADDRESS_DOSSIER = {
  code: "000.00.00.H29-250514-8001",
  applicant: "congdan3@dichvucong.example",
  /** 12 Lê Lợi, Phường Bến Nghé (26740), Quận 1 (760), Thành phố Hồ Chí Minh (79), on the statistics office's 2025-03-01 list. */
  address: { province: "79", district: "760", ward: "26740", street: "12 Lê Lợi" },
  shown: "12 Lê Lợi, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh",
};

export async function seedDemoOldAddressDossier(client: pg.ClientBase): Promise<boolean> {
  assertNotProduction();
  const d = OLD_ADDRESS_DOSSIER;
  const made = await client.query(
    `INSERT INTO dossier (id, code, service_id, receiving_agency_id, holder_agency_id, applicant_id, applicant_name, status, channel,
                          online_level, answers, form_snapshot, fee_snapshot, processing_days, idempotency_key, submitted_at,
                          received_at, due_at, finished_at, returned_at, created_at, updated_at, version)
     SELECT md5('demo-old-address:' || $1)::uuid, $1, s.id, s.agency_id, s.agency_id, u.id, u.full_name, 10, 1,
            GREATEST(s.online_level, 3),
            jsonb_build_object('hoTen', u.full_name, 'soCccd', u.cccd, 'ngaySinh', u.date_of_birth::text, 'dienThoai', u.phone,
                               'email', u.email, 'diaChi', $3::jsonb, 'noiDung', 'Đề nghị giải quyết (hồ sơ demo nộp trước ngày 01/07/2025).'),
            v.definition, s.channels, 5, 'demo-old-address-' || $1,
            timestamptz '2025-05-14 09:00+07', timestamptz '2025-05-14 10:00+07', timestamptz '2025-05-21 17:00+07',
            timestamptz '2025-05-20 15:00+07', timestamptz '2025-05-21 09:00+07',
            timestamptz '2025-05-14 09:00+07', timestamptz '2025-05-21 09:00+07', ${historyLengthSql("10", "timestamptz '2025-05-14 10:00+07'")}
     FROM service s
     JOIN agency a ON a.id = s.agency_id AND a.identifier = '000.00.00.H29'
     JOIN form_version v ON v.id = s.form_version_id
     JOIN app_user u ON u.email = $2
     -- A service on the default form (its address field diaChi, its request noiDung, and no paper required).
     WHERE s.published AND jsonb_path_exists(v.definition, '$.steps[*].fields[*] ? (@.id == "diaChi" && @.type == "address")')
       AND jsonb_path_exists(v.definition, '$.steps[*].fields[*] ? (@.id == "noiDung")')
       AND NOT jsonb_path_exists(v.definition, '$.steps[*].fields[*] ? (@.type == "file" && @.required == true)')
     ORDER BY s.code
     LIMIT 1
     ON CONFLICT (code) DO NOTHING
     RETURNING id`,
    [d.code, d.applicant, JSON.stringify(d.address)],
  );
  if (!made.rowCount) return false;
  await writeDossierHistories(client, { where: `d.code = $1`, params: [d.code], label: "[Dữ liệu demo]" });
  return true;
}
