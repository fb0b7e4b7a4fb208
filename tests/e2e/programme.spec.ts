// End to end: the VPCP admin runs the 2016 programme: proposes a priority list, an agency admin comments on it,
// the VPCP admin publishes it and the public sees it; a milestone is updated, an inspection planned, and an agency
// created and merged into Tuyên Quang (its predecessor then shows on Tuyên Quang's page). Every page passes axe.
import { expect, test, type Page } from "@playwright/test";
import { authFile, expectAccessible, pageAs } from "./helpers";

const TITLE = "Danh mục dịch vụ công trực tuyến mức độ 3, 4 năm 2016 (e2e)";
const status = (page: Page) => page.getByRole("status");

test.describe(() => {
  test.use({ storageState: authFile("admin") });

  test("the VPCP admin runs the programme: priority list, milestone, inspection, merger", async ({ page, browser }) => {
    test.setTimeout(180_000);

    // Propose a priority list with one procedure at level 4.
    await page.goto("/quan-tri/danh-muc-uu-tien");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Danh mục dịch vụ công ưu tiên mức độ 3, 4");
    await expectAccessible(page);
    await page.getByLabel("Năm").fill("2016");
    await page.getByLabel("Tên danh mục").fill(TITLE);
    await page.getByRole("button", { name: "Tạo dự thảo" }).click();
    await expect(status(page)).toHaveText("Đã tạo dự thảo danh mục.");
    await expect(page.getByTestId("trang-thai-danh-muc")).toHaveText("Dự thảo");
    await expectAccessible(page);
    const listUrl = page.url().replace(/\?.*$/, "");

    // A wrong code is refused beside the field; then the right one is added.
    await page.getByLabel("Mã thủ tục").fill("9.999999");
    await page.getByRole("button", { name: "Thêm thủ tục" }).click();
    await expect(page.locator("#them-tom-tat-loi")).toContainText("Mã thủ tục: không tìm thấy thủ tục 9.999999.");
    await expect(page.locator("#them-tom-tat-loi")).toBeFocused();
    await expectAccessible(page);
    await page.getByLabel("Mã thủ tục").fill("1.001193");
    await page.getByLabel("Mức độ mục tiêu").selectOption("4");
    await page.getByRole("button", { name: "Thêm thủ tục" }).click();
    await expect(status(page)).toHaveText("Đã thêm thủ tục vào danh mục.");
    await expect(page.getByRole("row").filter({ hasText: "1.001193" })).toContainText("Mức 4");

    await page.getByRole("button", { name: "Mở lấy ý kiến các cơ quan" }).click();
    await expect(page.getByTestId("trang-thai-danh-muc")).toHaveText("Đang lấy ý kiến");
    await expectAccessible(page);

    // An agency admin (HCMC) comments on the entry.
    const agencyPage = await pageAs(browser, "agencyAdmin");
    const other = agencyPage.context();
    await agencyPage.goto("/can-bo/quan-tri-co-quan/danh-muc-uu-tien");
    await expect(agencyPage.getByRole("heading", { level: 1 })).toHaveText("Góp ý danh mục dịch vụ công ưu tiên");
    await expectAccessible(agencyPage);
    const section = agencyPage.getByRole("region", { name: `${TITLE} (2016)` });
    await section.getByLabel("Góp ý cho").selectOption({ label: "Về thủ tục 1.001193" });
    await section.getByLabel("Nội dung góp ý").fill("Thành phố Hồ Chí Minh đề nghị giữ mục tiêu mức 4.");
    await section.getByRole("button", { name: "Gửi góp ý" }).click();
    await expect(agencyPage.getByRole("status")).toHaveText("Đã gửi góp ý của cơ quan.");
    await expect(agencyPage.getByText("Thành phố Hồ Chí Minh đề nghị giữ mục tiêu mức 4.")).toBeVisible();
    await expectAccessible(agencyPage);
    // The agency admin cannot open the VPCP admin's pages.
    await agencyPage.goto("/quan-tri/moc-tien-do");
    await expect(agencyPage.getByRole("heading", { level: 1 })).toHaveText("Bạn không có quyền truy cập trang này");
    await other.close();

    // The VPCP admin sees the comment and publishes.
    await page.goto(listUrl);
    await expect(page.getByText("Thành phố Hồ Chí Minh đề nghị giữ mục tiêu mức 4.")).toBeVisible();
    await expect(page.getByText(/Ủy ban nhân dân thành phố Hồ Chí Minh .* Về thủ tục 1\.001193/i)).toBeVisible();
    await page.getByRole("button", { name: "Công bố danh mục" }).click();
    await expect(page.getByTestId("trang-thai-danh-muc")).toHaveText("Đã công bố");
    await expect(page.getByRole("button", { name: "Thêm thủ tục" })).toHaveCount(0);
    await expectAccessible(page);

    // The public page lists it.
    await page.goto("/danh-muc-uu-tien");
    await expect(page.getByRole("heading", { name: `${TITLE} (2016)` })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "1.001193" })).toContainText("Đăng ký khai sinh");
    await expectAccessible(page);

    // A milestone: services integrated by 1 July 2016, done on 28 June 2016: no longer late.
    await page.goto("/quan-tri/moc-tien-do");
    await expect(page.getByTestId("moc-DVC-TICH-HOP")).toContainText("Chậm tiến độ");
    await expectAccessible(page);
    const form = page.locator("#sua-DVC-TICH-HOP");
    await form.getByLabel("Trạng thái").selectOption("DONE");
    await form.getByLabel("Ngày hoàn thành").fill("2016-06-28");
    await form.getByRole("button", { name: "Lưu mốc" }).click();
    await expect(status(page)).toContainText("Đã cập nhật mốc tiến độ.");
    await expect(page.getByTestId("moc-DVC-TICH-HOP")).toContainText("Đã hoàn thành");
    await expect(page.getByTestId("moc-DVC-TICH-HOP")).toContainText("28/06/2016");
    await expect(page.getByTestId("moc-DVC-TICH-HOP")).not.toContainText("Chậm tiến độ");
    await expectAccessible(page);

    // An inspection of the Ministry of Justice.
    await page.goto("/quan-tri/thanh-tra");
    await expectAccessible(page);
    await page.getByLabel("Cơ quan được kiểm tra").selectOption({ label: "Bộ Tư pháp" });
    await page.getByLabel("Ngày kiểm tra dự kiến").fill("2016-10-12");
    await page.getByLabel("Nội dung kiểm tra").fill("Kết nối liên thông văn bản và dịch vụ công mức độ 3, 4 (e2e)");
    await page.getByRole("button", { name: "Lập kế hoạch" }).click();
    await expect(status(page)).toHaveText("Đã lập kế hoạch kiểm tra.");
    const inspection = page.getByRole("article").filter({ hasText: "(e2e)" });
    await expect(inspection).toContainText("Bộ Tư pháp");
    await expect(inspection).toContainText("Dự kiến ngày 12/10/2016");
    await expectAccessible(page);

    // The registry: a province created, then merged into Tuyên Quang from 1 July 2025.
    await page.goto("/quan-tri/co-quan");
    await expectAccessible(page);
    const create = page.getByRole("region", { name: "Thêm cơ quan" });
    await create.getByLabel("Mã định danh").fill("000.00.00.H95");
    await create.getByLabel("Tên cơ quan").fill("Ủy ban nhân dân tỉnh Thử Nghiệm");
    await create.getByLabel("Tên ngắn").fill("Thử Nghiệm");
    await create.getByLabel("Mã tỉnh").fill("95");
    await create.getByLabel("Ngày bắt đầu hoạt động").fill("2016-01-01");
    await create.getByRole("button", { name: "Thêm cơ quan" }).click();
    await expect(status(page)).toHaveText("Đã thêm cơ quan.");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ủy ban nhân dân tỉnh Thử Nghiệm");
    await expectAccessible(page);
    await page.getByLabel("Ngày hiệu lực").fill("2025-07-01");
    await page.getByLabel("Cơ quan kế thừa").selectOption({ label: "Ủy ban nhân dân tỉnh Tuyên Quang (000.00.00.H60)" });
    await page.getByLabel("Căn cứ").fill("Nghị quyết 202/2025/QH15");
    await page.getByRole("button", { name: "Ghi nhận" }).click();
    await expect(status(page)).toHaveText("Đã ghi nhận việc thôi hoạt động/sáp nhập.");
    await expect(page.getByTestId("da-thoi-hoat-dong")).toHaveText(
      "Đã thôi hoạt động từ ngày 01/07/2025; văn bản, hồ sơ chuyển đến Ủy ban nhân dân tỉnh Tuyên Quang (000.00.00.H60).",
    );
    await expectAccessible(page);

    await page.goto("/quan-tri/co-quan/000.00.00.H60");
    await expect(page.getByRole("row").filter({ hasText: "000.00.00.H95" })).toContainText("01/07/2025");
    await expect(page.getByTestId("so-lieu-000.00.00.H95")).toBeVisible();
    await expect(page.getByTestId("so-lieu-000.00.00.H60")).toBeVisible();
    await expectAccessible(page);
  });
});
