import { expect } from "@playwright/test";
import { expectAccessible, test } from "./helpers";

async function search(page: import("@playwright/test").Page, q: string) {
  await page.goto("/");
  await page.getByRole("combobox", { name: "Tìm kiếm thủ tục hành chính" }).fill(q);
  await page.getByRole("button", { name: "Tìm kiếm" }).click();
  await expect(page).toHaveURL(/\/thu-tuc\?q=/);
  return page.getByTestId("catalog-item");
}

test("the home page offers search and browsing by agency, field and level", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tìm thủ tục, nộp hồ sơ trực tuyến");
  await expect(page.getByRole("heading", { name: "Tra cứu theo cơ quan" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Văn phòng Chính phủ" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Thanh Hóa", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Mức độ 4 — Toàn trình" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Hộ tịch" })).toBeVisible();
  await expectAccessible(page);
});

for (const q of ["dang ky khai sinh", "Đăng ký khai sinh", "dang ki khai sinh"]) {
  test(`searching "${q}" finds Đăng ký khai sinh first`, async ({ page }) => {
    const items = await search(page, q);
    await expect(items.first().getByRole("heading")).toHaveText("Đăng ký khai sinh");
    await expect(items.first()).toContainText("34 cơ quan thực hiện");
  });
}

test('searching "ly lich tu phap" finds the justice-record certificate', async ({ page }) => {
  const items = await search(page, "ly lich tu phap");
  await expect(items.first().getByRole("heading")).toContainText("Cấp Phiếu lý lịch tư pháp");
  await expectAccessible(page);
});

test("from a procedure, a citizen picks the agency and reads every field of the service", async ({ page }) => {
  const items = await search(page, "dang ky khai sinh");
  await items.first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đăng ký khai sinh");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Hồ Chí Minh" }).click();
  await expect(page).toHaveURL(/\/thu-tuc\/\d\.\d{6}\.000\.00\.00\.H29$/);
  await expect(page.getByText("Ủy ban nhân dân thành phố Hồ Chí Minh").first()).toBeVisible();
  for (const label of [
    "Mã thủ tục",
    "Lĩnh vực",
    "Cách thức thực hiện",
    "Thành phần hồ sơ",
    "Trình tự thực hiện",
    "Kết quả thực hiện",
    "Căn cứ pháp lý",
  ]) {
    await expect(page.getByRole("term").filter({ hasText: label })).toBeVisible();
  }
  await expect(page.getByRole("cell", { name: "60/2014/QH13" })).toBeVisible();
  await expectAccessible(page);
});

test("the catalog filters, counts and pages to the last page", async ({ page }) => {
  await page.goto("/thu-tuc");
  await expect(page.getByRole("heading", { name: /kết quả$/ })).toBeVisible();
  await page.getByLabel("Cơ quan thực hiện").selectOption({ label: "TP. Hồ Chí Minh" });
  await page.getByLabel("Mức độ").selectOption("4");
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/co-quan=000\.00\.00\.H29/);
  const heading = page.getByRole("heading", { name: /kết quả$/ });
  const total = Number((await heading.textContent())!.replace(/\D/g, ""));
  expect(total).toBeGreaterThan(20);
  await expect(page.getByTestId("catalog-item")).toHaveCount(20);
  await expect(page.getByTestId("catalog-item").first()).toContainText("Toàn trình (mức 4)");
  const firstOnFirstPage = await page.getByTestId("catalog-item").first().textContent();
  await page.getByRole("link", { name: "Trang cuối" }).click();
  // Keyset paging: the last page is the last 20 rows of the listing.
  await expect(page.getByTestId("catalog-item")).toHaveCount(20);
  await expect(page.getByTestId("catalog-item").first()).not.toHaveText(firstOnFirstPage!);
  await expect(page.getByText("Trang sau", { exact: true })).toHaveAttribute("aria-disabled", "true");
  await page.getByRole("link", { name: "Trang trước" }).click();
  await expect(page.getByTestId("catalog-item")).toHaveCount(20);
  await expectAccessible(page);
});

test("agency pages list their services", async ({ page }) => {
  await page.goto("/co-quan");
  await expect(page.getByRole("table")).toHaveCount(2);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Bộ Tư pháp" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bộ Tư pháp");
  await expect(page.getByText("000.00.00.G15")).toBeVisible();
  await expect(page.getByTestId("catalog-item").first()).toBeVisible();
  await expectAccessible(page);
});

test("unknown pages answer 404 in Vietnamese", async ({ page }) => {
  const res = await page.goto("/khong-co-trang-nay");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();
  await expectAccessible(page);
  expect((await page.goto("/thu-tuc/9.999999"))?.status()).toBe(404);
  expect((await page.goto("/co-quan/000.00.00.G99"))?.status()).toBe(404);
});

test("security headers are set on every response", async ({ request }) => {
  for (const path of ["/", "/thu-tuc?q=a", "/dang-nhap", "/api/auth/csrf"]) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"], path).not.toContain("unsafe-eval");
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["strict-transport-security"], path).toBeUndefined();
    expect(h["x-powered-by"], path).toBeUndefined();
  }
  // A client's own X-Forwarded-Proto is not believed without TRUSTED_PROXIES (tests/e2e/security-headers.spec.ts,
  // tests/unit/security-headers.test.ts for the trusted case).
  const https = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toBeUndefined();
});
