// Monitoring: the VPCP admin's dashboard, integration overview, an agency's drill-down (charts with their
// tables, recording a state), Resolution 36a progress; the public statistics and their CSV/JSON downloads
// equal the page; non-admins are refused. Every page passes axe.
import { expect, test, type Page } from "@playwright/test";
import { authFile, expectAccessible, pageAs } from "./helpers";

/** "1.234" / "2,5" / "—" as shown in vi-VN → the CSV's "1234" / "2.5" / "". */
const plain = (s: string) => (s.trim() === "—" ? "" : s.trim().replaceAll(".", "").replace(",", "."));

async function cellTexts(page: Page, table: string, key: string): Promise<string[]> {
  return page.getByTestId(`table-${table}`).locator(`tr[data-key="${key}"]`).locator("th, td").allInnerTexts();
}

test.describe(() => {
  test.use({ storageState: authFile("admin") });

  test("the VPCP admin sees connections, an agency's charts, records a state, and Resolution 36a progress", async ({ page }) => {
    await page.goto("/quan-tri");
    await expect(page.getByTestId("dashboard-headline")).toHaveText(/^\d+ bộ, ngành và \d+ tỉnh, thành phố đã kết nối$/);
    await expect(page.getByTestId("dashboard-36a")).toContainText("Tỷ lệ mức 3–4");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Tình hình kết nối liên thông văn bản" }).first().click();
    await expect(page).toHaveURL(/\/quan-tri\/ket-noi$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tình hình kết nối liên thông văn bản");
    await expect(page.getByTestId("headline")).toHaveText(/^\d+ bộ, ngành và \d+ tỉnh, thành phố đã kết nối$/);
    await expect(page.getByRole("table", { name: /Bộ, ngành trung ương \(30\)/ })).toBeVisible();
    await expect(
      page.getByRole("table", { name: /Tỉnh, thành phố trực thuộc trung ương \(34\)/ }).getByTestId("integration-row"),
    ).toHaveCount(34);
    await expectAccessible(page);
    // Sorting is a server-side ORDER BY chosen by a link.
    await page.getByRole("link", { name: "Trạng thái kết nối", exact: true }).click();
    await expect(page).toHaveURL(/sap-xep=trang-thai$/);
    await expect(page.getByRole("link", { name: "Trạng thái kết nối", exact: true })).toHaveAttribute("aria-current", "true");

    await page.goto("/quan-tri/ket-noi/000.00.00.H25");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Hà Tĩnh");
    const chart = page.getByRole("img", { name: /Văn bản gửi và nhận theo ngày trong 30 ngày qua/ });
    await expect(chart.locator("title")).toHaveText(/^Văn bản gửi và nhận theo ngày trong 30 ngày qua, /);
    await expect(page.getByRole("img", { name: /Độ trễ chuyển văn bản trung vị/ })).toBeVisible();
    await expect(page.getByRole("table", { name: "Số liệu văn bản theo ngày" }).getByRole("row")).toHaveCount(31);
    await expectAccessible(page);

    // Recording a state: a refused date is named, then the record is shown as recorded.
    await page.getByLabel("Đã kết nối hai chiều từ ngày").check();
    await page.getByRole("button", { name: "Lưu ghi nhận" }).click();
    await expect(page.locator("#tom-tat-loi")).toContainText("Ngày kết nối");
    await page.getByLabel("Đang thử nghiệm kết nối").check();
    await page.getByLabel("Ghi chú").fill("Thử nghiệm trục liên thông");
    await page.getByRole("button", { name: "Lưu ghi nhận" }).click();
    await expect(page.getByRole("status")).toHaveText("Đã lưu ghi nhận.");
    await expect(page.getByTestId("state")).toHaveText("Đang thử nghiệm (ghi nhận)");
    await expectAccessible(page);

    await page.goto("/quan-tri/nghi-quyet-36a");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tiến độ Nghị quyết 36a/NQ-CP");
    await expect(page.getByTestId("level-row")).toHaveCount(64);
    await expect(page.getByRole("img", { name: /Tỷ lệ dịch vụ mức độ 3–4/ })).toBeVisible();
    await expectAccessible(page);
  });
});

test("the public statistics equal their CSV and JSON downloads", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Thống kê", exact: true }).click();
  await expect(page).toHaveURL(/\/thong-ke$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thống kê giải quyết thủ tục hành chính");
  await expect(page.getByRole("img", { name: "Hồ sơ tiếp nhận và đã giải quyết toàn quốc theo tháng" })).toBeVisible();
  await expect(page.getByTestId("public-headline")).toHaveText(/đã kết nối$/);
  await expectAccessible(page);

  // The national monthly table and its CSV: every month, every number.
  const csvHref = await page.getByRole("link", { name: "CSV – Toàn quốc theo tháng" }).getAttribute("href");
  expect(csvHref).toBe("/thong-ke/du-lieu/toan-quoc-theo-thang.csv");
  const csv = await page.request.get(csvHref!);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const body = await csv.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = body.subarray(3).toString("utf8").trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^Tháng,Tiếp nhận,Đã giải quyết,Trước hạn,Đúng hạn,Quá hạn,/);
  expect(lines).toHaveLength(13);
  for (const line of lines.slice(1)) {
    const cells = line.split(",");
    const shown = await cellTexts(page, "toan-quoc-theo-thang", cells[0]!);
    expect(shown.slice(1).map(plain)).toEqual(cells.slice(1));
  }

  // Per agency: HCMC's row in the JSON equals the page.
  const json = (await (await page.request.get("/thong-ke/du-lieu/theo-co-quan.json")).json()) as {
    columns: { key: string }[];
    rows: Record<string, string | number | null>[];
  };
  const hcm = json.rows.find((r) => r.identifier === "000.00.00.H29")!;
  const shown = await cellTexts(page, "theo-co-quan", String(hcm.agency));
  const keys = json.columns.map((c) => c.key).filter((k) => k !== "identifier");
  expect(shown.slice(1).map(plain)).toEqual(keys.slice(1).map((k) => (hcm[k] == null ? "" : String(hcm[k]))));

  const schema = await page.request.get("/thong-ke/du-lieu/schema.json");
  expect(schema.headers()["content-type"]).toContain("application/schema+json");
  expect(((await schema.json()) as { $schema: string }).$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  expect((await page.request.get("/thong-ke/du-lieu/khong-co.csv")).status()).toBe(404);
});

test("citizens, officers and agency administrators cannot open the monitoring pages", async ({ browser }) => {
  for (const role of ["citizen", "officer", "agencyAdmin"] as const) {
    const page = await pageAs(browser, role);
    for (const path of ["/quan-tri", "/quan-tri/ket-noi", "/quan-tri/ket-noi/000.00.00.H29", "/quan-tri/nghi-quyet-36a"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
    }
    await expectAccessible(page);
    await page.context().close();
  }
});
