import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { DEMO, errorSummary, expectAccessible, openFilingForm, pageAs, signIn, test } from "./helpers";

function uniqueCitizen() {
  const n = `${Date.now()}${Math.floor(Math.random() * 1000)}`.slice(-6);
  return {
    fullName: "Lê Văn Tám",
    cccd: `001098${n}`, // Hà Nội, male, born 19(98)
    dateOfBirth: "1998-09-02",
    phone: "0978123456",
    email: `le.van.tam.${n}@example.com`,
    password: "TamLe2026",
  };
}

async function fillRegistration(page: Page, c: ReturnType<typeof uniqueCitizen>) {
  await page.getByLabel("Họ và tên").fill(c.fullName);
  await page.getByLabel("Số căn cước công dân").fill(c.cccd);
  await page.getByLabel("Ngày sinh").fill(c.dateOfBirth);
  await page.getByLabel("Số điện thoại di động").fill(c.phone);
  await page.getByLabel("Thư điện tử").fill(c.email);
  await page.getByLabel("Mật khẩu", { exact: false }).first().fill(c.password);
  await page.getByLabel("Nhập lại mật khẩu").fill(c.password);
}

test("registration names each malformed field and keeps what was typed", async ({ page }) => {
  const c = uniqueCitizen();
  await page.goto("/dang-ky");
  await expectAccessible(page);
  await fillRegistration(page, { ...c, cccd: "0010981234", phone: "0212345678", email: "le.van.tam@" });
  await page.getByRole("button", { name: "Đăng ký" }).click();

  const summary = errorSummary(page);
  await expect(summary).toContainText("Số căn cước công dân phải gồm đúng 12 chữ số.");
  await expect(summary).toContainText("Số điện thoại di động không hợp lệ");
  await expect(summary).toContainText("Thư điện tử không hợp lệ");
  await expect(page.getByLabel("Số căn cước công dân")).toHaveAttribute("aria-invalid", "true");
  // What was typed is still there, wrong values included, so they can be corrected rather than retyped.
  await expect(page.getByLabel("Họ và tên")).toHaveValue(c.fullName);
  await expect(page.getByLabel("Ngày sinh")).toHaveValue(c.dateOfBirth);
  await expect(page.getByLabel("Số căn cước công dân")).toHaveValue("0010981234");
  await expect(page.getByLabel("Thư điện tử")).toHaveValue("le.van.tam@");
  await expectAccessible(page);

  // A CCCD whose birth-year digits disagree with the date of birth.
  await page.getByLabel("Số căn cước công dân").fill(c.cccd.replace(/^001098/, "001099"));
  await page.getByLabel("Số điện thoại di động").fill(c.phone);
  await page.getByLabel("Thư điện tử").fill(c.email);
  await page.getByLabel("Mật khẩu", { exact: false }).first().fill(c.password);
  await page.getByLabel("Nhập lại mật khẩu").fill(c.password);
  await page.getByRole("button", { name: "Đăng ký" }).click();
  await expect(errorSummary(page)).toContainText("chữ số thứ 5 và 6 phải là hai số cuối của năm sinh (98)");
  await expect(page.getByLabel("Thư điện tử")).toHaveValue(c.email);
});

