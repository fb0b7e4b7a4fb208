// Demo accounts, one per role, for `npm run demo` and the end-to-end tests. Never in production.
import type pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { openTotpSecret, sealTotpSecret } from "@/lib/auth/totp-seal";
import { appendAuditSql, applyDueSuccessions, type Exec, type SuccessionResult } from "@/lib/agencies/reorganisation-core";

export interface DemoAccount {
  role: "CITIZEN" | "OFFICER" | "AGENCY_ADMIN" | "VPCP_ADMIN";
  label: string;
  email: string;
  password: string;
  fullName: string;
  agency?: string;
  cccd?: string;
  dateOfBirth?: string;
  phone?: string;
  /**
   * A fixed second-factor (TOTP) secret, base32, so demo users and the tests can compute its codes. Demo only:
   * anyone reading this file has it. `npm run demo` prints it next to the account.
   */
  totpSecret?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    role: "CITIZEN",
    label: "Công dân",
    email: "congdan@dichvucong.example",
    password: "CongDan@2026",
    fullName: "Nguyễn Thị Minh Anh",
    cccd: "079190012345",
    dateOfBirth: "1990-05-12",
    phone: "0912345678",
  },
  {
    role: "OFFICER",
    label: "Cán bộ một cửa (UBND TP. Hồ Chí Minh)",
    email: "canbo.hcm@dichvucong.example",
    password: "CanBo@2026",
    fullName: "Trần Văn Bình",
    agency: "000.00.00.H29",
  },
  {
    role: "AGENCY_ADMIN",
    label: "Quản trị cơ quan (UBND TP. Hồ Chí Minh)",
    email: "quantri.hcm@dichvucong.example",
    password: "QuanTri@2026",
    fullName: "Lê Thị Hồng",
    agency: "000.00.00.H29",
  },
  {
    role: "VPCP_ADMIN",
    label: "Quản trị Văn phòng Chính phủ",
    email: "quantri@vpcp.example",
    password: "VanPhong@2026",
    fullName: "Phạm Quốc Việt",
    agency: "000.00.00.G22",
    // VPCP administrators must have a second factor (lib/auth/second-factor-policy.ts).
    totpSecret: "DEMOVPCPTOTPKEYDEMOVPCPTOTPKEY22",
  },
  // Issue 15: two more citizens, for the demo organisations below (a member of the first, the
  // representative of the second), so that filing for an organisation and its isolation can be shown.
  {
    role: "CITIZEN",
    label: "Công dân, thành viên Công ty Minh Anh",
    email: "congdan2@dichvucong.example",
    password: "CongDan2@2026",
    fullName: "Trần Quốc Bảo",
    cccd: "001085004567",
    dateOfBirth: "1985-03-02",
    phone: "0987654321",
  },
  {
    role: "CITIZEN",
    label: "Công dân, đại diện Công ty Sao Mai",
    email: "congdan3@dichvucong.example",
    password: "CongDan3@2026",
    fullName: "Lê Hoàng Nam",
    cccd: "079092007890",
    dateOfBirth: "1992-11-20",
    phone: "0903123456",
  },
];

/**
 * Demo organisations (issue 15). The tax codes are made up, with a valid check digit
 * (lib/organisations/tax-code.ts); they name no real enterprise.
 */
export const DEMO_ORGANISATIONS = [
  {
    taxCode: "0109990002",
    name: "Công ty TNHH Minh Anh (dữ liệu demo)",
    address: "12 Lê Lợi, phường Bến Nghé, TP. Hồ Chí Minh",
    legalRepresentative: "Nguyễn Thị Minh Anh",
    representative: "congdan@dichvucong.example",
    members: ["congdan2@dichvucong.example"],
  },
  {
    taxCode: "0319990009",
    name: "Công ty Cổ phần Sao Mai (dữ liệu demo)",
    address: "5 Tràng Tiền, Hoàn Kiếm, Hà Nội",
    legalRepresentative: "Lê Hoàng Nam",
    representative: "congdan3@dichvucong.example",
    members: [] as string[],
  },
];

export function assertNotProduction(): void {
  if (process.env.NODE_ENV === "production" || process.env.PORTAL_ENV === "production") {
    throw new Error("Demo accounts are never created in production (NODE_ENV or PORTAL_ENV is production).");
  }
}

