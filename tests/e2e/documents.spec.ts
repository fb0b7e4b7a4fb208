import { expect, test } from "@playwright/test";
import { DEMO, errorSummary, expectAccessible, signIn } from "./helpers";

test("VPCP sends an urgent document to HCMC and the Ministry of Justice, and sees HCMC's handling", async ({ browser }) => {
  test.setTimeout(120_000);
  const vpcp = await (await browser.newContext()).newPage();
  await signIn(vpcp, DEMO.admin);
  await vpcp.goto("/can-bo/van-ban-di/soan");
  await expectAccessible(vpcp);
  // Nothing chosen: the form names the fields and keeps what was typed.
  const subject = `V/v báo cáo tiến độ kết nối hệ thống quản lý văn bản ${Date.now()}`;
  await vpcp.getByLabel("Trích yếu").fill(subject);
  await vpcp.getByRole("button", { name: "Gửi văn bản" }).click();
  await expect(errorSummary(vpcp)).toContainText("Nơi nhận: vui lòng chọn ít nhất một cơ quan.");
  await expect(vpcp.getByLabel("Trích yếu")).toHaveValue(subject);
  await vpcp.getByLabel("Chức vụ người ký").fill("KT. BỘ TRƯỞNG, CHỦ NHIỆM – PHÓ CHỦ NHIỆM");
  await vpcp.getByLabel("Họ tên người ký").fill("Nguyễn Văn Nên");
  await vpcp.getByLabel("Độ khẩn").selectOption({ label: "Thượng khẩn" });
  await vpcp.getByRole("checkbox", { name: /Ủy ban nhân dân thành phố Hồ Chí Minh/ }).check();
  await vpcp.getByRole("checkbox", { name: /^Bộ Tư pháp/ }).check();
  await vpcp.getByRole("button", { name: "Gửi văn bản" }).click();
  await expect(vpcp.getByRole("status")).toContainText("Đã gửi văn bản 000.00.00.G22,");
  const item = vpcp.getByTestId("so-van-ban-di").getByRole("listitem").filter({ hasText: subject });
  const notation = (await item.locator("strong").first().textContent())!;
  expect(notation).toMatch(/^\d+\/VPCP$/);

  // HCMC's clerk finds it at the top, urgent, and handles it.
  const hcm = await (await browser.newContext()).newPage();
  await signIn(hcm, DEMO.officer);
  await hcm.goto("/can-bo/van-ban-den");
  const incoming = hcm.getByTestId(`den-${notation}`);
  await expect(incoming).toContainText("Thượng khẩn");
  await expect(incoming).toContainText("01 – Đã đến");
  await expectAccessible(hcm);
  for (const [title, shown] of [["Tiếp nhận (vào sổ)", "03 – Đã tiếp nhận"], ["Phân công xử lý", "04 – Phân công"], ["Hoàn thành", "06 – Hoàn thành"]] as const) {
    await incoming.getByRole("form", { name: `${title} – ${notation}` }).getByRole("button").click();
    await expect(hcm.getByTestId(`den-${notation}`)).toContainText(shown);
  }
  await expect(hcm.getByTestId(`den-${notation}`)).toContainText("Số đến:");

  // VPCP's sent register shows each recipient's status as it happened, typed by no one at VPCP.
  await vpcp.goto("/can-bo/van-ban-di");
  const sent = vpcp.getByTestId("so-van-ban-di").getByRole("listitem").filter({ hasText: subject }).first();
  const hcmRow = sent.getByTestId("noi-nhan-000.00.00.H29");
  await expect(hcmRow).toContainText("06 – Hoàn thành");
  await expect(hcmRow.getByTestId("dien-bien").getByRole("listitem")).toHaveText([/^01 ·/, /^03 ·/, /^04 ·/, /^06 ·/]);
  const ministry = sent.getByTestId("noi-nhan-000.00.00.G15");
  await expect(ministry).toContainText("01 – Đã đến");
  await expect(ministry.getByTestId("dien-bien").getByRole("listitem")).toHaveText([/^01 ·/]);
  await expectAccessible(vpcp);
});

test("a citizen cannot open the document registers", async ({ page }) => {
  await signIn(page, DEMO.citizen);
  expect((await page.goto("/can-bo/van-ban-den"))?.status()).toBe(403);
  expect((await page.goto("/can-bo/van-ban-di/soan"))?.status()).toBe(403);
});

test("the API is documented from its OpenAPI description", async ({ page, request }) => {
  await page.goto("/tai-lieu-api");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cổng Dịch vụ công Quốc gia — API liên thông văn bản");
  await expect(page.getByTestId("api-op")).toHaveCount(5);
  await expect(page.getByRole("heading", { name: "POST /van-ban", exact: true })).toBeVisible();
  await expectAccessible(page);
  const spec = await request.get("/api/v1/openapi.json");
  expect(spec.status()).toBe(200);
  expect((await spec.json()).openapi).toBe("3.1.0");
});
