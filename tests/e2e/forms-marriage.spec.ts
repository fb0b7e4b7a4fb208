// Format-2 forms end to end: marriage registration (a paper asked for only when the applicant answers that they
// were married before; labels and full address names on the review, the officer's dossier page, the receipt and
// its PDF; only the papers submitted listed), dates refused beside the field, and the judicial-record request's
// fee (an exempt applicant is asked 0 đ, a normal one the computed amount, and the receipt shows how).
import { expect, type Page } from "@playwright/test";
import { authFile, errorSummary, expectAccessible, openFilingForm, pageAs, PDF, pdfText, test } from "./helpers";

const MARRIAGE = "Đăng ký kết hôn";
const LLTP = "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam";
const ADDRESS = "12 Lê Lợi, Phường Sài Gòn, Thành phố Hồ Chí Minh";
const PREVIOUS = "Bản án, quyết định ly hôn đã có hiệu lực hoặc giấy chứng tử của vợ/chồng trước";

async function fillAddress(page: Page) {
  await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Thành phố Hồ Chí Minh" });
  await page.getByLabel("Phường, xã").selectOption({ label: "Phường Sài Gòn" });
  await page.getByLabel("Số nhà, đường, thôn, xóm").fill("12 Lê Lợi");
}

const next = (page: Page) => page.getByRole("button", { name: "Tiếp tục" }).click();

test.use({ storageState: authFile("citizen") });

