// The catalog's filters (level, applicant, field, agency) combine with each other and with the search, on the home
// page and on /thu-tuc, as links that work without JavaScript; and every procedure offers its blank form as a PDF.
import { expect, type Page } from "@playwright/test";
import { expectAccessible, pdfText, test } from "./helpers";

const FIELD = "Thành lập và hoạt động của doanh nghiệp";
const FIELD_SLUG = "thanh-lap-va-hoat-dong-cua-doanh-nghiep";
/** Level 4, in FIELD, but for citizens only: never listed with the business filter. */
const CITIZENS_ONLY = "Đăng ký thành lập doanh nghiệp tư nhân";
/** Level 4, in FIELD, for businesses. */
const FOR_BUSINESS = "Giải thể doanh nghiệp";
const FILTERED = new RegExp(`/thu-tuc\\?muc-do=4&doi-tuong=doanh-nghiep&linh-vuc=${FIELD_SLUG}$`);

/** Every listed row is level 4 and in FIELD; the business procedure is there, the citizens-only one is not. */
async function expectOnlyMatching(page: Page) {
  const items = page.getByTestId("catalog-item");
  await expect(items.getByRole("link", { name: FOR_BUSINESS, exact: true })).toBeVisible();
  const n = await items.count();
  expect(n).toBeGreaterThan(1);
  for (let i = 0; i < n; i++) {
    await expect(items.nth(i)).toContainText("Toàn trình (mức 4)");
    await expect(items.nth(i)).toContainText(FIELD);
  }
  await expect(items.getByRole("link", { name: CITIZENS_ONLY, exact: true })).toHaveCount(0);
  await expect(items.getByRole("link", { name: "Đăng ký khai sinh", exact: true })).toHaveCount(0);
  // The count is of what is listed (fewer than a page here).
  await expect(page.getByRole("heading", { name: `${n} kết quả`, exact: true })).toBeVisible();
}

async function choose(page: Page) {
  await page.getByLabel("Mức độ", { exact: true }).selectOption("4");
  await page.getByLabel("Lĩnh vực", { exact: true }).selectOption(FIELD_SLUG);
  await page.getByLabel("Đối tượng thực hiện", { exact: true }).selectOption("doanh-nghiep");
}

test("on the home page, level 4 + a field + businesses lists only those procedures", async ({ page }) => {
  await page.goto("/");
  // Counts beside the choices.
  await expect(page.getByLabel("Mức độ", { exact: true }).locator("option", { hasText: /^Mức độ 4 — Toàn trình \(\d+\)$/ })).toHaveCount(1);
  await expectAccessible(page);
  await choose(page);
  await page.getByRole("button", { name: "Tìm kiếm" }).click();
  // The empty search box and the unused filters are dropped: the listing has one clean link.
  await expect(page).toHaveURL(FILTERED);
  await expectOnlyMatching(page);
  await expectAccessible(page);
});

test("the home page's level cards filter the catalog", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Mức độ 3 — Một phần" }).click();
  await expect(page).toHaveURL(/\/thu-tuc\?muc-do=3$/);
  const items = page.getByTestId("catalog-item");
  await expect(items).toHaveCount(20);
  for (let i = 0; i < 20; i++) await expect(items.nth(i)).toContainText("Một phần (mức 3)");
  await expect(page.getByTestId("active-filters")).toContainText("Mức độ 3 — Một phần");
});

