import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { authFile, errorSummary, expectAccessible, openFilingForm as openForm, PDF, PNG, SIGNED_OUT, test } from "./helpers";

// Provincial, level-4 procedures with papers and a fee that file through the portal's generic form (the
// declaration forms have their own specs); each test files its own, so parallel tests of the one demo
// citizen never share a draft.
const SERVICE_NAME = "Đăng ký xe tạm thời thực hiện tại Công an cấp tỉnh";
const SERVICE_UPLOADS = "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh";
const SERVICE_SUPPLEMENT = "Cấp Giấy xác nhận có quốc tịch Việt Nam ở trong nước";
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(64)]);

/** Officer steps through the status module, against the e2e server's database (as the officer UI will). */
function drive(code: string, ...steps: string[]) {
  const env = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".data", "e2e-env.json"), "utf8")) as Record<string, string>;
  execFileSync(
    process.execPath,
    [path.join("node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "tests/support/drive-dossier.ts", code, ...steps],
    {
      env: { ...process.env, ...env },
      stdio: "pipe",
    },
  );
}

const openFilingForm = (page: Page, name = SERVICE_NAME) => openForm(page, name);

async function fillApplicantStep(page: Page) {
  // Prefilled from the profile.
  await expect(page.getByLabel("Họ và tên")).toHaveValue("Nguyễn Thị Minh Anh");
  await expect(page.getByLabel("Số căn cước công dân")).toHaveValue("079190012345");
  await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Thành phố Hồ Chí Minh" });
  await page.getByLabel("Phường, xã").selectOption({ label: "Phường Sài Gòn" });
  await page.getByLabel("Số nhà, đường, thôn, xóm").fill("12 Lê Lợi");
}

test.describe(() => {
  test.use({ storageState: authFile("citizen") });

  test("a citizen files a level-4 application, pays, and receives and rates the result", async ({ page }) => {
    test.setTimeout(180_000);
    await openFilingForm(page);
    await expect(page.getByText("Toàn trình (mức 4)")).toBeVisible();
    await expectAccessible(page);

    // Step 1: an empty required field is named, then filled.
    await page.getByLabel("Họ và tên").fill("");
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await expect(errorSummary(page)).toContainText("Họ và tên: vui lòng nhập thông tin.");
    await page.getByLabel("Họ và tên").fill("Nguyễn Thị Minh Anh");
    await fillApplicantStep(page);
    await page.getByRole("button", { name: "Tiếp tục" }).click();

    // Step 2: the request.
    await page.getByLabel("Nội dung đề nghị giải quyết").fill("Đề nghị đăng ký xe tạm thời để chuyển xe về nơi đăng ký.");
    await expect(page.getByRole("status").filter({ hasText: "Đã lưu nháp" })).toBeVisible({ timeout: 10_000 });
    await page.getByRole("button", { name: "Tiếp tục" }).click();

    // Step 3: two papers, with upload progress and the stored file shown.
    const fileInputs = page.locator('input[type="file"]');
    await expect(fileInputs).toHaveCount(2);
    await fileInputs.nth(0).setInputFiles({ name: "to-khai.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(page.getByText("Đã tải lên: to-khai.pdf")).toBeVisible();
    await fileInputs.nth(1).setInputFiles({ name: "anh-cccd.png", mimeType: "image/png", buffer: PNG });
    await expect(page.getByText("Đã tải lên: anh-cccd.png")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Kiểm tra thông tin" }).click();

    // Review, then submit.
    await expect(page.getByRole("heading", { name: /Kiểm tra lại thông tin/ })).toBeVisible();
    await expect(page.getByTestId("xem-diaChi")).toContainText("12 Lê Lợi, Phường Sài Gòn, Thành phố Hồ Chí Minh");
    await expect(page.locator("[data-testid^=xem-giayTo]").first()).toHaveText("to-khai.pdf");
    await expectAccessible(page);
    // Submitting without the declaration is refused and says why.
    await page.getByRole("button", { name: "Nộp hồ sơ", exact: true }).click();
    await expect(errorSummary(page)).toContainText("Vui lòng xác nhận lời cam đoan");
    await page.getByLabel(/Tôi cam đoan/).check();
    await page.getByRole("button", { name: "Nộp hồ sơ", exact: true }).click();

    // The receipt: a national-format code and an appointment date in working days.
    await expect(page).toHaveURL(/\/ho-so-cua-toi\/000\.00\.00\.H29-\d{6}-\d{4}\?da-nop=1$/);
    const code = (await page.getByTestId("ma-ho-so").textContent())!;
    expect(code).toMatch(/^000\.00\.00\.H29-\d{6}-\d{4}$/);
    await expect(page.getByTestId("trang-thai")).toHaveText("Mới đăng ký");
    await expect(page.getByTestId("ngay-hen")).toHaveText(/^\d{2}\/\d{2}\/\d{4}$/);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Xem giấy tiếp nhận (mẫu 01)" }).click();
    await expect(page.getByRole("heading", { name: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" })).toBeVisible();
    await expect(page.getByRole("img", { name: `Mã QR tra cứu hồ sơ ${code}` })).toBeVisible();
    // The receipt's tracking PIN, which the QR code's address carries too.
    const pin = (await page.getByTestId("ma-tra-cuu").textContent())!;
    expect(pin).toMatch(/^\d{6}$/);
    await expect(page.getByRole("link", { name: /\/tra-cuu-ho-so\?ma=/ })).toHaveAttribute("href", new RegExp(`pin=${pin}$`));
    await expectAccessible(page);
    const receipt = await page.request.get(`/ho-so-cua-toi/${code}/bien-nhan/pdf`);
    expect(receipt.status()).toBe(200);
    expect((await receipt.body()).subarray(0, 5).toString()).toBe("%PDF-");

    // Pay through the simulated gateway.
    await page.goto(`/ho-so-cua-toi/${code}`);
    await page.getByRole("button", { name: "Thanh toán trực tuyến" }).click();
    await expect(page.getByText(/mô phỏng/i).first()).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Xác nhận thanh toán" }).click();
    await expect(page).toHaveURL(new RegExp(`/ho-so-cua-toi/${code.replace(/\./g, "\\.")}\\?thanh-toan=thanh-cong`));
    await expect(page.getByText("Thanh toán thành công.")).toBeVisible();
    const receiptLink = page.getByRole("link", { name: /Tải biên lai/ });
    await expect(receiptLink).toBeVisible();
    const payReceipt = await page.request.get((await receiptLink.getAttribute("href"))!);
    expect((await payReceipt.body()).subarray(0, 5).toString()).toBe("%PDF-");

    // The agency receives, processes, finishes with a result and returns it.
    drive(code, "receive", "startProcessing", "finish", "returnResult");
    await page.reload();
    await expect(page.getByTestId("trang-thai")).toHaveText("Đã trả kết quả");
    const timeline = page.getByTestId("tien-do");
    for (const step of ["Nộp hồ sơ trực tuyến", "Tiếp nhận hồ sơ", "Chuyển xử lý", "Hoàn thành xử lý, có kết quả", "Trả kết quả"]) {
      await expect(timeline).toContainText(step);
    }
    const result = page.getByRole("link", { name: /Tải kết quả/ });
    const resultPdf = await page.request.get((await result.getAttribute("href"))!);
    expect(resultPdf.status()).toBe(200);
    expect((await resultPdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await expectAccessible(page);

    // Rate the service.
    await page.getByLabel("5 – Rất hài lòng").check();
    await page.getByLabel("Góp ý (không bắt buộc)").fill("Nhanh, không phải đi lại.");
    await page.getByRole("button", { name: "Gửi đánh giá" }).click();
    await expect(page.getByText("Ông/bà đã đánh giá 5/5. Góp ý: Nhanh, không phải đi lại.")).toBeVisible();

    // Every step reached the citizen as a notification.
    await page.goto("/thong-bao");
    const notices = page.getByTestId("thong-bao");
    for (const s of ["Mới đăng ký", "Được tiếp nhận", "Đang xử lý", "Đã xử lý xong", "Đã trả kết quả"]) {
      await expect(notices).toContainText(`${code}: ${s}`);
    }
    await expectAccessible(page);

    // Anyone holding the receipt can track it with the code and the PIN, without personal data; the code
    // alone (as a guessed neighbour would be) shows nothing, and a wrong PIN says only "not found".
    const anonymous = await page.context().browser()!.newContext({ baseURL: test.info().project.use.baseURL, storageState: SIGNED_OUT });
    const anon = await anonymous.newPage();
    await anon.goto(`/tra-cuu-ho-so?ma=${encodeURIComponent(code)}`);
    await expect(errorSummary(anon)).toContainText("Mã tra cứu: vui lòng nhập mã tra cứu");
    await expect(anon.getByTestId("trang-thai")).toHaveCount(0);
    await expectAccessible(anon);
    await anon.getByLabel("Mã tra cứu hoặc 4 số cuối số điện thoại").fill(pin === "000000" ? "000001" : "000000");
    await anon.getByRole("button", { name: "Tra cứu" }).click();
    await expect(anon.getByTestId("tra-cuu-thong-bao")).toContainText("Không tìm thấy hồ sơ khớp");
    await expect(anon.getByTestId("trang-thai")).toHaveCount(0);
    // Typed as people type it: lower case, with spaces around.
    await anon.getByLabel("Mã hồ sơ").fill(`  ${code.toLowerCase()} `);
    await anon.getByLabel("Mã tra cứu hoặc 4 số cuối số điện thoại").fill(pin);
    await anon.getByRole("button", { name: "Tra cứu" }).click();
    await expect(anon.getByTestId("trang-thai")).toHaveText("Đã trả kết quả");
    await expect(anon.getByText("Nguyễn Thị Minh Anh")).toHaveCount(0);
    await expectAccessible(anon);
    await anonymous.close();
  });

  test("a renamed executable and an oversize file are refused; the rest of the form survives", async ({ page }) => {
    await openFilingForm(page, SERVICE_UPLOADS);
    await fillApplicantStep(page);
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await page.getByLabel("Nội dung đề nghị giải quyết").fill("Nội dung giữ nguyên");
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    const input = page.locator('input[type="file"]').first();
    await input.setInputFiles({ name: "to-khai.pdf", mimeType: "application/pdf", buffer: EXE });
    await expect(page.getByText("Tệp “to-khai.pdf” không được chấp nhận: chỉ nhận tệp PDF, JPEG hoặc PNG")).toBeVisible();
    await input.setInputFiles({
      name: "qua-lon.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]),
    });
    await expect(page.getByText("Tệp “qua-lon.pdf” vượt quá dung lượng cho phép 10 MB.")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Quay lại" }).click();
    await expect(page.getByLabel("Nội dung đề nghị giải quyết")).toHaveValue("Nội dung giữ nguyên");
    // And after leaving, the draft resumes where it was.
    await page.goto("/ho-so-cua-toi");
    await page.getByRole("link", { name: SERVICE_UPLOADS }).click();
    await expect(page.getByText("Tiếp tục bản nháp đã lưu.")).toBeVisible();
  });

  test("the citizen answers a supplementation request, and can withdraw", async ({ page }) => {
    test.setTimeout(120_000);
    await openFilingForm(page, SERVICE_SUPPLEMENT);
    await fillApplicantStep(page);
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await page.getByLabel("Nội dung đề nghị giải quyết").fill("Đề nghị cấp.");
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    const inputs = page.locator('input[type="file"]');
    await inputs.nth(0).setInputFiles({ name: "a.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(page.getByText("Đã tải lên: a.pdf")).toBeVisible();
    await inputs.nth(1).setInputFiles({ name: "b.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(page.getByText("Đã tải lên: b.pdf")).toBeVisible();
    await page.getByRole("button", { name: "Kiểm tra thông tin" }).click();
    await page.getByLabel(/Tôi cam đoan/).check();
    await page.getByRole("button", { name: "Nộp hồ sơ", exact: true }).click();
    await expect(page).toHaveURL(/da-nop=1$/);
    const code = (await page.getByTestId("ma-ho-so").textContent())!;

    drive(code, "receive", "requestSupplement");
    await page.reload();
    await expect(page.getByTestId("trang-thai")).toHaveText("Yêu cầu bổ sung giấy tờ");
    await expect(page.getByText("Lý do: Bản chụp giấy tờ bị mờ, không đọc được.")).toBeVisible();
    await expect(page.getByRole("list", { name: "Giấy tờ cần bổ sung" })).toContainText("Bản chụp rõ nét giấy tờ tùy thân");
    await expectAccessible(page);
    await page
      .getByLabel("Tải lên giấy tờ bổ sung (PDF, JPEG, PNG)")
      .setInputFiles({ name: "ban-chup-ro.png", mimeType: "image/png", buffer: PNG });
    await expect(page.getByRole("list", { name: "Giấy tờ đã tải lên" })).toContainText("ban-chup-ro.png");
    await page.getByRole("button", { name: "Gửi giấy tờ bổ sung" }).click();
    await expect(page.getByTestId("trang-thai")).toHaveText("Đang xử lý");
    await expect(page.getByTestId("tien-do")).toContainText("Công dân bổ sung giấy tờ");

    await page.getByLabel(/Tôi xác nhận rút hồ sơ này/).check();
    await page.getByRole("button", { name: "Rút hồ sơ" }).click();
    await expect(page.getByTestId("trang-thai")).toHaveText("Công dân yêu cầu rút hồ sơ");
  });
});