test("marriage registration: the previous-marriage paper only on yes; words and exactly the papers submitted on every screen", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await openFilingForm(page, MARRIAGE);
  await expectAccessible(page);

  // Step 1: the applicant. A date of birth next year, then one in 1890, is refused beside the field.
  await page.getByLabel("Họ, chữ đệm, tên người yêu cầu").fill("Nguyễn Thị Minh Anh");
  await page.getByRole("radio", { name: "Nữ" }).check();
  const dob = page.getByLabel("Ngày, tháng, năm sinh người yêu cầu");
  await expect(dob).toHaveAttribute("min", "1900-01-01");
  const nextYear = `${new Date().getUTCFullYear() + 1}-01-10`;
  await dob.fill(nextYear);
  await page.getByLabel("Dân tộc người yêu cầu").selectOption({ label: "Kinh" });
  await page.getByLabel("Quốc tịch người yêu cầu").fill("Việt Nam");
  await page.getByLabel("Số định danh cá nhân (số căn cước) người yêu cầu").fill("079190012345");
  await fillAddress(page);
  await page.getByLabel("Kết hôn lần thứ mấy (người yêu cầu)").fill("1");
  await page.getByLabel("Số điện thoại di động").fill("0912345678");
  await next(page);
  const beside = page.locator("#truong-ngaySinh-loi");
  await expect(beside).toHaveText("Ngày, tháng, năm sinh người yêu cầu: ngày không hợp lệ — không được sau ngày hôm nay.");
  await expect(errorSummary(page)).toContainText("không được sau ngày hôm nay");
  await expectAccessible(page);
  await dob.fill("1890-03-01");
  await next(page);
  await expect(beside).toHaveText("Ngày, tháng, năm sinh người yêu cầu: ngày không hợp lệ — không được trước ngày 01/01/1900.");
  await dob.fill("1995-04-20");
  await next(page);

  // Step 2: the other party; a groom under 20 is refused.
  await expect(page.getByRole("heading", { name: /Người kết hôn cùng/ })).toBeVisible();
  await page.getByLabel("Họ, chữ đệm, tên của người kết hôn cùng").fill("Trần Văn Bình");
  await page.getByRole("radio", { name: "Nam" }).check();
  const groom = page.getByLabel("Ngày, tháng, năm sinh của người kết hôn cùng");
  await groom.fill(`${new Date().getUTCFullYear() - 19}-01-01`);
  await page.getByLabel("Dân tộc của người kết hôn cùng").selectOption({ label: "Tày" });
  await page.getByLabel("Quốc tịch của người kết hôn cùng").fill("Việt Nam");
  await page.getByLabel("Số định danh cá nhân (số căn cước) của người kết hôn cùng").fill("079190054321");
  await fillAddress(page);
  await page.getByLabel("Kết hôn lần thứ mấy (của người kết hôn cùng)").fill("1");
  await next(page);
  await expect(page.locator("#truong-benKiaNgaySinh-loi")).toContainText("chưa đủ 20 tuổi");
  await groom.fill("1993-08-15");
  await next(page);

  // Step 3: married before? Yes: the paper about the previous marriage is asked for, and required.
  await page.getByRole("radio", { name: "Có", exact: true }).check();
  await page.getByRole("checkbox", { name: "Cả hai bên là công dân Việt Nam cư trú ở trong nước" }).check();
  await next(page);
  await expect(page.getByLabel(PREVIOUS)).toBeVisible();
  await expect(page.getByText(`${PREVIOUS} (bắt buộc)`)).toBeVisible();
  await expect(page.getByLabel("Giấy xác nhận tình trạng hôn nhân")).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Kiểm tra thông tin" }).click();
  await expect(errorSummary(page)).toContainText(`${PREVIOUS}: vui lòng tải lên tệp.`);
  // No: the paper is not asked for.
  await page.getByRole("button", { name: "Quay lại" }).click();
  await page.getByRole("radio", { name: "Không", exact: true }).check();
  await next(page);
  await expect(page.getByLabel(PREVIOUS)).toHaveCount(0);
  await page
    .getByLabel(/Tờ khai đăng ký kết hôn đã ký/)
    .setInputFiles({ name: "to-khai-ket-hon.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(page.getByText("Đã tải lên: to-khai-ket-hon.pdf")).toBeVisible();
  await page.getByRole("button", { name: "Kiểm tra thông tin" }).click();

  // Review: labels and full address names; the one paper submitted; no fee (exempt).
  await expect(page.getByRole("heading", { name: /Kiểm tra lại thông tin/ })).toBeVisible();
  await expect(page.getByTestId("xem-banDanToc")).toHaveText("Kinh");
  await expect(page.getByTestId("xem-benKiaDanToc")).toHaveText("Tày");
  await expect(page.getByTestId("xem-banGioiTinh")).toHaveText("Nữ");
  await expect(page.getByTestId("xem-daKetHonTruocDay")).toHaveText("Không");
  await expect(page.getByTestId("xem-diaChi")).toHaveText(ADDRESS);
  await expect(page.getByTestId("xem-benKiaNoiCuTru")).toHaveText(ADDRESS);
  await expect(page.getByTestId("xem-toKhai")).toHaveText("to-khai-ket-hon.pdf");
  await expect(page.getByTestId("xem-giayToHonNhanTruoc")).toHaveCount(0);
  await expect(page.getByTestId("phi-le-phi")).toContainText("Được miễn: đăng ký kết hôn của công dân Việt Nam cư trú ở trong nước.");
  await expect(page.getByTestId("tong-phi")).toHaveText("Không thu phí, lệ phí.");
  await expectAccessible(page);
  await page.getByLabel(/Tôi cam đoan/).check();
  await page.getByRole("button", { name: "Nộp hồ sơ", exact: true }).click();
  await expect(page).toHaveURL(/da-nop=1$/);
  const code = (await page.getByTestId("ma-ho-so").textContent())!;

  // The citizen's dossier page.
  await expect(page.getByTestId("xem-diaChi")).toHaveText(ADDRESS);
  await expect(page.getByTestId("giay-to-da-nop").getByRole("listitem")).toHaveText([
    "Tờ khai đăng ký kết hôn đã ký (nếu có): to-khai-ket-hon.pdf",
  ]);
  await expectAccessible(page);

  // The receipt (form 01) and its PDF: the address in words and exactly the paper submitted.
  await page.goto(`/ho-so-cua-toi/${code}/bien-nhan`);
  await expect(page.getByTestId("dia-chi")).toHaveText(ADDRESS);
  await expect(page.getByTestId("giay-to-da-nhan").getByRole("listitem")).toHaveCount(1);
  await expect(page.getByTestId("giay-to-da-nhan")).toContainText("Tờ khai đăng ký kết hôn đã ký (nếu có)");
  await expectAccessible(page);
  const receipt = await page.request.get(`/ho-so-cua-toi/${code}/bien-nhan/pdf`);
  expect(receipt.status()).toBe(200);
  const text = await pdfText(await receipt.body());
  expect(text).toContain("Tờ khai đăng ký kết hôn đã ký");
  expect(text).toContain("Phường Sài Gòn, Thành phố Hồ Chí Minh");
  expect(text).not.toContain("Giấy xác nhận tình trạng hôn nhân");
  expect(text).not.toContain("Bản án");

  // The officer of the receiving agency reads the same words, from the form the dossier was filed under.
  const officer = await pageAs(browser, "officer");
  await officer.goto(`/can-bo/ho-so/${code}`);
  await expect(officer.getByTestId("xem-banDanToc")).toHaveText("Kinh");
  await expect(officer.getByTestId("xem-benKiaGioiTinh")).toHaveText("Nam");
  await expect(officer.getByTestId("xem-diaChi")).toHaveText(ADDRESS);
  await expect(officer.getByTestId("giay-to-da-nop").getByRole("listitem")).toHaveText([
    "Tờ khai đăng ký kết hôn đã ký (nếu có): to-khai-ket-hon.pdf",
  ]);
  await expectAccessible(officer);
  await officer.goto(`/can-bo/ho-so/${code}/phieu-kiem-soat`);
  await expect(officer.getByTestId("giay-to-da-nop").getByRole("listitem")).toHaveCount(1);
  await expectAccessible(officer);
});

test("judicial record: an exempt applicant is asked 0 đ, a normal one the computed amount, shown on the receipt", async ({ page }) => {
  test.setTimeout(240_000);
  await openFilingForm(page, LLTP);
  // Basic information.
  await page.getByLabel("Họ, chữ đệm, tên").fill("NGUYỄN THỊ MINH ANH");
  await page.getByRole("radio", { name: "Nữ" }).check();
  await page.getByLabel("Ngày, tháng, năm sinh").fill("1995-04-20");
  await page.getByLabel("Nơi sinh").fill("Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh");
  await page.getByLabel("Quốc tịch").fill("Việt Nam");
  await page.getByLabel("Dân tộc").selectOption({ label: "Kinh" });
  await page.getByLabel("Số căn cước công dân").fill("079190012345");
  await fillAddress(page);
  await page.getByLabel("Số điện thoại di động").fill("0912345678");
  await next(page);
  // Family: a repeating group (one item at least).
  await next(page);
  await expect(errorSummary(page)).toContainText("Cha, mẹ, vợ hoặc chồng: vui lòng kê khai ít nhất 1 mục.");
  await page.getByRole("button", { name: "Thêm người thân" }).click();
  await page.getByRole("button", { name: "Thêm người thân" }).click();
  await page.getByRole("button", { name: "Xóa người thân 2" }).click();
  await expect(page.getByRole("heading", { name: "Người thân 1" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Người thân 2" })).toHaveCount(0);
  await next(page);
  await expect(page.locator("#truong-thanNhan-0-hoTen-loi")).toHaveText("Người thân 1 — Họ, chữ đệm, tên: vui lòng nhập thông tin.");
  await page.locator("#truong-thanNhan-0-quanHe").selectOption({ label: "Mẹ" });
  await page.locator("#truong-thanNhan-0-hoTen").fill("Trần Thị Hoa");
  await expectAccessible(page);
  await next(page);
  // Residence since 14.
  await page.getByRole("button", { name: "Thêm giai đoạn" }).click();
  await page.locator("#truong-quaTrinhCuTru-0-tuNgay").fill("2009-04-20");
  await page.locator("#truong-quaTrinhCuTru-0-denNgay").fill("2026-01-01");
  await page.locator("#truong-quaTrinhCuTru-0-noiCuTru").fill("12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh");
  await next(page);
  // The request: an elderly applicant is exempt.
  await page.getByRole("radio", { name: "Phiếu lý lịch tư pháp số 1" }).check();
  await page.getByLabel("Số lượng Phiếu yêu cầu cấp").fill("3");
  await page.getByLabel("Mục đích yêu cầu cấp Phiếu").fill("Bổ sung hồ sơ xin việc");
  await page.getByLabel("Đối tượng nộp phí").selectOption({ label: "Người cao tuổi" });
  await next(page);
  await page.getByLabel(/Bản chụp căn cước công dân/).setInputFiles({ name: "cccd.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(page.getByText("Đã tải lên: cccd.pdf")).toBeVisible();
  await page.getByLabel(/Giấy tờ chứng minh thuộc đối tượng/).setInputFiles({ name: "mien.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(page.getByText("Đã tải lên: mien.pdf")).toBeVisible();
  await page.getByRole("button", { name: "Kiểm tra thông tin" }).click();
  await expect(page.getByTestId("tong-phi")).toHaveText("Không thu phí, lệ phí.");
  await expect(page.getByTestId("phi-le-phi")).toContainText("Được miễn: trẻ em, người cao tuổi");
  await expect(page.getByTestId("xem-thanNhan.0.quanHe")).toHaveText("Mẹ");
  await expectAccessible(page);

  // A normal applicant: 200.000 đ and 5.000 đ for the third copy.
  await page.getByRole("button", { name: "Sửa: Yêu cầu cấp Phiếu" }).click();
  await page.getByLabel("Đối tượng nộp phí").selectOption({ label: "Không thuộc đối tượng được miễn, giảm" });
  await next(page);
  await expect(page.getByLabel(/Giấy tờ chứng minh thuộc đối tượng/)).toHaveCount(0);
  await page.getByRole("button", { name: "Kiểm tra thông tin" }).click();
  await expect(page.getByTestId("tong-phi")).toHaveText("205.000 đồng");
  await expect(page.getByTestId("phi-le-phi")).toContainText("Phiếu thứ 3 trở đi");
  await page.getByLabel(/Tôi cam đoan/).check();
  await page.getByRole("button", { name: "Nộp hồ sơ", exact: true }).click();
  await expect(page).toHaveURL(/da-nop=1$/);
  const code = (await page.getByTestId("ma-ho-so").textContent())!;
  // The payment asks for the computed amount.
  await expect(page.locator("#thanh-toan dd").first()).toHaveText("205.000 đồng");
  await expectAccessible(page);

  await page.goto(`/ho-so-cua-toi/${code}/bien-nhan`);
  await expect(page.getByTestId("phi-le-phi")).toContainText("Phí cung cấp thông tin lý lịch tư pháp");
  await expect(page.getByTestId("tong-phi")).toHaveText("205.000 đồng");
  await expect(page.getByTestId("giay-to-da-nhan").getByRole("listitem")).toHaveCount(1);
  await expectAccessible(page);
  const text = await pdfText(await (await page.request.get(`/ho-so-cua-toi/${code}/bien-nhan/pdf`)).body());
  expect(text).toContain("Phiếu thứ 3 trở đi: 5.000 đồng × 1 Phiếu = 5.000 đồng");
  expect(text).toContain("Tổng số tiền phải nộp: 205.000 đồng");
  expect(text).not.toContain("Giấy tờ chứng minh thuộc đối tượng");
});
