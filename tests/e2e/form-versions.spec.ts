// Forms as versioned data, in Chromium: a VPCP admin adds a field to a procedure's form and publishes
// version 2; a dossier filed on version 1 still shows version 1 (the officer's page shows the old fields only);
// a citizen's draft on version 1 is offered version 2 with the differences; a new filing asks the new field;
// the admin's audit log shows the publication. Axe on every page.
import { expect } from "@playwright/test";
import { authFile, expectAccessible, harness, pageAs, test } from "./helpers";
import { auditActionText } from "@/lib/i18n/vi/audit";

// A provincial level-4 procedure no other spec files (its form: the default one).
const PROCEDURE = "9.000106";
const SERVICE = `${PROCEDURE}.000.00.00.H29`;
const NEW_FIELD = "Nghề nghiệp hiện nay";

test.use({ storageState: authFile("admin") });

test("publish version 2 of a form; version 1 dossiers keep version 1, drafts are offered version 2, new filings use it", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  // A dossier filed on version 1.
  const code = harness("tests/support/file-dossier.ts", PROCEDURE).trim().split("\n").at(-1)!;
  expect(code).toMatch(/^000\.00\.00\.H29-\d{6}-\d{4}$/);

  // The citizen starts a draft on version 1.
  const citizen = await pageAs(browser, "citizen");
  await citizen.goto(`/nop-ho-so/${SERVICE}`);
  await citizen.getByLabel("Số nhà, đường, thôn, xóm").fill("34 Nguyễn Huệ");
  await expect(citizen.getByText(/Đã lưu nháp lúc/)).toBeVisible({ timeout: 15_000 });

  // VPCP: the list, the form, a draft, a new field, save, publish.
  await page.goto("/quan-tri/bieu-mau?q=" + PROCEDURE);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Cấp Giấy xác nhận là người gốc Việt Nam ở trong nước" }).click();
  await expect(page.getByTestId("phien-ban-ap-dung")).toHaveText(/Phiên bản 1/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Tạo bản nháp từ phiên bản đang áp dụng" }).click();
  await expect(page.getByRole("heading", { name: "Bản nháp phiên bản 2" })).toBeVisible();
  await page
    .getByRole("button", { name: /^Thêm trường/ })
    .first()
    .click();
  const added = page.getByTestId("truong-truongMoi1");
  await added.getByLabel("Nhãn").fill(NEW_FIELD);
  await added.getByLabel("Mã trường").fill("ngheNghiep");
  await expect(page.getByTestId("xem-truoc")).toContainText(NEW_FIELD);
  await expect(page.getByText("Biểu mẫu hợp lệ, có thể công bố.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu bản nháp." })).toBeVisible();

  // A problem is named before publishing: a condition on an unknown field.
  const json = page.getByLabel("Định nghĩa biểu mẫu (JSON)");
  const good = await json.inputValue();
  await json.fill(good.replace('"id": "ngheNghiep",', '"id": "ngheNghiep", "showWhen": { "field": "khongCo", "equals": "x" },'));
  await expect(page.getByTestId("van-de")).toContainText("khongCo");
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.locator("#definition-loi")).toContainText("«khongCo»");
  await expectAccessible(page);
  await page.getByLabel("Định nghĩa biểu mẫu (JSON)").fill(good);
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu bản nháp." })).toBeVisible();

  await page.getByRole("link", { name: "So sánh bản nháp với phiên bản đang áp dụng" }).click();
  await expect(page.getByTestId("khac-biet")).toContainText(`Thêm trường «${NEW_FIELD}»`);
  await expectAccessible(page);
  await page.goBack();
  await page.getByRole("button", { name: "Công bố phiên bản này" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã công bố phiên bản 2." })).toBeVisible();
  await expect(page.getByTestId("phien-ban-1")).toContainText("Đã thay thế");
  await expect(page.getByTestId("phien-ban-2")).toContainText("Đang áp dụng");
  await expectAccessible(page);

  // The audit log has the publication.
  await page.goto("/quan-tri");
  await expect(page.getByRole("row").filter({ hasText: auditActionText["form.publish"] }).first()).toContainText("Quản trị VPCP");
  await expectAccessible(page);

  // The dossier filed on version 1 still shows version 1: the officer's page has the old fields only.
  const officer = await pageAs(browser, "officer");
  await officer.goto(`/can-bo/ho-so/${code}`);
  await expect(officer.getByTestId("phien-ban-to-khai")).toHaveText("Phiên bản 1");
  await expect(officer.getByText("Họ và tên", { exact: true })).toBeVisible();
  await expect(officer.getByText(NEW_FIELD)).toHaveCount(0);
  await expectAccessible(officer);

  // The citizen's draft on version 1 is offered version 2 with the differences; the answer typed is kept.
  await citizen.reload();
  const offer = citizen.getByTestId("phien-ban-moi");
  await expect(offer).toContainText("phiên bản 2 thay phiên bản 1");
  await expect(offer).toContainText(`Thêm trường «${NEW_FIELD}»`);
  await expectAccessible(citizen);
  await offer.getByRole("button", { name: "Tiếp tục với phiên bản mới" }).click();
  await expect(citizen.getByTestId("phien-ban-moi")).toHaveCount(0);
  // A new filing uses version 2: the new field is asked, the compatible answer kept.
  await expect(citizen.getByLabel(NEW_FIELD)).toBeVisible();
  await expect(citizen.getByLabel("Số nhà, đường, thôn, xóm")).toHaveValue("34 Nguyễn Huệ");
  await expectAccessible(citizen);
});

test("an agency admin opens its own service's form; another agency's service is not found", async ({ browser }) => {
  const admin = await pageAs(browser, "agencyAdmin");
  await admin.goto(`/can-bo/quan-tri-co-quan/dich-vu/${SERVICE}`);
  await admin.getByRole("link", { name: "Biểu mẫu (tờ khai) của dịch vụ" }).click();
  await expect(admin.getByText(/^Biểu mẫu riêng của Ủy ban nhân dân thành phố Hồ Chí Minh/)).toBeVisible();
  await expectAccessible(admin);
  const foreign = await admin.goto(`/can-bo/quan-tri-co-quan/dich-vu/${PROCEDURE}.000.00.00.H26/bieu-mau`);
  expect(foreign?.status()).toBe(404);
});