/**
 * Creates the demo accounts that do not exist yet; existing ones are left as they are, except that a demo
 * second factor that no longer opens (the sealing key, `env`'s TOTP_SEAL_KEY or NEXTAUTH_SECRET, changed) or
 * was reset is sealed again. One replaced through the portal is kept.
 */
export async function seedDemoAccounts(
  client: pg.ClientBase,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<DemoAccount[]> {
  assertNotProduction();
  for (const a of DEMO_ACCOUNTS) {
    const exists = await client.query("SELECT 1 FROM app_user WHERE email = $1", [a.email]);
    if (exists.rowCount) continue;
    await client.query(
      `INSERT INTO app_user (role, full_name, cccd, date_of_birth, phone, email, password_hash, agency_id)
       VALUES ($1::"Role", $2, $3, $4, $5, $6, $7, (SELECT id FROM agency WHERE identifier = $8))
       ON CONFLICT DO NOTHING`,
      [
        a.role,
        a.fullName,
        a.cccd ?? null,
        a.dateOfBirth ?? null,
        a.phone ?? null,
        a.email,
        await hashPassword(a.password),
        a.agency ?? null,
      ],
    );
  }
  for (const a of DEMO_ACCOUNTS) {
    if (!a.totpSecret) continue;
    const { rows } = await client.query<{ id: string; totp_secret: string | null }>(
      "SELECT id, totp_secret FROM app_user WHERE email = $1",
      [a.email],
    );
    const u = rows[0];
    if (!u || (u.totp_secret && openTotpSecret(u.totp_secret, u.id, env) !== null)) continue;
    await client.query(
      `UPDATE app_user SET totp_secret = $2, totp_enabled_at = COALESCE(totp_enabled_at, now()), totp_last_step = NULL,
         totp_pending_secret = NULL WHERE id = $1`,
      [u.id, sealTotpSecret(a.totpSecret, u.id, env)],
    );
  }
  await seedDemoOrganisations(client);
  // Last: the demo as of today (the 2025 reorganisation's successions that are due).
  await applyDueSuccessionsForDemo(client);
  return DEMO_ACCOUNTS;
}

/** The demo organisations and their members, once (an existing tax code is left as it is). */
async function seedDemoOrganisations(client: pg.ClientBase): Promise<void> {
  for (const o of DEMO_ORGANISATIONS) {
    const made = await client.query<{ id: string }>(
      `INSERT INTO organisation (tax_code, name, address, legal_representative, created_by_id)
       SELECT $1, $2, $3, $4, id FROM app_user WHERE email = $5
       ON CONFLICT (tax_code) DO NOTHING RETURNING id::text`,
      [o.taxCode, o.name, o.address, o.legalRepresentative, o.representative],
    );
    const id = made.rows[0]?.id;
    if (!id) continue;
    await client.query(
      `INSERT INTO organisation_member (organisation_id, user_id, role)
       SELECT $1::uuid, id, CASE WHEN email = $2 THEN 'representative' ELSE 'member' END FROM app_user WHERE email = ANY($3::text[])
       ON CONFLICT DO NOTHING`,
      [id, o.representative, [o.representative, ...o.members]],
    );
  }
}

/**
 * The demo is as of today: every succession due by now (an agency ended on or before today with a successor, as
 * the 2025 map records) is applied, by the system, as lib/agencies/reorganisation.ts applies one: open dossiers,
 * documents in flight, officers, services, keys and endpoints (they follow) and pending pushes move to the
 * successor, in one transaction, audited. Nothing due: nothing moves. Safe to run again (a second run moves nothing).
 */
export async function applyDueSuccessionsForDemo(client: pg.ClientBase, now: Date = new Date()): Promise<SuccessionResult> {
  assertNotProduction();
  const exec: Exec = async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[];
  await client.query("BEGIN");
  try {
    const done = await applyDueSuccessions(exec, { at: now, keys: "follow", actorId: null, actorRole: null });
    if (done.agencies.length) {
      await appendAuditSql(exec, {
        actorKind: "job",
        actorRef: "seed:demo",
        action: "agency.applySuccession",
        entityType: "agency",
        entityId: "*",
        details: { keys: "follow", agencies: done.agencies, moved: done.moved, officersReassigned: done.officerIds, ms: done.ms },
      });
    }
    await client.query("COMMIT");
    return done;
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  }
}
