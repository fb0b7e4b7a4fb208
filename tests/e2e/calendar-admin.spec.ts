// End-to-end tests of Quản trị → Lịch làm việc: the VPCP admin keeps the holidays, with and without JavaScript.
import { expect, test, type Page } from "@playwright/test";
import { authFile, errorSummary, expectAccessible } from "./helpers";

const PAGE = "/quan-tri/lich-lam-viec";

const dateField = (page: Page) => page.getByLabel("Ngày (bắt buộc)", { exact: true });
const nameField = (page: Page) => page.getByLabel("Tên ngày");
const rowsNamed = (page: Page, name: string) => page.getByRole("row").filter({ hasText: name });

async function fillDay(
  page: Page,
  day: { date: string; kind: "Ngày nghỉ lễ, Tết" | "Ngày làm việc bù (thứ Bảy, Chủ nhật)"; name: string },
) {
  await dateField(page).fill(day.date);
  await page.getByLabel(day.kind).check();
  await nameField(page).fill(day.name);
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
}

test.describe(() => {
  test.use({ storageState: authFile("admin") });

  test("the VPCP admin adds, is refused, and deletes a day in 2016", async ({ page }) => {
    const name = "Nghỉ thử nghiệm e2e";
    await page.goto("/quan-tri");
    await expect(page).toHaveURL(/\/quan-tri$/);
    await page.getByRole("link", { name: "Lịch làm việc" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lịch làm việc");
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Chọn năm" }).getByRole("link", { name: "2016", exact: true }).click();
    await expect(page).toHaveURL(/\?nam=2016$/);
    await expect(page.getByRole("heading", { name: "Năm 2016" })).toBeVisible();
    const tet = rowsNamed(page, "Tết Nguyên đán");
    await expect(tet).toHaveCount(5);
    await expect(tet.first()).toContainText("08/02/2016");
    await expect(tet.first()).toContainText("thứ Hai");
    await expect(tet.first()).toContainText("Ngày nghỉ lễ, Tết");
    await expect(page.getByTestId("so-ngay-lam-viec")).toHaveText(/^\d{3}$/);
    const workingDays = Number(await page.getByTestId("so-ngay-lam-viec").textContent());
    await expect(page.getByRole("button", { name: "Thêm ngày nghỉ gợi ý cho năm 2016" })).toBeVisible();
    await expectAccessible(page);

    // A weekday off: it appears in the table and the year has one working day fewer.
    await fillDay(page, { date: "2016-03-15", kind: "Ngày nghỉ lễ, Tết", name });
    await expect(page.getByRole("status")).toHaveText("Đã lưu ngày 15/03/2016.");
    await expect(rowsNamed(page, name)).toContainText("15/03/2016");
    await expect(rowsNamed(page, name)).toContainText("thứ Ba");
    await expect(page.getByTestId("so-ngay-lam-viec")).toHaveText(String(workingDays - 1));

    // A holiday on a Sunday is refused; what was typed stays, and the error sits beside the date and in the summary.
    await fillDay(page, { date: "2016-03-13", kind: "Ngày nghỉ lễ, Tết", name: "Nghỉ Chủ nhật e2e" });
    await expect(errorSummary(page)).toContainText("13/03/2016 là Chủ nhật");
    await expect(errorSummary(page)).toBeFocused();
    await expect(dateField(page)).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#date-loi")).toContainText("Chủ nhật");
    await expect(dateField(page)).toHaveValue("2016-03-13");
    await expect(nameField(page)).toHaveValue("Nghỉ Chủ nhật e2e");
    await expect(page.getByLabel("Ngày nghỉ lễ, Tết")).toBeChecked();
    await expect(rowsNamed(page, "Nghỉ Chủ nhật e2e")).toHaveCount(0);
    await expectAccessible(page);

    await rowsNamed(page, name).getByRole("button", { name: "Xóa ngày 15/03/2016" }).click();
    await expect(page.getByRole("status")).toHaveText("Đã xóa ngày 15/03/2016 khỏi lịch.");
    await expect(rowsNamed(page, name)).toHaveCount(0);
    await expect(page.getByTestId("so-ngay-lam-viec")).toHaveText(String(workingDays));
    // After a success the form starts afresh.
    await expect(errorSummary(page)).toHaveCount(0);
    await expect(nameField(page)).toHaveValue("");
  });

  test("the calendar forms work without JavaScript", async ({ browser, page }) => {
    // Signing in needs the script of the sign-in form; the calendar page itself must not.
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const noJs = await context.newPage();
    const name = "Làm bù thử nghiệm không JavaScript";
    await noJs.goto(`${PAGE}?nam=2017`);

    await fillDay(noJs, { date: "2017-05-09", kind: "Ngày làm việc bù (thứ Bảy, Chủ nhật)", name });
    await expect(errorSummary(noJs)).toContainText("09/05/2017 là thứ Ba");
    await expect(nameField(noJs)).toHaveValue(name);
    await expect(noJs.getByLabel("Ngày làm việc bù (thứ Bảy, Chủ nhật)")).toBeChecked();

    await fillDay(noJs, { date: "2017-05-14", kind: "Ngày làm việc bù (thứ Bảy, Chủ nhật)", name });
    await expect(noJs).toHaveURL(/\?nam=2017&da-luu=2017-05-14$/);
    await expect(rowsNamed(noJs, name)).toContainText("Ngày làm việc bù (thứ Bảy, Chủ nhật)");
    await expect(rowsNamed(noJs, name)).toContainText("Chủ nhật");

    await rowsNamed(noJs, name).getByRole("button", { name: "Xóa ngày 14/05/2017" }).click();
    await expect(noJs.getByRole("status")).toHaveText("Đã xóa ngày 14/05/2017 khỏi lịch.");
    await expect(rowsNamed(noJs, name)).toHaveCount(0);
    await context.close();
  });
});

test.describe(() => {
  test.use({ storageState: authFile("citizen") });

  test("a citizen gets 403 for the calendar page", async ({ page }) => {
    const res = await page.goto(PAGE);
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Bạn không có quyền truy cập trang này" })).toBeVisible();
    await expectAccessible(page);
  });
});
