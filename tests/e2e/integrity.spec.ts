// The integrity page (/quan-tri/kiem-tra-lich-su) on a freshly seeded portal: the dossier histories and the
// audit trail's chain both verify with 0 problems, the newest part and the whole chain, and the page passes axe.
// (Finding: "the audit log and the dossier history are hash-chained and the verifier reports 0 broken links on
// a freshly seeded demo"; the demo country's own dossiers are checked in tests/integration/monitoring-demo.test.ts.)
import { expect } from "@playwright/test";
import { authFile, expectAccessible, test } from "./helpers";

test.use({ storageState: authFile("admin") });

test("the integrity page reports 0 problems in the dossier histories and the audit chain", async ({ page }) => {
  await page.goto("/quan-tri/kiem-tra-lich-su");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kiểm tra toàn vẹn lịch sử hồ sơ và nhật ký hệ thống");
  await expect(page.getByTestId("ket-qua-kiem-tra")).toContainText("không phát hiện sai lệch.");
  await expect(page.getByTestId("ket-qua-nhat-ky")).toContainText("không phát hiện sai lệch.");
  // The chain's head is shown, to be noted down: the demo accounts' sign-ins are audited, so it is past the genesis.
  expect(Number(await page.getByTestId("dau-chuoi-so").textContent())).toBeGreaterThan(1);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Kiểm tra toàn bộ nhật ký" }).click();
  await expect(page.getByTestId("ket-qua-nhat-ky")).toContainText("(toàn bộ chuỗi): không phát hiện sai lệch.");
  await expectAccessible(page);

  // One dossier by its code: an unknown code is checked as none, without error.
  await page.getByRole("textbox", { name: "Mã hồ sơ" }).fill("000.00.00.H29-000000-0000");
  await page.getByRole("button", { name: "Kiểm tra" }).click();
  await expect(page.getByTestId("ket-qua-kiem-tra")).toHaveText("Đã kiểm tra 0 hồ sơ: không phát hiện sai lệch.");
});
