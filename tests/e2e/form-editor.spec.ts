// The structured form editor, in Chromium: a VPCP admin adds a checkbox and a new paper shown and required
// only when the checkbox is ticked, and a fee exemption when it is ticked, with the builders (not the JSON
// view); the live preview shows the paper only after ticking; saved, compared and published. The agency's
// comparison page too. Axe on every page.
import { expect } from "@playwright/test";
import { authFile, expectAccessible, pageAs, test } from "./helpers";

// A procedure no other spec edits (its form: the default one, three steps, the papers last).
const PROCEDURE = "9.000107";
const SERVICE = `${PROCEDURE}.000.00.00.H29`;
const BOX = "Đã được cấp Giấy chứng nhận nuôi con nuôi";
const PAPER = "Giấy chứng nhận nuôi con nuôi đã cấp (bản sao)";

test.use({ storageState: authFile("admin") });

test("a checkbox, a paper and a fee exemption conditional on it, built without the JSON view, previewed and published", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await page.goto(`/quan-tri/bieu-mau/${PROCEDURE}`);
  await expect(page.getByTestId("phien-ban-ap-dung")).toHaveText(/Phiên bản 1/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Tạo bản nháp từ phiên bản đang áp dụng" }).click();
  await expect(page.getByRole("heading", { name: "Bản nháp phiên bản 2" })).toBeVisible();
  const json = page.getByLabel("Định nghĩa biểu mẫu (JSON)");

  // The checkbox, at the end of step 2.
  await page.getByRole("button", { name: "Thêm trường Bước 2 «Nội dung đề nghị»" }).click();
  let box = page.getByTestId("truong-truongMoi1");
  await box.getByLabel("Nhãn").fill(BOX);
  await box.getByLabel("Kiểu").selectOption("checkbox");
  await box.getByLabel("Mã trường").fill("daCapGcn");
  box = page.getByTestId("truong-daCapGcn");
  await expect(box.getByLabel("Kiểu")).toHaveValue("checkbox");

  // The paper, in step 3: the procedure's component 2, shown and required only when the box is ticked.
  await page.getByRole("button", { name: "Thêm giấy tờ Bước 3 «Thành phần hồ sơ»" }).click();
  const paper = page.getByTestId("truong-giayToMoi1");
  await paper.getByLabel("Nhãn").fill(PAPER);
  const picker = paper.getByLabel("Giấy tờ trong thành phần hồ sơ");
  await expect(picker.locator("option")).toHaveCount(3);
  await picker.selectOption("1");
  const showWhen = paper.getByRole("group", { name: /^Hiện khi/ });
  await showWhen.getByLabel("Trường").selectOption("daCapGcn");
  await expect(showWhen.getByLabel("Phép so sánh")).toHaveValue("checked");
  await expect(showWhen.getByLabel("Phép so sánh").locator("option")).toHaveText(["được đánh dấu", "không được đánh dấu"]);
  await paper.getByRole("radio", { name: "Bắt buộc khi có điều kiện" }).check();
  const requiredWhen = paper.getByRole("group", { name: /^Bắt buộc khi/ });
  await expect(requiredWhen.getByLabel("Trường")).toHaveValue("daCapGcn");

  // The fees: one rule, and an exemption when the box is ticked.
  await page.getByRole("button", { name: "Thêm phí, lệ phí" }).click();
  const fees = page.getByTestId("phi-le-phi");
  await fees.getByLabel("Tên khoản phí, lệ phí").fill("Lệ phí (dữ liệu thử nghiệm)");
  await fees.getByTestId("phi-muc-0").getByLabel("Mô tả").fill("Lệ phí đăng ký lại");
  await fees.getByTestId("phi-muc-0").getByLabel("Số tiền (đồng)").fill("50000");
  await fees.getByRole("button", { name: "Thêm trường hợp miễn" }).click();
  const exemption = fees.getByTestId("phi-mien-0");
  await exemption.getByLabel("Mô tả").fill("Miễn khi đã được cấp giấy chứng nhận");
  await exemption
    .getByRole("group", { name: /^Miễn khi/ })
    .getByLabel("Trường")
    .selectOption("daCapGcn");

  await expect(page.getByText("Biểu mẫu hợp lệ, có thể công bố.")).toBeVisible();
  // The builders wrote the definition.
  const written = JSON.parse(await json.inputValue()) as {
    steps: { fields: Record<string, unknown>[] }[];
    fees: { exemptions: { when: unknown }[]; rules: { amount: number }[] };
  };
  const paperDef = written.steps[2]!.fields.find((f) => f.id === "giayToMoi1")!;
  expect(paperDef).toMatchObject({
    type: "file",
    component: 1,
    required: false,
    showWhen: { field: "daCapGcn", equals: true },
    requiredWhen: { field: "daCapGcn", equals: true },
  });
  expect(written.fees.exemptions[0]!.when).toEqual({ field: "daCapGcn", equals: true });
  expect(written.fees.rules[0]!.amount).toBe(50000);

  // The live preview: the paper only after ticking, then required.
  const preview = page.getByTestId("xem-truoc");
  await expect(preview.getByTestId("xt-giayToMoi1")).toHaveCount(0);
  await preview.getByLabel(BOX).check();
  await expect(preview.getByTestId("xt-giayToMoi1")).toContainText(PAPER);
  await expect(preview.getByTestId("xt-giayToMoi1")).toContainText("(bắt buộc)");
  await expectAccessible(page);
  await preview.getByLabel(BOX).uncheck();
  await expect(preview.getByTestId("xt-giayToMoi1")).toHaveCount(0);

  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu bản nháp." })).toBeVisible();
  // Saved: the builders read it back after a reload.
  await page.reload();
  const saved = page.getByTestId("truong-giayToMoi1");
  await expect(saved.getByRole("group", { name: /^Hiện khi/ }).getByLabel("Trường")).toHaveValue("daCapGcn");
  await expect(saved.getByRole("radio", { name: "Bắt buộc khi có điều kiện" })).toBeChecked();
  await expect(page.getByTestId("phi-mien-0").getByLabel("Mô tả")).toHaveValue("Miễn khi đã được cấp giấy chứng nhận");

  // A compound condition stays read-only, and can be cleared.
  const text = await page.getByLabel("Định nghĩa biểu mẫu (JSON)").inputValue();
  await page
    .getByLabel("Định nghĩa biểu mẫu (JSON)")
    .fill(text.replace('"id": "daCapGcn",', '"id": "daCapGcn", "showWhen": { "not": { "field": "hoTen", "filled": false } },'));
  const compound = page.getByTestId("truong-daCapGcn").getByRole("group", { name: /^Hiện khi/ });
  await expect(compound).toContainText("Điều kiện phức hợp — sửa trong JSON");
  await expectAccessible(page);
  await compound.getByRole("button", { name: /^Xóa điều kiện/ }).click();
  await expect(page.getByLabel("Định nghĩa biểu mẫu (JSON)")).toHaveValue(text);

  // The comparison names the new paper; then publish.
  await page.getByRole("link", { name: "So sánh bản nháp với phiên bản đang áp dụng" }).click();
  await expect(page).toHaveURL(/\/quan-tri\/bieu-mau\/9\.000107\/so-sanh\?a=\d+&b=\d+/);
  await expect(page.getByTestId("khac-biet")).toContainText(`Thêm giấy tờ «${PAPER}»`);
  await expectAccessible(page);
  await page.goBack();
  await page.getByRole("button", { name: "Công bố phiên bản này" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã công bố phiên bản 2." })).toBeVisible();
  await expect(page.getByTestId("phien-ban-2")).toContainText("Đang áp dụng");
  await expectAccessible(page);

  // The agency's administrator: its own draft from the national version 2, its editor and its comparison page.
  const admin = await pageAs(browser, "agencyAdmin");
  await admin.goto(`/can-bo/quan-tri-co-quan/dich-vu/${SERVICE}/bieu-mau`);
  await admin.getByRole("button", { name: "Tạo bản nháp từ phiên bản đang áp dụng" }).click();
  await expect(admin.getByRole("heading", { name: /^Bản nháp phiên bản/ })).toBeVisible();
  await expect(admin.getByTestId("truong-giayToMoi1").getByLabel("Giấy tờ trong thành phần hồ sơ")).toHaveValue("1");
  await expectAccessible(admin);
  await admin.getByRole("link", { name: "So sánh bản nháp với phiên bản đang áp dụng" }).click();
  await expect(admin).toHaveURL(/\/bieu-mau\/so-sanh\?a=\d+&b=\d+/);
  await expect(admin.getByText("Hai phiên bản giống nhau.")).toBeVisible();
  await expectAccessible(admin);
});
