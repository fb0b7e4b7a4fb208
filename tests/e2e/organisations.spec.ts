import type { Browser, Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { authFile, errorSummary, expectAccessible, openFilingForm, pageAs, PDF, signIn, SIGNED_OUT, test } from "./helpers";

// Issue 15: organisations and filing for someone. The demo organisation "Công ty TNHH Minh Anh" has the demo
// citizen as representative and congdan2 as member; congdan3 represents another demo organisation.
const ORG = "Công ty TNHH Minh Anh (dữ liệu demo)";
const MEMBER = { email: "congdan2@dichvucong.example", password: "CongDan2@2026" };
const OTHER = { email: "congdan3@dichvucong.example", password: "CongDan3@2026" };
// A business-only procedure and an individual one, both filed through the generic form at TP. Hồ Chí Minh.
const BUSINESS_SERVICE = "Thông báo thực hiện khuyến mại";
const INDIVIDUAL_SERVICE = "Cấp Giấy xác nhận có quốc tịch Việt Nam ở trong nước";

async function pageSignedIn(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext({ storageState: SIGNED_OUT })).newPage();
  await signIn(page, who);
  return page;
}

/** The generic form after the "file for" choice: address, request, every paper, review, declaration, submit. */
async function fillAndSubmit(page: Page): Promise<string> {
  await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Thành phố Hồ Chí Minh" });
  await page.getByLabel("Phường, xã").selectOption({ label: "Phường Sài Gòn" });
  await page.getByLabel("Số nhà, đường, thôn, xóm").fill("12 Lê Lợi");
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  await page.getByLabel("Nội dung đề nghị giải quyết").fill("Đề nghị giải quyết theo hồ sơ kèm theo.");
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  const files = page.locator('input[type="file"]');
  const n = await files.count();
  for (let i = 0; i < n; i++) {
    await files.nth(i).setInputFiles({ name: `giay-to-${i}.pdf`, mimeType: "application/pdf", buffer: PDF });
    await expect(page.getByText(`Đã tải lên: giay-to-${i}.pdf`)).toBeVisible();
  }
  await page.getByRole("button", { name: "Kiểm tra thông tin" }).click();
  await page.getByLabel(/Tôi cam đoan/).check();
  await page.getByRole("button", { name: "Nộp hồ sơ", exact: true }).click();
  await expect(page).toHaveURL(/\/ho-so-cua-toi\/[^?]+\?da-nop=1$/);
  return (await page.getByTestId("ma-ho-so").textContent())!;
}

