// Demo accounts, one per role, for `npm run demo` and the end-to-end tests. Never in production.
import type pg from "pg";
import { hashPassword } from "@/lib/auth/password";

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
  },
];

export function assertNotProduction(): void {
  if (process.env.NODE_ENV === "production" || process.env.PORTAL_ENV === "production") {
    throw new Error("Demo accounts are never created in production (NODE_ENV or PORTAL_ENV is production).");
  }
}

/** Creates the demo accounts that do not exist yet; existing ones are left as they are. */
export async function seedDemoAccounts(client: pg.ClientBase): Promise<DemoAccount[]> {
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
  return DEMO_ACCOUNTS;
}
