// The document store (kho giấy tờ), in Chromium: a paper filed with one dossier is kept in the citizen's store;
// a second filing takes it from the store without uploading it; both the citizen's and the officer's pages of
// that dossier say where it came from; the store page lists the paper, edits its issuer and validity, and
// refuses to delete it while a dossier that uses it is open. Axe on every page.
import { expect } from "@playwright/test";
import { authFile, errorSummary, expectAccessible, harness, openFilingForm, pageAs, test } from "./helpers";

// A provincial level-4 procedure no other spec files (its form: the default one, one required paper).
const PROCEDURE = "2.001159";
const SERVICE_NAME = "Thông báo lưu trú";

test.use({ storageState: authFile("citizen") });

test("a paper filed once is reused from the store, its origin shown; the store edits it and keeps it while in use", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  // The first dossier, filed with an uploaded paper (giay-to.pdf) through the use cases.
  const first = harness("tests/support/file-dossier.ts", PROCEDURE).trim().split("\n").at(-1)!;
  expect(first).toMatch(/^000\.00\.00\.H29-\d{6}-\d{4}$/);

  // The second: the same procedure, its paper chosen from the store.
  await openFilingForm(page, SERVICE_NAME);
  await expect(page.getByLabel("Họ và tên")).toHaveValue("Nguyễn Thị Minh Anh");
  await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Thành phố Hồ Chí Minh" });
  await page.getByLabel("Phường, xã").selectOption({ label: "Phường Sài Gòn" });
  await page.getByLabel("Số nhà, đường, thôn, xóm").fill("12 Lê Lợi");
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  await page.getByLabel("Nội dung đề nghị giải quyết").fill("Thông báo lưu trú cho khách tại nhà riêng.");
  await page.getByRole("button", { name: "Tiếp tục" }).click();

  await expect(page.locator('input[type="file"]')).toHaveCount(1);
  const pick = page.getByRole("button", { name: "Chọn từ kho giấy tờ của tôi" });
  await pick.click();
  await expect(pick).toHaveAttribute("aria-expanded", "true");
  const use = page.getByRole("button", { name: "Dùng giay-to.pdf" }).first();
  await expect(use).toBeVisible();
  await expectAccessible(page);
  await use.click();
  await expect(page.getByText("Đã chọn từ kho: giay-to.pdf")).toBeVisible();
  await expect(page.getByRole("button", { name: "Chọn từ kho giấy tờ của tôi" })).toHaveAttribute("aria-expanded", "false");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Kiểm tra thông tin" }).click();

  // A refusal on the review (no declaration) keeps the chosen paper.
  await expect(page.getByRole("heading", { name: /Kiểm tra lại thông tin/ })).toBeVisible();
  await page.getByRole("button", { name: "Nộp hồ sơ", exact: true }).click();
  await expect(errorSummary(page)).toContainText("Vui lòng xác nhận lời cam đoan");
  await expect(page.locator("[data-testid^=xem-giayTo]").first()).toHaveText("giay-to.pdf");
  await page.getByLabel(/Tôi cam đoan/).check();
  await page.getByRole("button", { name: "Nộp hồ sơ", exact: true }).click();
  await expect(page).toHaveURL(/\/ho-so-cua-toi\/000\.00\.00\.H29-\d{6}-\d{4}\?da-nop=1$/);
  const second = (await page.getByTestId("ma-ho-so").textContent())!;
  const fromStore = `Từ kho giấy tờ của công dân (đã dùng cho hồ sơ ${first})`;
  await expect(page.getByRole("region", { name: "Giấy tờ đã nộp" })).toContainText(fromStore);
  await expectAccessible(page);
  // The first dossier's paper was uploaded with it.
  await page.goto(`/ho-so-cua-toi/${first}`);
  await expect(page.getByRole("region", { name: "Giấy tờ đã nộp" })).toContainText("Tải lên khi nộp");

  // The officer sees the same origin.
  const officer = await pageAs(browser, "officer");
  await officer.goto(`/can-bo/ho-so/${second}`);
  await expect(officer.getByText(fromStore)).toBeVisible();
  await expectAccessible(officer);

  // The store: reached from "Hồ sơ của tôi", the paper listed with its first dossier.
  await page.goto("/ho-so-cua-toi");
  await page.getByRole("link", { name: "Kho giấy tờ của tôi" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kho giấy tờ của tôi");
  const row = page.getByRole("row").filter({ hasText: `Tải lên khi nộp hồ sơ ${first}` });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("giay-to.pdf");
  await expectAccessible(page);
  const download = await page.request.get((await row.getByRole("link", { name: /giay-to\.pdf/ }).getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["cache-control"]).toBe("private, no-store");
  expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // Edit its issuer and validity.
  await row.getByText("Sửa thông tin").click();
  await row.getByLabel("Cơ quan cấp").fill("Công an Phường Bến Nghé");
  await row.getByLabel("Có giá trị đến ngày").fill("2030-12-31");
  await expectAccessible(page);
  await row.getByRole("button", { name: "Lưu" }).click();
  await expect(row.getByText("Đã lưu thông tin giấy tờ.")).toBeVisible();
  await page.reload();
  const edited = page.getByRole("row").filter({ hasText: `Tải lên khi nộp hồ sơ ${first}` });
  await expect(edited).toContainText("Công an Phường Bến Nghé");
  await expect(edited).toContainText("31/12/2030");

  // Deleting it is refused while the dossiers that use it are open, naming one.
  await edited.getByRole("button", { name: /^Xóa/ }).click();
  await expect(edited.getByRole("alert")).toContainText(`Không thể xóa: giấy tờ đang được dùng cho hồ sơ ${first}`);
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: `Tải lên khi nộp hồ sơ ${first}` })).toHaveCount(1);
});