test.describe(() => {
  test.use({ storageState: authFile("citizen") });

  test("the representative sees the organisation and its members; a bad tax code is named", async ({ page, browser }) => {
    await page.goto("/ho-so-cua-toi");
    await page.getByRole("link", { name: /Tổ chức của tôi/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tổ chức của tôi");
    await expect(page.getByText(/cổng thật đối chiếu doanh nghiệp/)).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Mã số doanh nghiệp / mã số thuế").fill("0109990003");
    await page.getByLabel("Tên tổ chức").fill("Công ty Thử");
    await page.getByRole("button", { name: "Đăng ký tổ chức" }).click();
    await expect(errorSummary(page)).toContainText("Mã số doanh nghiệp / mã số thuế: chữ số kiểm tra");
    await expect(errorSummary(page)).toContainText("Địa chỉ trụ sở: vui lòng nhập địa chỉ");
    await expect(page.getByLabel("Tên tổ chức")).toHaveValue("Công ty Thử");
    await expectAccessible(page);

    await page.getByRole("link", { name: ORG }).click();
    await expect(page.getByTestId("ma-so-thue")).toHaveText("0109990002");
    await expect(page.getByRole("cell", { name: "Trần Quốc Bảo", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Thêm thành viên" })).toBeVisible();
    await expectAccessible(page);

    // A member sees the organisation, without the representative's controls.
    const member = await pageSignedIn(browser, MEMBER);
    await member.goto("/tai-khoan/to-chuc");
    await member.getByRole("link", { name: ORG }).click();
    await expect(member.getByText("Chỉ người đại diện của tổ chức sửa được")).toBeVisible();
    await expect(member.getByRole("button", { name: "Thêm thành viên" })).toHaveCount(0);
    await expectAccessible(member);
  });

  test("a member files as the organisation; another member sees it; another organisation's member does not", async ({ page, browser }) => {
    test.setTimeout(180_000);
    const member = await pageSignedIn(browser, MEMBER);
    await openFilingForm(member, BUSINESS_SERVICE);
    const choice = member.getByTestId("nop-ho-so-cho");
    await expect(choice).toContainText("dành cho doanh nghiệp");
    await expect(choice.getByLabel(new RegExp(`Tổ chức: ${ORG.replace(/[()]/g, "\\$&")}`))).toBeChecked();
    await expect(choice.getByLabel("Bản thân tôi")).toHaveCount(0);
    await expectAccessible(member);
    const code = await fillAndSubmit(member);
    await expect(member.getByTestId("chu-the")).toHaveText(`Của tổ chức ${ORG}`);

    // The representative (the demo citizen) sees it among their dossiers and opens it.
    await page.goto("/ho-so-cua-toi");
    const row = page.getByTestId("the-ho-so").filter({ hasText: code });
    await expect(row).toContainText(`Của tổ chức ${ORG}`);
    await row.getByRole("link", { name: code, exact: true }).click();
    await expect(page.getByTestId("ma-ho-so")).toHaveText(code);
    await expectAccessible(page);

    // A member of another organisation: not found.
    const other = await pageSignedIn(browser, OTHER);
    const res = await other.goto(`/ho-so-cua-toi/${code}`);
    expect(res?.status()).toBe(404);
    await other.goto("/ho-so-cua-toi");
    await expect(other.getByText(code)).toHaveCount(0);

    // The officer's page shows the organisation with its tax code.
    const officer = await pageAs(browser, "officer");
    await officer.goto(`/can-bo/ho-so/${code}`);
    await expect(officer.getByTestId("chu-the-ho-so").first()).toContainText(`${ORG} (mã số doanh nghiệp / mã số thuế 0109990002)`);
    await expectAccessible(officer);
  });

  test("a citizen files on someone's behalf with the authorisation paper; the officer sees both", async ({ browser }) => {
    test.setTimeout(180_000);
    const page = await pageSignedIn(browser, OTHER);
    await openFilingForm(page, INDIVIDUAL_SERVICE);
    const choice = page.getByTestId("nop-ho-so-cho");
    await expect(choice.getByLabel("Bản thân tôi")).toBeChecked();
    await choice.getByLabel(/Người khác/).check();
    // Without the represented person and the paper: each named.
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await expect(errorSummary(page)).toContainText("Họ và tên người được đại diện");
    await expect(errorSummary(page)).toContainText("Văn bản ủy quyền: vui lòng tải lên");
    await choice.getByLabel("Họ và tên người được đại diện").fill("Đỗ Thị Hạnh");
    await choice.getByLabel("Số căn cước công dân của người được đại diện").fill("001190004322");
    await choice.locator('input[type="file"]').setInputFiles({ name: "uy-quyen.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(page.getByText("Đã tải lên: uy-quyen.pdf")).toBeVisible();
    await expectAccessible(page);
    const code = await fillAndSubmit(page);
    await expect(page.getByTestId("chu-the")).toHaveText("Nộp thay cho Đỗ Thị Hạnh");

    const officer = await pageAs(browser, "officer");
    await officer.goto(`/can-bo/ho-so/${code}`);
    const rows = officer.getByTestId("chu-the-ho-so");
    await expect(rows.nth(0)).toHaveText("Đỗ Thị Hạnh (CCCD 001190004322)");
    await expect(rows.nth(1)).toHaveText("Lê Hoàng Nam");
    await expect(rows.nth(2).getByRole("link", { name: "uy-quyen.pdf" })).toBeVisible();
    await expectAccessible(officer);
  });
});