test("a citizen registers, signs in, and cannot open the officer or admin areas", async ({ page }) => {
  const c = uniqueCitizen();
  await page.goto("/dang-ky");
  await fillRegistration(page, c);
  await page.getByRole("button", { name: "Đăng ký" }).click();
  await expect(page).toHaveURL(/\/dang-nhap\?da-dang-ky=1/);
  await expect(page.getByRole("status")).toContainText("Đăng ký thành công");
  await expectAccessible(page);

  await signIn(page, { email: c.email, password: c.password });
  await expect(page).toHaveURL(/\/ho-so-cua-toi$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hồ sơ của tôi");
  await expect(page.getByText(c.fullName).first()).toBeVisible();
  await expectAccessible(page);

  for (const path of ["/can-bo", "/quan-tri"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Bạn không có quyền truy cập trang này" })).toBeVisible();
    await expectAccessible(page);
  }
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/dang-nhap");
  await page.getByLabel("Thư điện tử").fill(DEMO.officer.email);
  await page.getByLabel("Mật khẩu").fill("sai-mat-khau-9");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(errorSummary(page)).toContainText("Thư điện tử hoặc mật khẩu không đúng.");
  await expect(page.getByLabel("Thư điện tử")).toHaveValue(DEMO.officer.email);
  await expectAccessible(page);
});

test("anonymous visitors are sent to sign in, then back", async ({ page }) => {
  await page.goto("/can-bo");
  await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fcan-bo/);
  await page.getByLabel("Thư điện tử").fill(DEMO.officer.email);
  await page.getByLabel("Mật khẩu").fill(DEMO.officer.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/can-bo$/);
  await expect(page.getByText("Ủy ban nhân dân thành phố Hồ Chí Minh").first()).toBeVisible();
  await expect(page.getByTestId("catalog-item").first()).toBeVisible();
  await expectAccessible(page);
  expect((await page.goto("/quan-tri"))?.status()).toBe(403);
});

test("the VPCP admin sees the portal's figures and the audited denials", async ({ browser }) => {
  // A citizen is refused first, so there is a denial to see.
  const citizen = await pageAs(browser, "citizen");
  expect((await citizen.goto("/quan-tri"))?.status()).toBe(403);
  await citizen.context().close();

  const page = await pageAs(browser, "admin");
  await page.goto("/quan-tri");
  await expect(page).toHaveURL(/\/quan-tri$/);
  await expect(page.getByText("Tỉnh, thành phố").first()).toBeVisible();
  const denied = page.getByRole("row").filter({ hasText: "Bị từ chối" }).filter({ hasText: "/quan-tri" });
  await expect(denied.first()).toBeVisible();
  await expectAccessible(page);
});

test("signing out everywhere ends the session", async ({ page }) => {
  // An account of its own: signing the demo citizen out everywhere would end the other tests' sessions.
  const c = uniqueCitizen();
  await page.goto("/dang-ky");
  await fillRegistration(page, c);
  await page.getByRole("button", { name: "Đăng ký" }).click();
  await expect(page).toHaveURL(/\/dang-nhap\?da-dang-ky=1/);
  await signIn(page, { email: c.email, password: c.password });
  await page.goto("/ho-so-cua-toi");
  await page.getByRole("button", { name: "Đăng xuất khỏi mọi thiết bị" }).click();
  await expect(page).toHaveURL(/\/dang-nhap/);
  await page.goto("/ho-so-cua-toi");
  await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fho-so-cua-toi/);
});

test("repeated wrong passwords pause sign-in for that e-mail from this client, saying for how long", async ({ page }) => {
  // An address nobody has: the refusal reads the same whether or not the account exists.
  const email = `khong-ai-${Date.now()}@example.com`;
  await page.goto("/dang-nhap");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Thư điện tử").fill(email);
    await page.getByLabel("Mật khẩu").fill(`sai-mat-khau-${i}`);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(errorSummary(page)).toContainText("Thư điện tử hoặc mật khẩu không đúng.");
  }
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill("sai-mat-khau-5");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(errorSummary(page)).toContainText(/Vui lòng thử lại sau 1[45] phút\./);
  await expectAccessible(page);
});

/** Moves every session of an account an hour past any idle timeout, in the e2e server's database. */
async function idleSessionsOf(email: string): Promise<void> {
  const env = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".data", "e2e-env.json"), "utf8")) as { DATABASE_URL: string };
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `UPDATE session SET last_seen_at = now() - interval '1 day' WHERE user_id = (SELECT id FROM app_user WHERE email = $1)`,
      [email],
    );
  } finally {
    await client.end();
  }
}

test("an idle session ends: sign in again and come back to the form with its draft", async ({ page }) => {
  test.setTimeout(120_000);
  // An account of its own: timing out the demo citizen would end the other tests' sessions.
  const c = uniqueCitizen();
  await page.goto("/dang-ky");
  await fillRegistration(page, c);
  await page.getByRole("button", { name: "Đăng ký" }).click();
  await expect(page).toHaveURL(/\/dang-nhap\?da-dang-ky=1/);
  await signIn(page, { email: c.email, password: c.password });

  await openFilingForm(page, "Cấp Giấy xác nhận tình trạng hôn nhân");
  await page.waitForURL(/\/nop-ho-so\//);
  const formUrl = new URL(page.url()).pathname;
  await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Thành phố Hồ Chí Minh" });
  await page.getByLabel("Quận, huyện").selectOption({ label: "Quận 1" });
  await page.getByLabel("Phường, xã").selectOption({ label: "Phường Bến Nghé" });
  await page.getByLabel("Số nhà, đường, thôn, xóm").fill("7 Nguyễn Huệ");
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  await page.getByLabel("Nội dung đề nghị giải quyết").fill("Đề nghị cấp để làm thủ tục kết hôn.");
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu nháp" })).toBeVisible({ timeout: 10_000 });

  await idleSessionsOf(c.email);
  await page.reload();
  await expect(page).toHaveURL(new RegExp(`/dang-nhap\\?next=${encodeURIComponent(formUrl)}&het-phien=1`));
  await expect(page.getByRole("status")).toContainText("Phiên đăng nhập đã hết hạn");
  await expectAccessible(page);

  await page.getByLabel("Thư điện tử").fill(c.email);
  await page.getByLabel("Mật khẩu").fill(c.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(new RegExp(`${formUrl}$`));
  await expect(page.getByText("Tiếp tục bản nháp đã lưu.")).toBeVisible();
  await expect(page.getByLabel("Nội dung đề nghị giải quyết")).toHaveValue("Đề nghị cấp để làm thủ tục kết hôn.");
});
