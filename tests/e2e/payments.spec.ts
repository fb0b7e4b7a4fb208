// Paying a fee through the simulated bank, which speaks VNPay's protocol: the bank's signed IPN settles the
// payment; a forged notification (no secret, or a signature lifted from the payment request) and a replayed
// one change nothing. The IPN answers are VNPay's RspCodes; the dossier page is the outcome the citizen sees.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { authFile, expectAccessible, openFilingForm, PDF, PNG } from "./helpers";

// A level-4 service with a fee that files through the generic form.
const SERVICE = "Đăng ký xe lần đầu trực tuyến toàn trình đối với xe nhập khẩu";
const IPN = "/api/v1/thanh-toan/ket-qua";

async function ipn(request: APIRequestContext, query: URLSearchParams): Promise<string> {
  const res = await request.get(`${IPN}?${query}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { RspCode: string }).RspCode;
}

test.use({ storageState: authFile("citizen") });

test("a signed IPN settles the fee; forged and replayed IPNs change nothing", async ({ page, request }) => {
  test.setTimeout(180_000);
  // File a level-4 dossier with a fee.
  await openFilingForm(page, SERVICE);
  await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Thành phố Hồ Chí Minh" });
  await page.getByLabel("Phường, xã").selectOption({ label: "Phường Sài Gòn" });
  await page.getByLabel("Số nhà, đường, thôn, xóm").fill("12 Lê Lợi");
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  await page.getByLabel("Nội dung đề nghị giải quyết").fill("Đề nghị đăng ký xe.");
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  const files = page.locator('input[type="file"]');
  await files.nth(0).setInputFiles({ name: "to-khai.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(page.getByText("Đã tải lên: to-khai.pdf")).toBeVisible();
  await files.nth(1).setInputFiles({ name: "anh.png", mimeType: "image/png", buffer: PNG });
  await expect(page.getByText("Đã tải lên: anh.png")).toBeVisible();
  await page.getByRole("button", { name: "Kiểm tra thông tin" }).click();
  await page.getByLabel(/Tôi cam đoan/).check();
  await page.getByRole("button", { name: "Nộp hồ sơ", exact: true }).click();
  await expect(page).toHaveURL(/da-nop=1$/);
  const code = (await page.getByTestId("ma-ho-so").textContent())!;
  const dossierPage = `/ho-so-cua-toi/${code}`;

  // Start paying: the portal signs the order and sends the browser to the bank.
  await page.goto(dossierPage);
  await page.getByRole("button", { name: "Thanh toán trực tuyến" }).click();
  await expect(page).toHaveURL(/\/thanh-toan\/ngan-hang-mo-phong\?/);
  await expectAccessible(page);
  const order = new URL(page.url()).searchParams;
  const txnRef = order.get("vnp_TxnRef")!;
  const amount = order.get("vnp_Amount")!;
  expect(txnRef).toBeTruthy();

  // 1. Forged without the secret: a success for this order with a made-up signature.
  const forged = new URLSearchParams({
    vnp_Amount: amount,
    vnp_ResponseCode: "00",
    vnp_TransactionStatus: "00",
    vnp_TxnRef: txnRef,
    vnp_TransactionNo: "99999999",
    vnp_TmnCode: order.get("vnp_TmnCode")!,
    vnp_SecureHash: "ab".repeat(64),
  });
  expect(await ipn(request, forged)).toBe("97");
  // 2. The payment request's own (genuine) signature replayed as a notification: it says nothing was paid.
  expect(await ipn(request, order)).not.toBe("00");
  // Still unpaid: the citizen can still pay.
  const unpaid = await page.context().newPage();
  await unpaid.goto(dossierPage);
  await expect(unpaid.getByRole("button", { name: "Thanh toán trực tuyến" })).toBeVisible();
  await expect(unpaid.getByRole("link", { name: /Tải biên lai/ })).toHaveCount(0);

  // The bank confirms: its signed IPN settles the payment, and the browser returns with the same signed
  // result on the return address (the server action's redirect, captured here to replay it).
  const returnLeg = page.waitForResponse((r) => (r.headers()["x-action-redirect"] ?? "").includes("/thanh-toan/tro-ve?"));
  await page.getByRole("button", { name: "Xác nhận thanh toán" }).click();
  const redirectTo = (await returnLeg).headers()["x-action-redirect"]!.split(";")[0]!;
  const signedResult = new URL(redirectTo, "http://localhost").searchParams;
  expect(signedResult.get("vnp_SecureHash")).toBeTruthy();
  await expect(page).toHaveURL(/\?thanh-toan=thanh-cong/);
  await expect(page.getByText("Thanh toán thành công.")).toBeVisible();
  await expect(page.getByRole("link", { name: /Tải biên lai/ })).toHaveCount(1);
  await expectAccessible(page);
  await unpaid.reload();
  const timelineAfterPaying = await unpaid.getByTestId("tien-do").textContent();

  // 3. Replaying the bank's genuine notification: "order already confirmed" (02), nothing new.
  expect(await ipn(request, signedResult)).toBe("02");
  // 4. The genuine result with the amount raised (the signature no longer matches): refused as forged.
  const tampered = new URLSearchParams(signedResult);
  tampered.set("vnp_Amount", String(Number(amount) * 10));
  expect(await ipn(request, tampered)).toBe("97");
  await unpaid.reload();
  await expect(unpaid.getByRole("link", { name: /Tải biên lai/ })).toHaveCount(1);
  await expect(unpaid.getByTestId("tien-do")).toHaveText(timelineAfterPaying!);
});
