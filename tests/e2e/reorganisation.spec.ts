// End to end (issue 17): the VPCP admin previews a succession on "Áp dụng sáp nhập", is refused without the
// confirmation, then applies it and reads what moved. The retired agency is a unit of this spec's own
// (tests/support/reorganisation-fixture.ts): no other spec's agency changes. axe at 1280 and 320 px.
import { expect, test } from "@playwright/test";
import { accessibleAtBothWidths, authFile, harness } from "./helpers";

test.use({ storageState: authFile("admin") });

test("the VPCP admin previews and applies a succession", async ({ page }) => {
  // Two harness runs (tsx) and the server's actions on the shared embedded database: generous on a busy machine.
  test.setTimeout(150_000);
  const code = harness("tests/support/file-dossier.ts").trim().split("\n").at(-1)!;
  const [oldId, newId] = harness("tests/support/reorganisation-fixture.ts", code).trim().split("\n").slice(-2) as [string, string];

  // From the retired agency's registry page to its own preview.
  await page.goto(`/quan-tri/co-quan/${oldId}`);
  await page.getByRole("link", { name: /^Áp dụng sáp nhập/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Áp dụng sáp nhập");
  const row = page.getByTestId(`sap-nhap-${oldId}`);
  await expect(row).toContainText(newId);
  await expect(row).toContainText("01/07/2025");
  const cell = (k: string) => page.getByTestId(`${oldId}-${k}`);
  await expect(cell("openDossiers")).toHaveText("1");
  await expect(cell("officers")).toHaveText("1");
  await expect(cell("servicesMoved")).toHaveText("1");
  await expect(cell("apiKeys")).toHaveText("1");
  await expect(cell("pushEndpoints")).toHaveText("1");
  await expect(cell("pendingJobs")).toHaveText("1");
  await accessibleAtBothWidths(page);

  // Without the confirmation: refused, named, and nothing moved.
  await page.getByLabel(/^Thu hồi/).check();
  await page.getByRole("button", { name: "Áp dụng sáp nhập" }).click();
  const alert = page.locator("#ap-dung-tom-tat-loi");
  await expect(alert).toContainText("Xác nhận: vui lòng đánh dấu ô xác nhận");
  await expect(page.getByLabel(/^Thu hồi/)).toBeChecked();
  await expect(cell("openDossiers")).toHaveText("1");
  await accessibleAtBothWidths(page);

  // Confirmed: applied; the result says what moved and the preview has nothing left.
  await page.getByLabel(/^Tôi đã xem các số liệu trên/).check();
  await page.getByRole("button", { name: "Áp dụng sáp nhập" }).click();
  const result = page.getByTestId("ket-qua-sap-nhap");
  await expect(result).toContainText("Đã áp dụng sáp nhập cho 1 cơ quan.");
  await expect(page.getByTestId("da-chuyen-openDossiers")).toHaveText("Hồ sơ đang giải quyết: 1");
  await expect(page.getByTestId("da-chuyen-officers")).toHaveText("Cán bộ: 1");
  await expect(page.getByTestId("da-chuyen-apiKeys")).toHaveText("Khóa API: 1");
  await expect(page.getByTestId("khong-co-sap-nhap")).toBeVisible();
  await accessibleAtBothWidths(page);

  // Again: nothing left to move.
  await page.reload();
  await page.getByLabel(/^Tôi đã xem các số liệu trên/).check();
  await page.getByRole("button", { name: "Áp dụng sáp nhập" }).click();
  await expect(page.getByTestId("ket-qua-sap-nhap")).toContainText("Không còn gì để chuyển");

  // The dossier is now held by the successor: its officer page is the successor's (the registry shows the move).
  await page.goto(`/quan-tri/co-quan/${newId}`);
  await expect(page.getByRole("row").filter({ hasText: oldId })).toContainText("01/07/2025");
});
