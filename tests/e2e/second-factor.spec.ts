// End-to-end tests of the second factor (TOTP) of officers and administrators: a VPCP administrator with only
// the password reaches no admin page and runs no admin action, and does with the code; an officer enrols
// through the account page (the key read in text, no scanning), keeps the recovery codes, signs in with a code,
// then with a recovery code that works only once; the agency administrator resets it.
import { expect, type Page } from "@playwright/test";
import { generate } from "otplib";
import {
  authFile,
  DEMO,
  errorSummary,
  expectAccessible,
  giveTotpCode,
  pageAs,
  SECOND_FACTOR_PAGE,
  signIn,
  SIGNED_OUT,
  test,
} from "./helpers";

const h1 = (page: Page) => page.getByRole("heading", { level: 1 });
const adminLink = (page: Page) => page.getByRole("banner").getByRole("link", { name: "Quản trị", exact: true });

async function signOut(page: Page): Promise<void> {
  await page.getByRole("banner").getByRole("button", { name: "Đăng xuất" }).click();
  await page.waitForURL((u) => u.pathname === "/" || u.pathname === "/trang-chu");
}

test.describe(() => {
  test.use({ storageState: SIGNED_OUT });

  test("a VPCP admin with only the password is held at the code page and refused by the door; with the code, goes on", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    await signIn(page, { email: DEMO.admin.email, password: DEMO.admin.password }, "/quan-tri/lich-lam-viec");
    await expect(page).toHaveURL(/\/dang-nhap\/xac-thuc-hai-buoc\?next=%2Fquan-tri%2Flich-lam-viec$/);
    await expect(h1(page)).toHaveText("Xác thực hai bước");
    // The header shows the name, but no staff menu while the code is owed.
    await expect(page.getByRole("banner").getByRole("button", { name: "Đăng xuất" })).toBeVisible();
    await expect(adminLink(page)).toHaveCount(0);
    await expectAccessible(page);
    for (const path of ["/quan-tri", "/quan-tri/kiem-tra-lich-su", "/tai-khoan/xac-thuc-hai-buoc"]) {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`${SECOND_FACTOR_PAGE}\\?next=${encodeURIComponent(path)}$`));
    }

    // A server action through the door: the calendar form, opened by a signed-in admin, posted with this session.
    const unverified = await page.context().cookies();
    const admin = await pageAs(browser, "admin");
    await admin.goto("/quan-tri/lich-lam-viec?nam=2017");
    const verified = await admin.context().cookies();
    await admin.context().clearCookies();
    await admin.context().addCookies(unverified);
    const name = "Nghỉ thử hai bước e2e";
    await admin.getByLabel("Ngày (bắt buộc)", { exact: true }).fill("2017-03-14");
    await admin.getByLabel("Ngày nghỉ lễ, Tết").check();
    await admin.getByLabel("Tên ngày").fill(name);
    await admin.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect(errorSummary(admin)).toContainText("Bạn không có quyền");
    await admin.context().clearCookies();
    await admin.context().addCookies(verified);
    await admin.reload();
    await expect(admin.getByRole("heading", { name: "Năm 2017" })).toBeVisible();
    await expect(admin.getByRole("row").filter({ hasText: name })).toHaveCount(0);
    await admin.context().close();

    // A wrong code: refused beside the field, still held.
    const right = await generate({ secret: DEMO.admin.totpSecret! });
    await page.goto(`${SECOND_FACTOR_PAGE}?next=%2Fquan-tri%2Flich-lam-viec`);
    await page.getByLabel("Mã xác thực").fill(right === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Xác nhận", exact: true }).click();
    await expect(errorSummary(page)).toContainText("Mã xác thực không đúng");
    await expect(page.locator("#code-loi")).toBeVisible();
    await expect(page.getByRole("button", { name: "Xác nhận", exact: true })).toBeEnabled();
    await page.waitForTimeout(300); // the button's opacity eases back from its pending state (.btn's transition)
    await expectAccessible(page);

    // With the code: on to the page first asked for, menus back.
    await page.reload();
    await giveTotpCode(page, DEMO.admin.totpSecret!);
    await expect(page).toHaveURL(/\/quan-tri\/lich-lam-viec$/);
    await expect(h1(page)).toHaveText("Lịch làm việc");
    await expect(adminLink(page)).toBeVisible();
    await page.goto("/quan-tri");
    await expect(page).toHaveURL(/\/quan-tri$/);
  });

  test("an officer enrols, keeps recovery codes, signs in with a code, then with a recovery code that works once; the agency admin resets it", async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    // A fresh officer of the HCMC agency, so no other test's officer session is asked for a code.
    const email = `canbo.haibuoc.${Date.now()}@tphcm.example.gov.vn`;
    const fullName = "Võ Thị Thu Hà";
    const password = "MatKhau2026xyz";
    const agency = await pageAs(browser, "agencyAdmin");
    await agency.goto("/can-bo/quan-tri-co-quan/can-bo");
    await agency.getByLabel("Họ và tên").fill(fullName);
    await agency.getByLabel("Thư điện tử").fill(email);
    await agency.getByRole("radio", { name: "Cán bộ một cửa" }).check();
    await agency.getByLabel("Mật khẩu ban đầu (bắt buộc)", { exact: true }).fill(password);
    await agency.getByLabel("Nhập lại mật khẩu ban đầu").fill(password);
    await agency.getByRole("button", { name: "Tạo tài khoản" }).click();
    await expect(agency.getByRole("status")).toHaveText(`Đã tạo tài khoản cho ${fullName}.`);
    const officerRow = agency.getByRole("row").filter({ hasText: email });
    await expect(officerRow).toContainText("Chưa bật");

    // Optional for officers: no code asked yet.
    await signIn(page, { email, password });
    await expect(page).toHaveURL(/\/can-bo$/);
    await page.getByRole("banner").getByRole("link", { name: "Xác thực hai bước" }).click();
    await expect(h1(page)).toHaveText("Xác thực hai bước");
    await expect(page.getByText("Trạng thái: chưa bật.")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Bắt đầu thiết lập" }).click();
    await expect(page.getByRole("heading", { name: "Thiết lập ứng dụng xác thực" })).toBeVisible();
    await expect(page.getByRole("img", { name: "Mã QR để thêm tài khoản vào ứng dụng xác thực" })).toBeVisible();
    const secret = (await page.locator("#khoa-thiet-lap").textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectAccessible(page);

    // A wrong first code enables nothing; the right one shows ten recovery codes, once.
    const first = await generate({ secret });
    await page.getByLabel("Mã xác thực").fill(first === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Xác nhận và bật" }).click();
    await expect(errorSummary(page)).toContainText("Mã xác thực không đúng");
    await page.getByLabel("Mã xác thực").fill(await generate({ secret }));
    await page.getByRole("button", { name: "Xác nhận và bật" }).click();
    await expect(page.getByRole("status")).toContainText("Đã bật xác thực hai bước.");
    const list = page.getByRole("list", { name: "Danh sách mã khôi phục" }).getByRole("listitem");
    await expect(list).toHaveCount(10);
    const codes = (await list.allTextContents()).map((c) => c.trim());
    expect(codes[0]).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    await expectAccessible(page);
    // "I saved them" must be ticked before going on.
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Vui lòng xác nhận bạn đã lưu" })).toBeVisible();
    await page.getByLabel("Tôi đã lưu các mã khôi phục ở nơi an toàn").check();
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await expect(page).toHaveURL(/\/can-bo$/);
    await page.goto("/tai-khoan/xac-thuc-hai-buoc");
    await expect(page.getByText(/^Trạng thái: đã bật từ/)).toBeVisible();
    await expect(page.getByText("Còn 10 mã khôi phục chưa dùng.")).toBeVisible();
    await signOut(page);

    // Signing in now asks for the code (the enrolment used this step's: the helper waits for the next).
    await signIn(page, { email, password }, "/can-bo");
    await expect(page).toHaveURL(/\/dang-nhap\/xac-thuc-hai-buoc\?next=%2Fcan-bo$/);
    await giveTotpCode(page, secret);
    await expect(page).toHaveURL(/\/can-bo$/);
    await signOut(page);

    // A lost phone: a recovery code lets in once, and the account page says to replace or renew.
    await signIn(page, { email, password });
    await expect(page).toHaveURL(new RegExp(SECOND_FACTOR_PAGE));
    await page.getByLabel("Mã xác thực").fill(codes[0]!);
    await page.getByRole("button", { name: "Xác nhận", exact: true }).click();
    await expect(page).toHaveURL(/\/tai-khoan\/xac-thuc-hai-buoc\?da-dung-ma-khoi-phuc=1/);
    await expect(page.getByText(/Bạn vừa đăng nhập bằng một mã khôi phục/)).toBeVisible();
    await expect(page.getByText("Còn 9 mã khôi phục chưa dùng.")).toBeVisible();
    await expectAccessible(page);
    await signOut(page);

    await signIn(page, { email, password });
    await page.getByLabel("Mã xác thực").fill(codes[0]!);
    await page.getByRole("button", { name: "Xác nhận", exact: true }).click();
    await expect(errorSummary(page)).toContainText("Mã xác thực không đúng");
    await expect(page).toHaveURL(new RegExp(SECOND_FACTOR_PAGE));

    // Phone and codes lost: the agency administrator resets it; the officer's sessions end.
    await agency.reload();
    await expect(officerRow).toContainText("Đã bật");
    await officerRow.getByRole("button", { name: `Đặt lại xác thực hai bước cho ${fullName}` }).click();
    await expect(agency.getByRole("status")).toContainText(`Đã đặt lại xác thực hai bước của ${fullName}`);
    await expect(agency.getByRole("row").filter({ hasText: email })).toContainText("Chưa bật");
    await expectAccessible(agency);
    await agency.context().close();
    await signIn(page, { email, password });
    await expect(page).toHaveURL(/\/can-bo$/);
  });
});

test.describe(() => {
  test.use({ storageState: authFile("admin") });

  test("the VPCP admin may replace the authenticator but not turn it off", async ({ page }) => {
    await page.goto("/tai-khoan/xac-thuc-hai-buoc");
    await expect(h1(page)).toHaveText("Xác thực hai bước");
    await expect(page.getByText(/^Trạng thái: đã bật từ/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Thay thiết bị xác thực" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Tắt xác thực hai bước" })).toHaveCount(0);
    await expect(page.getByText("không được tắt xác thực hai bước")).toBeVisible();
    await expectAccessible(page);
  });

  test("the VPCP admin sees an agency's administrators and their second factor", async ({ page }) => {
    await page.goto("/quan-tri/co-quan/000.00.00.H29");
    await expect(page.getByRole("heading", { name: "Tài khoản quản trị cơ quan" })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: DEMO.agencyAdmin.email });
    await expect(row).toContainText(/Chưa bật|Đã bật/);
    await expectAccessible(page);
  });
});
