// The officer's agency statistics page: table, chart, month range, CSV download; citizens are refused.
import { expect, test } from "@playwright/test";
import { authFile, expectAccessible } from "./helpers";

/** yyyy-mm of the month `n` months from now, in Vietnam time (UTC+7 all year). */
function monthFromNow(n: number): string {
  const local = new Date(Date.now() + 7 * 3600_000);
  const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + n, 1));
  return d.toISOString().slice(0, 7);
}

test.describe(() => {
  test.use({ storageState: authFile("officer") });

  test("the officer sees the agency's monthly table and chart, picks a range and downloads the CSV", async ({ page }) => {
    await page.goto("/can-bo/thong-ke");
    await expect(page).toHaveURL(/\/can-bo\/thong-ke$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thống kê hồ sơ");
    await expect(page.getByText("Ủy ban nhân dân thành phố Hồ Chí Minh").first()).toBeVisible();

    // Twelve months by default: a header row and one row per month.
    const table = page.getByRole("table", { name: /Số liệu hồ sơ theo tháng/ });
    await expect(table.getByRole("columnheader", { name: "Đã giải quyết" })).toBeVisible();
    await expect(table.getByRole("row")).toHaveCount(13);
    const chart = page.getByRole("img", { name: /Hồ sơ tiếp nhận và hồ sơ đã giải quyết theo tháng/ });
    await expect(chart).toBeVisible();
    await expect(chart.locator("title")).toHaveText(
      /^Hồ sơ tiếp nhận và hồ sơ đã giải quyết theo tháng, từ \d{2}\/\d{4} đến \d{2}\/\d{4}$/,
    );
    await expectAccessible(page);

    // A three-month range through the GET form.
    const from = monthFromNow(-2);
    const to = monthFromNow(0);
    await page.getByLabel("Từ tháng").fill(from);
    await page.getByLabel("Đến tháng").fill(to);
    await page.getByRole("button", { name: "Xem" }).click();
    await expect(page).toHaveURL(new RegExp(`tu=${from}&den=${to}$`));
    await expect(table.getByRole("row")).toHaveCount(4);

    const href = await page.getByRole("link", { name: "Tải CSV" }).getAttribute("href");
    expect(href).toBe(`/can-bo/thong-ke/csv?tu=${from}&den=${to}`);
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers()["content-disposition"]).toBe(`attachment; filename="thong-ke-ho-so-000.00.00.H29-${from}-${to}.csv"`);
    const body = await res.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.subarray(3).toString("utf8").trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^Tháng,Tiếp nhận,/);
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual([from, monthFromNow(-1), to]);

    // A range in the future is named, and the default shown instead.
    await page.goto(`/can-bo/thong-ke?tu=${monthFromNow(1)}&den=${monthFromNow(2)}`);
    await expect(page.getByRole("alert").filter({ hasText: "Chưa có số liệu" })).toContainText("Đang hiển thị 12 tháng gần nhất.");
    await expect(table.getByRole("row")).toHaveCount(13);
    await expectAccessible(page);
  });
});

test.describe(() => {
  test.use({ storageState: authFile("citizen") });

  test("a citizen cannot open the statistics or download them", async ({ page }) => {
    const res = await page.goto("/can-bo/thong-ke");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Bạn không có quyền truy cập trang này" })).toBeVisible();
    expect((await page.request.get("/can-bo/thong-ke/csv")).status()).toBe(403);
  });
});
