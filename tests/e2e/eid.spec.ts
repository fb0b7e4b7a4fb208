// Signing in with the national e-ID through the local demo provider (scripts/eid-provider, started by
// scripts/demo.ts with its test knob), step-up to level 2, and the refusal of forged ID tokens.
import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { DEMO_IDENTITIES } from "@/scripts/eid-provider/identities";
import { DEMO, errorSummary, expectAccessible, signIn, test } from "./helpers";

const env = () => JSON.parse(fs.readFileSync(path.join(process.cwd(), ".data", "e2e-env.json"), "utf8")) as Record<string, string>;

/** A level-2 procedure of the demo (prisma/seed/reference.ts), as TP. Hồ Chí Minh offers it. */
const LEVEL_2_FORM = "/nop-ho-so/1.010041.000.00.00.H29";
const [, , thuTrang, minhKhoi] = DEMO_IDENTITIES as [
  (typeof DEMO_IDENTITIES)[number],
  (typeof DEMO_IDENTITIES)[number],
  (typeof DEMO_IDENTITIES)[number],
  (typeof DEMO_IDENTITIES)[number],
];

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** On the demo provider's pages: pick a person and a level, then consent. */
async function throughProvider(page: Page, who: { name: string }, level: "Mức 1" | "Mức 2" | null, opts: { axe?: boolean } = {}) {
  const provider = new URL(env().EID_ISSUER!).origin;
  await page.waitForURL((u) => u.origin === provider && u.pathname.startsWith("/interaction/"));
  await expect(page.getByRole("heading", { level: 1, name: "Đăng nhập bằng tài khoản định danh điện tử" })).toBeVisible();
  if (opts.axe) await expectAccessible(page);
  await page.getByLabel(new RegExp(who.name)).check();
  if (level) await page.getByLabel(new RegExp(`^${level}`)).check();
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Chia sẻ thông tin với Cổng Dịch vụ công Quốc gia" })).toBeVisible();
  if (opts.axe) await expectAccessible(page);
  await page.getByRole("button", { name: "Đồng ý chia sẻ" }).click();
}

const hasSessionCookie = async (page: Page) => (await page.context().cookies()).some((c) => c.name.includes("session-token"));

