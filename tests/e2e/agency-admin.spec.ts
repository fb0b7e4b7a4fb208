// End-to-end tests of Quản trị cơ quan: the HCMC agency admin manages the agency's officers and services, with and
// without JavaScript; a plain officer is refused these pages.
import { expect, test, type Page } from "@playwright/test";
import { authFile, DEMO, errorSummary, expectAccessible, SIGNED_OUT } from "./helpers";

const OFFICERS = "/can-bo/quan-tri-co-quan/can-bo";
const SERVICES = "/can-bo/quan-tri-co-quan/dich-vu";
const HCM_ADMIN = DEMO.agencyAdmin;

const rowOf = (page: Page, text: string) => page.getByRole("row").filter({ hasText: text });
const daysField = (page: Page) => page.getByLabel("Thời hạn giải quyết khi nộp trực tuyến (ngày làm việc)");
const saveButton = (page: Page) => page.getByRole("button", { name: "Lưu thay đổi" });

/** Opens a service's edit page from the list, found by its name typed without diacritics. */
async function openService(page: Page, folded: string, name: string) {
  await page.goto(SERVICES);
  await page.getByLabel("Tìm dịch vụ theo tên").fill(folded);
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2 })).toContainText(`có tên chứa “${folded}”`);
  await page.getByRole("link", { name: `Sửa dịch vụ ${name}`, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
}

test.describe(() => {
  test.use({ storageState: authFile("agencyAdmin") });

  test("the HCMC admin creates an officer, sees them listed, and disables them", async ({ page, browser }) => {
    const email = `canbo.e2e.${Date.now()}@tphcm.example.gov.vn`;
    const name = "Đặng Minh Khoa";
    await page.goto(OFFICERS);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cán bộ của cơ quan");
    await expect(rowOf(page, HCM_ADMIN.email)).toContainText("Tài khoản của bạn");
    await expectAccessible(page);

    // A mistyped confirmation: the error sits beside the field and in the summary; name, e-mail and role stay.
    await page.getByLabel("Họ và tên").fill(name);
    await page.getByLabel("Thư điện tử").fill(email);
    await page.getByRole("radio", { name: "Quản trị cơ quan" }).check();
    await page.getByLabel("Mật khẩu ban đầu (bắt buộc)", { exact: true }).fill("MatKhau2026abc");
    await page.getByLabel("Nhập lại mật khẩu ban đầu").fill("MatKhau2026abd");
    await page.getByRole("button", { name: "Tạo tài khoản" }).click();
    await expect(errorSummary(page)).toContainText("hai mật khẩu không khớp");
    await expect(errorSummary(page)).toBeFocused();
    await expect(page.locator("#passwordConfirm-loi")).toContainText("không khớp");
    await expect(page.getByLabel("Họ và tên")).toHaveValue(name);
    await expect(page.getByLabel("Thư điện tử")).toHaveValue(email);
    await expect(page.getByRole("radio", { name: "Quản trị cơ quan" })).toBeChecked();
    await expectAccessible(page);

    await page.getByRole("radio", { name: "Cán bộ một cửa" }).check();
    await page.getByLabel("Mật khẩu ban đầu (bắt buộc)", { exact: true }).fill("MatKhau2026abc");
    await page.getByLabel("Nhập lại mật khẩu ban đầu").fill("MatKhau2026abc");
    await page.getByRole("button", { name: "Tạo tài khoản" }).click();
    await expect(page.getByRole("status")).toHaveText(`Đã tạo tài khoản cho ${name}.`);
    const row = rowOf(page, email);
    await expect(row).toContainText(name);
    await expect(row).toContainText("Cán bộ một cửa");
    await expect(row).toContainText("Đang hoạt động");
    await expect(page.getByLabel("Họ và tên")).toHaveValue("");

    await row.getByRole("button", { name: `Khóa tài khoản của ${name}` }).click();
    await expect(page.getByRole("status")).toContainText(`Đã khóa tài khoản của ${name}.`);
    await expect(rowOf(page, email)).toContainText("Đã khóa từ");
    await expect(rowOf(page, email).getByRole("button", { name: `Mở khóa tài khoản của ${name}` })).toBeVisible();
    await expectAccessible(page);

    // The disabled officer cannot sign in.
    const context = await browser.newContext({ storageState: SIGNED_OUT });
    const other = await context.newPage();
    await other.goto("/dang-nhap");
    await other.getByLabel("Thư điện tử").fill(email);
    await other.getByLabel("Mật khẩu").fill("MatKhau2026abc");
    await other.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(other.getByText("Tài khoản đã bị khóa")).toBeVisible();
    await context.close();
  });

  test("the HCMC admin edits a service's processing days", async ({ page }) => {
    const name = "Chứng thực di chúc";
    await page.goto(SERVICES);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dịch vụ công của cơ quan");
    await expectAccessible(page);

    await openService(page, "chung thuc di chuc", name);
    await expectAccessible(page);
    const days = Number(await daysField(page).inputValue());
    const next = days >= 365 ? 1 : days + 3;

    // Refused: the typed values stay and the error sits beside the field and in the summary.
    await daysField(page).fill("400");
    await saveButton(page).click();
    await expect(errorSummary(page)).toContainText("Thời hạn giải quyết: vui lòng nhập số nguyên từ 1 đến 365");
    await expect(daysField(page)).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#processingDays-loi")).toBeVisible();
    await expect(daysField(page)).toHaveValue("400");
    await expectAccessible(page);

    await daysField(page).fill(String(next));
    await saveButton(page).click();
    await expect(page.getByRole("status")).toContainText("Đã lưu thay đổi.");
    await expect(daysField(page)).toHaveValue(String(next));
    await expect(errorSummary(page)).toHaveCount(0);

    await page.getByRole("link", { name: "Về danh sách dịch vụ" }).click();
    await page.getByLabel("Tìm dịch vụ theo tên").fill("chung thuc di chuc");
    await page.getByRole("button", { name: "Tìm", exact: true }).click();
    await expect(rowOf(page, name)).toContainText(`${next} ngày làm việc`);
  });

  test("the service form works without JavaScript", async ({ browser, page }) => {
    // Signing in needs the script of the sign-in form; the admin pages themselves must not.
    const name = "Chứng thực văn bản từ chối nhận di sản";
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const noJs = await context.newPage();
    await openService(noJs, "tu choi nhan di san", name);

    await noJs.getByLabel("Lệ phí khi nộp trực tuyến (đồng)").fill("mười nghìn");
    await saveButton(noJs).click();
    await expect(errorSummary(noJs)).toContainText("Lệ phí: vui lòng nhập số tiền bằng đồng");
    await expect(noJs.getByLabel("Lệ phí khi nộp trực tuyến (đồng)")).toHaveValue("mười nghìn");

    await noJs.getByLabel("Lệ phí khi nộp trực tuyến (đồng)").fill("25.000");
    await daysField(noJs).fill("4");
    await saveButton(noJs).click();
    await expect(noJs).toHaveURL(/\?da-luu=\d+$/);
    await expect(noJs.getByRole("status")).toContainText("Đã lưu thay đổi.");
    await expect(noJs.getByLabel("Lệ phí khi nộp trực tuyến (đồng)")).toHaveValue("25000");
    await expect(daysField(noJs)).toHaveValue("4");
    await context.close();
  });
});

test.describe(() => {
  test.use({ storageState: authFile("officer") });

  test("a plain officer gets 403 on the agency admin pages", async ({ page }) => {
    for (const path of [OFFICERS, SERVICES, `${SERVICES}/2.001019.000.00.00.H29`]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "Bạn không có quyền truy cập trang này" })).toBeVisible();
    }
    await expectAccessible(page);
  });
});