test("on /thu-tuc, the filters combine with each other and with the search, and clear", async ({ page }) => {
  await page.goto("/thu-tuc");
  const total = Number((await page.getByRole("heading", { name: /kết quả$/ }).textContent())!.replace(/\D/g, ""));
  await choose(page);
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(FILTERED);
  await expectOnlyMatching(page);
  // The choices are kept in the form, with their counts.
  await expect(page.getByLabel("Đối tượng thực hiện", { exact: true })).toHaveValue("doanh-nghiep");
  await expect(page.getByLabel("Đối tượng thực hiện", { exact: true }).locator("option:checked")).toHaveText(
    /^Doanh nghiệp, tổ chức \(\d+\)$/,
  );
  await expectAccessible(page);

  // A search keeps the filters.
  await page.getByRole("combobox", { name: "Tìm kiếm thủ tục hành chính" }).fill("thanh lap cong ty");
  await page.getByRole("button", { name: "Tìm kiếm" }).click();
  await expect(page).toHaveURL(/q=thanh\+lap\+cong\+ty&muc-do=4&doi-tuong=doanh-nghiep&linh-vuc=thanh-lap-va-hoat-dong-cua-doanh-nghiep$/);
  const found = page.getByTestId("catalog-item");
  await expect(found.first()).toBeVisible();
  const n = await found.count();
  for (let i = 0; i < n; i++) {
    await expect(found.nth(i)).toContainText("Toàn trình (mức 4)");
    await expect(found.nth(i).getByRole("heading")).toContainText("công ty");
  }
  await expect(found.getByRole("link", { name: FOR_BUSINESS, exact: true })).toHaveCount(0);

  // Dropping one filter: the citizens' procedure of the field comes back; the search and the other filters stay.
  await page.getByRole("link", { name: "Bỏ lọc Doanh nghiệp, tổ chức" }).click();
  await expect(page).toHaveURL(/q=thanh\+lap\+cong\+ty&muc-do=4&linh-vuc=thanh-lap-va-hoat-dong-cua-doanh-nghiep$/);

  // Clearing the filters keeps the search only; clearing the search too lists everything.
  await page.getByRole("link", { name: "Xóa bộ lọc" }).click();
  await expect(page).toHaveURL(/\/thu-tuc\?q=thanh\+lap\+cong\+ty$/);
  await expect(page.getByTestId("active-filters")).toHaveCount(0);
  await page.goto(`/thu-tuc?muc-do=4&linh-vuc=${FIELD_SLUG}`);
  await expect(page.getByTestId("catalog-item").getByRole("link", { name: CITIZENS_ONLY, exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Xóa bộ lọc" }).click();
  await expect(page).toHaveURL(/\/thu-tuc$/);
  await expect(page.getByRole("heading", { name: `${total.toLocaleString("vi-VN")} kết quả`, exact: true })).toBeVisible();
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the home page's search form filters the catalog", async ({ page }) => {
    await page.goto("/");
    await choose(page);
    await page.getByRole("button", { name: "Tìm kiếm" }).click();
    await expect(page).toHaveURL(FILTERED);
    await expectOnlyMatching(page);
  });
});

test("parameters the catalog does not understand are ignored, never an error", async ({ request }) => {
  for (const [query, canonical] of [
    ["muc-do=9&doi-tuong=ca-nhan&cap=moon", "/thu-tuc"],
    ["linh-vuc=%3Cscript%3E&co-quan=000.00.00.H99&muc-do=4", "/thu-tuc?muc-do=4"],
    [`linh-vuc=khong-co-linh-vuc-nay&doi-tuong=doanh-nghiep`, "/thu-tuc?doi-tuong=doanh-nghiep"],
    ["muc-do=4&muc-do=3&doi-tuong=doanh-nghiep&doi-tuong=cong-dan", "/thu-tuc?muc-do=4&doi-tuong=doanh-nghiep"],
    ["q=&trang=1e309&sau=!!!&truoc=%20", "/thu-tuc"],
    ["q=ly%20lich&trang=99999999999999999999", "/thu-tuc?q=ly+lich&trang=50"],
    [`q=${"a".repeat(2000)}&muc-do=4`, `/thu-tuc?q=${"a".repeat(120)}&muc-do=4`],
    ["sau=eyJhIjoxfQ&muc-do=3", "/thu-tuc?muc-do=3&sau=eyJhIjoxfQ"],
    ["linh-vuc=ho-tich&muc-do=3", "/thu-tuc?muc-do=3&linh-vuc=ho-tich"],
    ["utm_source=x&doi-tuong=cong-dan", "/thu-tuc?doi-tuong=cong-dan"],
  ]) {
    const res = await request.get(`/thu-tuc?${query}`, { maxRedirects: 0 });
    expect(res.status(), query).toBe(307);
    expect(res.headers().location, query).toBe(canonical);
    const followed = await request.get(`/thu-tuc?${query}`);
    expect(followed.status(), query).toBe(200);
  }
});

/** All text of a PDF, whitespace collapsed. */

test("a procedure page offers its blank declaration form as a PDF", async ({ page }) => {
  await page.goto("/thu-tuc/1.001193");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đăng ký khai sinh");
  const link = page.getByTestId("blank-form-link");
  await expect(link).toHaveAttribute("href", "/thu-tuc/1.001193/to-khai.pdf");
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("to-khai-1.001193.pdf");

  const res = await page.request.get("/thu-tuc/1.001193/to-khai.pdf");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  expect(res.headers()["content-disposition"]).toBe('attachment; filename="to-khai-1.001193.pdf"');
  expect(res.headers()["cache-control"]).toContain("public");
  const text = await pdfText(await res.body());
  expect(text).toContain("TỜ KHAI ĐĂNG KÝ KHAI SINH");
  expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  expect(text).toContain("Giấy chứng sinh");

  // A service page offers its own (addressed to its agency); an unknown code is a 404.
  await page.goto("/thu-tuc/1.001193.000.00.00.H29");
  await expect(page.getByTestId("blank-form-link")).toHaveAttribute("href", "/thu-tuc/1.001193.000.00.00.H29/to-khai.pdf");
  await expectAccessible(page);
  const service = await page.request.get("/thu-tuc/1.001193.000.00.00.H29/to-khai.pdf");
  expect(service.status()).toBe(200);
  expect(await pdfText(await service.body())).toContain("Kính gửi: Ủy ban nhân dân thành phố Hồ Chí Minh");
  expect((await page.request.get("/thu-tuc/9.999999/to-khai.pdf")).status()).toBe(404);
  expect((await page.request.get("/thu-tuc/%E0%A4%A/to-khai.pdf")).status()).toBeLessThan(500);
});

test("a procedure without its own form offers the portal's generic request form", async ({ page }) => {
  await page.goto(`/thu-tuc?muc-do=4&doi-tuong=doanh-nghiep&linh-vuc=${FIELD_SLUG}`);
  await page.getByTestId("catalog-item").getByRole("link", { name: FOR_BUSINESS, exact: true }).click();
  const link = page.getByTestId("blank-form-link");
  await expect(link).toContainText("Tải mẫu đơn của Cổng để nộp trực tiếp (PDF)");
  await expectAccessible(page);
  const res = await page.request.get((await link.getAttribute("href"))!);
  expect(res.status()).toBe(200);
  const text = await pdfText(await res.body());
  expect(text).toContain("TỜ KHAI GIẢI THỂ DOANH NGHIỆP");
  expect(text).toContain("Mẫu do Cổng Dịch vụ công quốc gia lập từ biểu mẫu nộp trực tuyến");
});