test("a new person signs in with the e-ID, lands on a prefilled, verified form and files it", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(LEVEL_2_FORM);
  await expect(page).toHaveURL(/\/dang-nhap\?next=/);
  await expect(page.getByRole("heading", { name: "Đăng nhập bằng tài khoản định danh điện tử" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Dùng tài khoản định danh điện tử" }).click();
  await throughProvider(page, thuTrang, "Mức 2", { axe: true });

  // Back on the form, as a new citizen account filled from the e-ID.
  await expect(page).toHaveURL(new RegExp(`${LEVEL_2_FORM.replace(/\./g, "\\.")}$`));
  expect(await hasSessionCookie(page)).toBe(true);
  await expect(page.getByTestId("da-xac-thuc")).toContainText("đã xác thực");
  await expect(page.getByLabel("Họ, chữ đệm và tên")).toHaveValue(thuTrang.name);
  await expect(page.getByLabel("Số định danh cá nhân")).toHaveValue(thuTrang.pid);
  await expect(page.getByLabel("Số điện thoại liên hệ")).toHaveValue(thuTrang.phone);
  await expect(page.getByLabel("Họ, chữ đệm và tên")).not.toBeEditable();
  await page.getByLabel("Nữ", { exact: true }).check();
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  await page.getByLabel("Đề nghị xác nhận (cổng)").selectOption({ label: "Thông tin về cư trú hiện tại (thường trú, tạm trú)" });
  await page.getByRole("button", { name: "Kiểm tra thông tin" }).click();
  await page.getByLabel(/Tôi cam đoan/).check();
  await page.getByRole("button", { name: "Nộp hồ sơ", exact: true }).click();
  await expect(page).toHaveURL(/\/ho-so-cua-toi\/[^?]+\?da-nop=1$/);
  const code = (await page.getByTestId("ma-ho-so").textContent())!;

  await page.goto("/ho-so-cua-toi");
  await expect(page.getByRole("link", { name: code }).first()).toBeVisible();
  await expect(page.getByText("Đã xác thực qua định danh điện tử").first()).toBeVisible();
  await expectAccessible(page);
  const [user] = await query<{ email: string | null; password_hash: string | null; assurance_level: number }>(
    "SELECT email, password_hash, assurance_level FROM app_user WHERE eid_subject = $1",
    [thuTrang.sub],
  );
  expect(user).toEqual({ email: null, password_hash: null, assurance_level: 2 });
});

test("the password citizen opening a level-2 procedure steps up through the e-ID and comes back to the form", async ({ page }) => {
  test.setTimeout(120_000);
  // A password account of its own (the demo's fifth e-ID person), so that no other spec files as a citizen
  // whose identity this test makes verified (verified fields become read-only).
  const lan = DEMO_IDENTITIES[4]!;
  const [citizen] = await query<{ password_hash: string }>("SELECT password_hash FROM app_user WHERE email = $1", [DEMO.citizen.email]);
  await query(
    `INSERT INTO app_user (role, full_name, cccd, date_of_birth, phone, email, password_hash, updated_at)
     VALUES ('CITIZEN', $1, $2, $3::date, $4, 'lan.nangcap@example.vn', $5, now()) ON CONFLICT (cccd) DO NOTHING`,
    [lan.name, lan.pid, lan.birthdate, lan.phone, citizen!.password_hash],
  );
  await signIn(page, { email: "lan.nangcap@example.vn", password: DEMO.citizen.password }, "/ho-so-cua-toi");
  await page.goto(`/thu-tuc/1.010041.000.00.00.H29`);
  await expect(page.getByTestId("yeu-cau-dinh-danh")).toContainText("Yêu cầu định danh điện tử mức 2");
  // A draft of this form saved earlier (say, before the procedure needed level 2): kept through the step-up.
  const purpose = "Bổ sung hồ sơ vay vốn (bản nháp trước khi nâng mức)";
  await query(
    `INSERT INTO draft (user_id, service_id, answers, step, form_version_id, updated_at)
     SELECT u.id, s.id, $1::jsonb, 0, s.form_version_id, now() FROM app_user u, service s WHERE u.email = $2 AND s.code = $3
     ON CONFLICT (user_id, service_id) DO UPDATE SET answers = excluded.answers, step = 0`,
    [
      JSON.stringify({
        hoTen: lan.name,
        ngaySinh: lan.birthdate,
        soDinhDanh: lan.pid,
        dienThoai: lan.phone,
        mucDich: purpose,
      }),
      "lan.nangcap@example.vn",
      LEVEL_2_FORM.split("/").at(-1),
    ],
  );
  await page.goto(LEVEL_2_FORM);
  await expect(page).toHaveURL(/\/dang-nhap\/nang-cap\?next=/);
  await expect(page.getByRole("heading", { name: "Cần định danh điện tử mức 2" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Xác thực bằng định danh điện tử mức 2" }).click();
  // The provider preselects the level asked for.
  await expect(page.getByLabel(/^Mức 2/)).toBeChecked();
  await throughProvider(page, lan, null);

  await expect(page).toHaveURL(new RegExp(`${LEVEL_2_FORM.replace(/\./g, "\\.")}$`));
  await expect(page.getByText("Tiếp tục bản nháp đã lưu.")).toBeVisible();
  await expect(page.getByLabel("Họ, chữ đệm và tên")).toHaveValue(lan.name);
  // Now vouched for by the e-ID: shown, not editable.
  await expect(page.getByLabel("Họ, chữ đệm và tên")).not.toBeEditable();
  await page.getByLabel("Nữ", { exact: true }).check();
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  await expect(page.getByLabel("Mục đích sử dụng")).toHaveValue(purpose);
  await page.getByLabel("Đề nghị xác nhận (cổng)").selectOption({ label: "Thông tin về cư trú hiện tại (thường trú, tạm trú)" });
  await page.getByRole("button", { name: "Kiểm tra thông tin" }).click();
  await page.getByLabel(/Tôi cam đoan/).check();
  await page.getByRole("button", { name: "Nộp hồ sơ", exact: true }).click();
  await expect(page).toHaveURL(/\/ho-so-cua-toi\/[^?]+\?da-nop=1$/);
  const [u] = await query<{ eid_subject: string; assurance_level: number }>(
    "SELECT eid_subject, assurance_level FROM app_user WHERE email = $1",
    ["lan.nangcap@example.vn"],
  );
  expect(u).toEqual({ eid_subject: lan.sub, assurance_level: 2 });
});

test.describe("forged or weak e-ID answers are refused", () => {
  test.describe.configure({ mode: "serial" });

  for (const mode of ["signature", "issuer", "audience", "nonce"] as const) {
    test(`an ID token with a bad ${mode} signs nobody in`, async ({ page, request }) => {
      const forged = await request.post(`${env().EID_ISSUER}/__test/forge`, { data: { mode, subject: minhKhoi.sub } });
      expect(forged.status()).toBe(204);
      await page.goto("/dang-nhap");
      await page.getByRole("button", { name: "Dùng tài khoản định danh điện tử" }).click();
      await throughProvider(page, minhKhoi, null);
      await expect(page).toHaveURL(/\/dang-nhap\?/);
      await expect(page.locator("#loi-dinh-danh")).toContainText("Không xác thực được phản hồi của hệ thống định danh điện tử");
      expect(await hasSessionCookie(page)).toBe(false);
      expect(await query("SELECT 1 FROM app_user WHERE eid_subject = $1", [minhKhoi.sub])).toHaveLength(0);
      if (mode === "signature") await expectAccessible(page);
    });
  }

  test("a level-1 answer to a level-2 request signs nobody in", async ({ page }) => {
    await page.goto("/dang-nhap/nang-cap?next=/ho-so-cua-toi");
    await page.getByRole("button", { name: "Xác thực bằng định danh điện tử mức 2" }).click();
    await throughProvider(page, minhKhoi, "Mức 1");
    await expect(page.locator("#loi-dinh-danh")).toContainText("chưa đạt mức được yêu cầu");
    expect(await hasSessionCookie(page)).toBe(false);
    expect(await query("SELECT 1 FROM app_user WHERE eid_subject = $1", [minhKhoi.sub])).toHaveLength(0);
  });
});

test("an e-ID whose number belongs to a password account asks for that account's password, then signs in", async ({ page }) => {
  test.setTimeout(120_000);
  // A password account of the demo's second e-ID person, made here so no other test depends on it.
  const huy = DEMO_IDENTITIES[1]!;
  const [citizen] = await query<{ password_hash: string }>("SELECT password_hash FROM app_user WHERE email = $1", [DEMO.citizen.email]);
  await query(
    `INSERT INTO app_user (role, full_name, cccd, email, password_hash, updated_at) VALUES ('CITIZEN', $1, $2, 'huy.lienket@example.vn', $3, now())
     ON CONFLICT (cccd) DO NOTHING`,
    [huy.name, huy.pid, citizen!.password_hash],
  );
  await page.goto("/dang-nhap");
  await page.getByRole("button", { name: "Dùng tài khoản định danh điện tử" }).click();
  await throughProvider(page, huy, null);
  await expect(page).toHaveURL(/\/dang-nhap\/lien-ket\?token=/);
  await expect(page.getByRole("heading", { name: "Liên kết tài khoản với định danh điện tử" })).toBeVisible();
  expect(await hasSessionCookie(page)).toBe(false);
  await expectAccessible(page);
  await page.getByLabel("Mật khẩu của tài khoản").fill("sai-mat-khau");
  await page.getByRole("button", { name: "Xác nhận và liên kết" }).click();
  await expect(errorSummary(page)).toContainText("Mật khẩu không đúng.");
  await page.getByLabel("Mật khẩu của tài khoản").fill(DEMO.citizen.password);
  await page.getByRole("button", { name: "Xác nhận và liên kết" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/dang-nhap"));
  expect(await hasSessionCookie(page)).toBe(true);
  const [u] = await query<{ eid_subject: string }>("SELECT eid_subject FROM app_user WHERE email = 'huy.lienket@example.vn'", []);
  expect(u?.eid_subject).toBe(huy.sub);
});
