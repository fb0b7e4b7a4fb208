// Results people can trust, in Chromium: the citizen downloads the signed result of a finished dossier, the
// public verification page (signed out) says it is valid and names the agency; one altered byte is rejected;
// the code printed on the result finds it too; garbage gets a message, not an error page.
import { expect, test } from "@playwright/test";
import { authFile, errorSummary, expectAccessible, harness, pdfText, SIGNED_OUT } from "./helpers";

test.use({ storageState: authFile("citizen") });

test("download the signed result and verify it on the verification page; one altered byte is rejected", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const code = harness("tests/support/file-dossier.ts").trim().split("\n").at(-1)!;
  expect(code).toMatch(/^000\.00\.00\.H29-\d{6}-\d{4}$/);
  harness("tests/support/drive-dossier.ts", code, "receive", "startProcessing", "finish");

  // The citizen's page says "ký số" because the stored result is signed, and links to the verification page.
  await page.goto(`/ho-so-cua-toi/${code}`);
  await expect(page.getByTestId("trang-thai")).toHaveText("Đã xử lý xong");
  await expect(page.getByTestId("chu-ky-ket-qua")).toContainText("đã ký số bởi Ủy ban nhân dân");
  const href = (await page.getByRole("link", { name: /Tải kết quả/ }).getAttribute("href"))!;
  const pdf = await (await page.request.get(href)).body();
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.toString("latin1")).toContain("/SubFilter /ETSI.CAdES.detached");
  await expectAccessible(page);

  // Anyone, signed out, uploads it.
  const anon = await (await browser.newContext({ storageState: SIGNED_OUT })).newPage();
  await anon.goto("/xac-minh-ket-qua");
  await expect(anon.getByRole("heading", { level: 1 })).toHaveText("Xác minh kết quả giải quyết thủ tục hành chính");
  await expectAccessible(anon);
  const upload = async (buffer: Buffer, name = "ket-qua.pdf") => {
    await anon.getByLabel("Tệp kết quả (PDF)").setInputFiles({ name, mimeType: "application/pdf", buffer });
    await anon.getByRole("button", { name: "Kiểm tra tệp" }).click();
  };
  await upload(pdf);
  const verdict = anon.getByTestId("ket-qua-xac-minh");
  await expect(verdict).toHaveAttribute("data-status", "valid");
  await expect(verdict).toContainText("Hợp lệ: văn bản có chữ ký số hợp lệ và không bị sửa đổi sau khi ký.");
  await expect(verdict).toContainText("Văn bản này do Cổng Dịch vụ công Quốc gia phát hành.");
  await expect(anon.getByTestId("co-quan-ban-hanh")).toContainText("000.00.00.H29");
  await expect(anon.getByTestId("nguoi-ky")).toContainText("Ủy ban nhân dân");
  await expect(verdict).toContainText("15/QĐ-UBND");
  // The anonymous reader sees a masked dossier code, not the applicant.
  await expect(verdict).not.toContainText(code);
  await expect(verdict).not.toContainText("Nguyễn Thị Minh Anh");
  await expectAccessible(anon);

  // One altered byte: rejected.
  const altered = Buffer.from(pdf);
  altered[1000] = altered[1000]! ^ 0x01;
  await upload(altered);
  await expect(verdict).toHaveAttribute("data-status", "altered");
  await expect(verdict).toContainText("Không hợp lệ: nội dung tệp đã bị thay đổi sau khi ký số.");
  await expect(anon.getByTestId("co-quan-ban-hanh")).toHaveCount(0);
  await expectAccessible(anon);

  // Not a PDF: the field says why.
  await anon
    .getByLabel("Tệp kết quả (PDF)")
    .setInputFiles({ name: "ket-qua.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ…") });
  await anon.getByRole("button", { name: "Kiểm tra tệp" }).click();
  await expect(errorSummary(anon)).toContainText("Tệp kết quả: tệp không phải PDF");

  // The code printed on the result (what its QR code opens) finds it; a wrong one finds nothing.
  const printed = /Mã xác minh: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(await pdfText(pdf))?.[1];
  expect(printed).toBeTruthy();
  await anon.goto(`/xac-minh-ket-qua?ma=${encodeURIComponent(code)}&xac-minh=${printed}`);
  await expect(anon.locator('[data-testid="ket-qua-xac-minh"][data-status="valid"]')).toContainText("000.00.00.H29");
  await expectAccessible(anon);
  await anon.getByLabel("Mã xác minh").fill("0000-0000-0000");
  await anon.getByRole("button", { name: "Tra cứu" }).click();
  await expect(anon.getByText("Không có văn bản kết quả nào khớp")).toBeVisible();
  await anon.getByLabel("Mã hồ sơ").fill("abc");
  await anon.getByLabel("Mã xác minh").fill("?");
  await anon.getByRole("button", { name: "Tra cứu" }).click();
  await expect(anon.getByText("Mã hồ sơ: không đúng định dạng")).toBeVisible();
  await expect(anon.getByText("Mã xác minh: gồm 12 chữ và số")).toBeVisible();
  await expectAccessible(anon);
});
