// Issue 18, help by life event (must-show 3): the birth page lists its procedures in order and its "file it" link
// reaches — and files — the connected service 2.000986 through its service page; an FAQ edited by the catalog
// administrator shows on the procedure page and in the /hoi-dap search; "report a problem" from a procedure page
// files a feedback item with the page recorded. Axe at 1280 and 320 px on every page this feature adds.
import { expect } from "@playwright/test";
import { feedbackText } from "@/lib/i18n/vi/feedback";
import { contactText, faqText } from "@/lib/i18n/vi/help";
import { lifeEventText } from "@/lib/i18n/vi/life-events";
import { accessibleAtBothWidths, authFile, errorSummary, pageAs, PDF, SIGNED_OUT, test } from "./helpers";

const marker = () =>
  Math.random()
    .toString(36)
    .replace(/[^a-z]/g, "")
    .slice(0, 8);

test.describe("life events", () => {
  test.use({ storageState: authFile("citizen") });

  test("the birth page lists its procedures in order and files the connected service", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto("/su-kien-cuoc-song");
    await expect(page.getByTestId("su-kien")).toHaveCount(5);
    await accessibleAtBothWidths(page, { noOverflow: true });
    await page.getByRole("link", { name: "Khi có con nhỏ chào đời" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Khi có con nhỏ chào đời");
    const listed = page.getByTestId("thu-tuc-su-kien");
    await expect(listed).toHaveCount(3);
    expect(await listed.evaluateAll((els) => els.map((e) => e.getAttribute("data-code")))).toEqual(["2.000986", "1.001193", "1.004222"]);
    // What to prepare comes from the catalog's own components.
    await expect(listed.first()).toContainText("Giấy chứng sinh (bản chụp/bản điện tử)");
    await expect(listed.nth(1).getByRole("link")).toHaveAttribute("href", "/thu-tuc/1.001193");
    await accessibleAtBothWidths(page, { noOverflow: true });

    // File it: the service page lists who offers it; TP. Hồ Chí Minh; the online form.
    await page.getByRole("link", { name: lifeEventText.fileIt }).click();
    await expect(page).toHaveURL(/\/thu-tuc\/2\.000986$/);
    await page.getByRole("link", { name: "TP. Hồ Chí Minh" }).click();
    await page.getByRole("link", { name: "Nộp hồ sơ trực tuyến" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Liên thông thủ tục hành chính về đăng ký khai sinh");
    // The default form: the applicant (prefilled from the profile), the request, the papers.
    await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Thành phố Hồ Chí Minh" });
    await page.getByLabel("Phường, xã").selectOption({ index: 1 });
    await page.getByLabel("Số nhà, đường, thôn, xóm").fill("45 Võ Văn Tần");
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await page.getByLabel(/Nội dung đề nghị giải quyết/).fill("Đăng ký khai sinh, thường trú và cấp thẻ bảo hiểm y tế cho con.");
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await page.getByLabel(/Tờ khai điện tử liên thông/).setInputFiles({ name: "to-khai.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(page.getByText("Đã tải lên: to-khai.pdf")).toBeVisible();
    await page.getByLabel(/Giấy chứng sinh/).setInputFiles({ name: "giay-chung-sinh.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(page.getByText("Đã tải lên: giay-chung-sinh.pdf")).toBeVisible();
    await page.getByRole("button", { name: "Kiểm tra thông tin" }).click();
    await expect(errorSummary(page)).toHaveCount(0);
    await page.getByLabel(/Tôi cam đoan/).check();
    await page.getByRole("button", { name: "Nộp hồ sơ", exact: true }).click();
    await expect(page).toHaveURL(/da-nop=1$/);
    await expect(page.getByTestId("ma-ho-so")).toHaveText(/\S/);
  });
});

test.describe("FAQ", () => {
  test.use({ storageState: authFile("admin") });

  test("an FAQ edited by the catalog administrator shows on the procedure page and in the search", async ({ page, browser }) => {
    test.setTimeout(150_000);
    const m = marker();
    await page.goto("/quan-tri/hoi-dap");
    await accessibleAtBothWidths(page);
    await page.locator("#cau-hoi-question").fill(`Nộp tờ khai khai sinh trực tuyến cần ký số không ${m}?`);
    await page.locator("#cau-hoi-answer").fill("Không cần ký số: tờ khai được nộp qua tài khoản đã đăng nhập của bạn.");
    await page.locator("#cau-hoi-procedureCode").fill("1.001193");
    await page.getByRole("button", { name: faqText.admin.add }).click();
    await expect(page.getByRole("status").filter({ hasText: faqText.admin.saved })).toBeVisible();
    // Edit it: the version read is sent back.
    await page.getByRole("row").filter({ hasText: m }).getByRole("link", { name: faqText.admin.edit }).click();
    await expect(page).toHaveURL(/\?sua=\d+/);
    await expect(page.getByRole("heading", { name: new RegExp(`^${faqText.admin.edit}: .*${m}`) })).toBeVisible();
    await page.locator("#cau-hoi-answer").fill(`Không cần ký số ${m}: tờ khai được nộp qua tài khoản đã đăng nhập của bạn.`);
    await page.getByRole("button", { name: faqText.admin.save, exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: faqText.admin.saved })).toBeVisible();

    const visitor = await (await browser.newContext({ storageState: SIGNED_OUT })).newPage();
    await visitor.goto("/thu-tuc/1.001193.000.00.00.H29");
    const onProcedure = visitor.getByTestId("hoi-dap-thu-tuc");
    await expect(onProcedure).toContainText(`ký số không ${m}`);
    await onProcedure.getByText(`ký số không ${m}`).click();
    await expect(onProcedure).toContainText(`Không cần ký số ${m}`);
    await accessibleAtBothWidths(visitor);
    // Found without diacritics, with the seeded general questions beside.
    await visitor.goto("/hoi-dap");
    await expect(visitor.getByTestId("hoi-dap").filter({ hasText: "Làm sao để theo dõi hồ sơ đã nộp?" })).toHaveCount(1);
    await visitor.getByLabel(faqText.public.searchLabel).fill(`khong can ky so ${m}`);
    await visitor.getByRole("button", { name: faqText.public.searchButton }).click();
    await expect(visitor.getByTestId("hoi-dap").first()).toContainText(m);
    await accessibleAtBothWidths(visitor, { noOverflow: true });
    await visitor.context().close();
  });
});

test("the contact page marks the channels it could not confirm as placeholders", async ({ page }) => {
  await page.goto("/lien-he");
  await expect(page.getByTestId("kenh-HELP_DESK_PHONE")).toContainText(contactText.placeholder);
  await expect(page.getByTestId("kenh-HELP_DESK_EMAIL").getByRole("link")).toHaveAttribute("href", "mailto:hotro@dichvucong.example");
  await accessibleAtBothWidths(page, { noOverflow: true });
});

test("report a problem from a procedure page files a feedback item with the page recorded", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await (await browser.newContext({ storageState: SIGNED_OUT })).newPage();
  const m = marker();
  await page.goto("/thu-tuc/1.001193.000.00.00.H29");
  await page.getByRole("navigation", { name: "Hỗ trợ" }).getByRole("link", { name: "Báo lỗi trang này" }).click();
  await expect(page).toHaveURL(/\/phan-anh-kien-nghi\/gui\?trang=%2Fthu-tuc%2F1\.001193\.000\.00\.00\.H29$/);
  await expect(page.getByTestId("trang-bao-loi")).toHaveText("/thu-tuc/1.001193.000.00.00.H29");
  await expect(page.getByLabel(feedbackText.form.procedureCode)).toHaveValue("1.001193");
  await accessibleAtBothWidths(page);
  await page.locator("#content").fill(`Trang thủ tục không hiển thị đúng lệ phí khi xem trên điện thoại ${m}.`);
  await page.getByLabel(feedbackText.form.name).fill("Người Báo Lỗi");
  await page.getByLabel(feedbackText.form.email).fill(`baoloi.${m}@example.vn`);
  await page.getByRole("button", { name: feedbackText.form.submit }).click();
  await expect(page).toHaveURL(/\/phan-anh-kien-nghi\/da-gui\?ma=/);
  const code = (await page.getByTestId("ma-phan-anh").textContent())!.trim();
  // The HCMC officer (the procedure's agency there) sees the page it came from.
  const officer = await pageAs(browser, "officer");
  await officer.goto(`/can-bo/phan-anh/${code}`);
  await expect(officer.getByText(feedbackText.officer.sourcePage)).toBeVisible();
  await expect(officer.getByText("/thu-tuc/1.001193.000.00.00.H29")).toBeVisible();
  await page.context().close();
});
