import { expect, test } from "@playwright/test";
import { authFile, errorSummary, expectAccessible, pageAs, PDF } from "./helpers";

test("VPCP sends an urgent document to HCMC and the Ministry of Justice, and sees HCMC's handling", async ({ browser }) => {
  test.setTimeout(120_000);
  const vpcp = await pageAs(browser, "admin");
  await vpcp.goto("/can-bo/van-ban-di/soan");
  await expectAccessible(vpcp);
  // Nothing chosen: the form names the fields and keeps what was typed.
  const subject = `V/v báo cáo tiến độ kết nối hệ thống quản lý văn bản ${Date.now()}`;
  await vpcp.getByLabel("Trích yếu").fill(subject);
  await vpcp.getByRole("button", { name: "Gửi văn bản" }).click();
  await expect(errorSummary(vpcp)).toContainText("Nơi nhận: vui lòng chọn ít nhất một cơ quan.");
  await expect(vpcp.getByLabel("Trích yếu")).toHaveValue(subject);
  await vpcp.getByLabel("Chức vụ người ký").fill("KT. BỘ TRƯỞNG, CHỦ NHIỆM – PHÓ CHỦ NHIỆM");
  await vpcp.getByLabel("Họ tên người ký").fill("Nguyễn Văn Nên");
  await vpcp.getByLabel("Độ khẩn").selectOption({ label: "Thượng khẩn" });
  await vpcp.getByRole("checkbox", { name: /Ủy ban nhân dân thành phố Hồ Chí Minh/ }).check();
  await vpcp.getByRole("checkbox", { name: /^Bộ Tư pháp/ }).check();
  await vpcp.getByRole("button", { name: "Gửi văn bản" }).click();
  await expect(vpcp.getByRole("status")).toContainText("Đã gửi văn bản 000.00.00.G22,");
  const item = vpcp.getByTestId("so-van-ban-di").getByRole("listitem").filter({ hasText: subject });
  const notation = (await item.locator("strong").first().textContent())!;
  expect(notation).toMatch(/^\d+\/VPCP$/);

  // HCMC's clerk finds it at the top, urgent, and handles it.
  const hcm = await pageAs(browser, "officer");
  await hcm.goto("/can-bo/van-ban-den");
  const incoming = hcm.getByTestId(`den-${notation}`);
  await expect(incoming).toContainText("Thượng khẩn");
  await expect(incoming).toContainText("01 – Đã đến");
  await expectAccessible(hcm);
  for (const [title, shown] of [
    ["Tiếp nhận (vào sổ)", "03 – Đã tiếp nhận"],
    ["Phân công xử lý", "04 – Phân công"],
    ["Hoàn thành", "06 – Hoàn thành"],
  ] as const) {
    await incoming
      .getByRole("form", { name: `${title} – ${notation}` })
      .getByRole("button")
      .click();
    await expect(hcm.getByTestId(`den-${notation}`)).toContainText(shown);
  }
  await expect(hcm.getByTestId(`den-${notation}`)).toContainText("Số đến:");

  // VPCP's sent register shows each recipient's status as it happened, typed by no one at VPCP.
  await vpcp.goto("/can-bo/van-ban-di");
  const sent = vpcp.getByTestId("so-van-ban-di").getByRole("listitem").filter({ hasText: subject }).first();
  const hcmRow = sent.getByTestId("noi-nhan-000.00.00.H29");
  await expect(hcmRow).toContainText("06 – Hoàn thành");
  await expect(hcmRow.getByTestId("dien-bien").getByRole("listitem")).toHaveText([
    /^Văn bản đã đến nơi nhận ·/,
    /^Nơi nhận đã tiếp nhận/,
    /^Nơi nhận đã phân công xử lý/,
    /^Nơi nhận đã hoàn thành xử lý/,
  ]);
  const ministry = sent.getByTestId("noi-nhan-000.00.00.G15");
  await expect(ministry).toContainText("01 – Đã đến");
  await expect(ministry.getByTestId("dien-bien").getByRole("listitem")).toHaveText([/^Văn bản đã đến nơi nhận ·/]);
  await expectAccessible(vpcp);
});

test.describe(() => {
  test.use({ storageState: authFile("citizen") });

  test("a citizen cannot open the document registers", async ({ page }) => {
    expect((await page.goto("/can-bo/van-ban-den"))?.status()).toBe(403);
    expect((await page.goto("/can-bo/van-ban-di/soan"))?.status()).toBe(403);
  });
});

test("the API is documented from its OpenAPI description", async ({ page, request }) => {
  await page.goto("/tai-lieu-api");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cổng Dịch vụ công Quốc gia — API liên thông văn bản");
  // Documents (5), the dossier sync inbound (4) and outbound (3).
  await expect(page.getByTestId("api-op")).toHaveCount(12);
  await expect(page.getByRole("heading", { name: "POST /van-ban", exact: true })).toBeVisible();
  await expectAccessible(page);
  const spec = await request.get("/api/v1/openapi.json");
  expect(spec.status()).toBe(200);
  expect((await spec.json()).openapi).toBe("3.1.0");
});

test("VPCP attaches a signed PDF, then replaces the document; HCMC is told and downloads the file", async ({ browser }) => {
  test.setTimeout(120_000);
  const vpcp = await pageAs(browser, "admin");
  await vpcp.goto("/can-bo/van-ban-di/soan");
  const subject = `V/v triển khai dịch vụ công trực tuyến mức độ 4 ${Date.now()}`;
  await vpcp.getByLabel("Trích yếu").fill(subject);
  await vpcp.getByLabel("Chức vụ người ký").fill("KT. BỘ TRƯỞNG, CHỦ NHIỆM – PHÓ CHỦ NHIỆM");
  await vpcp.getByLabel("Họ tên người ký").fill("Nguyễn Văn Nên");
  // The registry narrows by name without diacritics, or by identifier.
  await vpcp.getByLabel("Tìm cơ quan theo tên hoặc mã định danh").fill("ho chi minh");
  await expect(vpcp.getByRole("checkbox", { name: /^Bộ Tư pháp/ })).toBeHidden();
  await vpcp.getByRole("checkbox", { name: /Ủy ban nhân dân thành phố Hồ Chí Minh/ }).check();
  await vpcp.getByLabel("Tìm cơ quan theo tên hoặc mã định danh").fill("000.00.00.G15");
  await expect(vpcp.getByRole("checkbox", { name: /^Bộ Tư pháp/ })).toBeVisible();
  await expect(vpcp.getByRole("checkbox", { name: /Ủy ban nhân dân thành phố Hồ Chí Minh/ })).toBeHidden();
  await vpcp.getByLabel("Tìm cơ quan theo tên hoặc mã định danh").fill("");
  // A renamed program is refused by its bytes; everything typed stays.
  await vpcp
    .getByLabel("Tệp đính kèm")
    .setInputFiles({ name: "cong-van.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ\x90\x00 not a pdf") });
  await vpcp.getByRole("button", { name: "Gửi văn bản" }).click();
  await expect(errorSummary(vpcp)).toContainText('Tệp đính kèm: tệp "cong-van.pdf" không phải PDF');
  await expect(vpcp.getByLabel("Trích yếu")).toHaveValue(subject);
  await expect(vpcp.getByRole("checkbox", { name: /Ủy ban nhân dân thành phố Hồ Chí Minh/ })).toBeChecked();
  // The refused file is still listed (issue 19: nothing chosen is lost): the clerk removes it, then picks the signed one.
  await vpcp.getByRole("button", { name: "Xóa tệp cong-van.pdf" }).click();
  await vpcp.getByLabel("Tệp đính kèm").setInputFiles({ name: "cong-van-ky-so.pdf", mimeType: "application/pdf", buffer: PDF });
  await vpcp.getByRole("button", { name: "Gửi văn bản" }).click();
  await expect(vpcp.getByRole("status")).toContainText("Đã gửi văn bản");
  const item = vpcp.getByTestId("so-van-ban-di").getByRole("listitem").filter({ hasText: subject }).first();
  await expect(item.getByRole("link", { name: "cong-van-ky-so.pdf" })).toBeVisible();
  const notation = (await item.locator("strong").first().textContent())!;

  // Replace it: the form starts from the original, with its recipients.
  await item.getByRole("link", { name: `Thay thế văn bản ${notation}` }).click();
  await expect(vpcp.getByRole("heading", { level: 1 })).toContainText("Thay thế văn bản 000.00.00.G22,");
  await expect(vpcp.getByLabel("Trích yếu")).toHaveValue(subject);
  await expect(vpcp.getByRole("checkbox", { name: /Ủy ban nhân dân thành phố Hồ Chí Minh/ })).toBeChecked();
  await expectAccessible(vpcp);
  await vpcp.getByLabel("Trích yếu").fill(`${subject} (thay thế)`);
  await vpcp.getByRole("button", { name: "Gửi văn bản" }).click();
  await expect(vpcp.getByRole("status")).toContainText("Đã gửi văn bản");
  await expect(
    vpcp.getByTestId("so-van-ban-di").getByRole("listitem").filter({ hasText: subject }).first().getByTestId("van-ban-goc"),
  ).toContainText(`Văn bản thay thế cho văn bản ${notation}`);

  // HCMC sees the replacement naming the original, and the original marked replaced; the file downloads.
  const hcm = await pageAs(browser, "officer");
  await hcm.goto(`/can-bo/van-ban-den?q=${encodeURIComponent(subject)}`);
  await expect(hcm.getByTestId(`den-${notation}`).getByTestId("da-thay-the")).toContainText("Đã được thay thế bởi văn bản");
  await expect(hcm.getByTestId("so-van-ban-den").getByTestId("van-ban-goc")).toContainText(`Văn bản thay thế cho văn bản ${notation}`);
  const download = hcm.waitForEvent("download");
  await hcm.getByTestId(`den-${notation}`).getByRole("link", { name: "cong-van-ky-so.pdf" }).click();
  expect((await download).suggestedFilename()).toBe("cong-van-ky-so.pdf");
  // Filters: by urgency "Hỏa tốc" the register has none of these.
  await hcm.getByLabel("Độ khẩn").selectOption({ label: "Hỏa tốc" });
  await hcm.getByRole("button", { name: "Lọc" }).click();
  await expect(hcm.getByTestId(`den-${notation}`)).toHaveCount(0);
  await expectAccessible(hcm);
});

test("an agency administrator issues an API key shown once and registers a push endpoint; VPCP sees dead letters", async ({ browser }) => {
  const admin = await pageAs(browser, "agencyAdmin");
  await admin.goto("/can-bo/quan-tri-co-quan/ket-noi");
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Kết nối hệ thống quản lý văn bản");
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "Cấp khóa" }).click();
  await expect(errorSummary(admin)).toContainText("Tên khóa: vui lòng nhập tên");
  await admin.getByLabel("Tên khóa").fill("Hệ thống QLVB Văn phòng UBND");
  await admin.getByRole("button", { name: "Cấp khóa" }).click();
  const shown = admin.getByRole("status").filter({ hasText: "Đã cấp khóa API" });
  await expect(shown.locator("code")).toHaveText(/^dvc_[A-Za-z0-9_-]{43}$/);
  const key = (await shown.locator("code").textContent())!;
  // The key works against the API, and the list shows its prefix only.
  const res = await admin.request.get("/api/v1/van-ban/den", { headers: { authorization: `Bearer ${key}` } });
  expect(res.status()).toBe(200);
  await admin.reload();
  await expect(admin.getByRole("row", { name: /Hệ thống QLVB Văn phòng UBND/ }).first()).toContainText(`${key.slice(0, 12)}…`);
  await expect(admin.getByText(key)).toHaveCount(0);

  await admin.getByLabel("Địa chỉ nhận (URL)").fill("khong-phai-url");
  await admin.getByRole("button", { name: "Lưu địa chỉ nhận" }).click();
  await expect(errorSummary(admin)).toContainText("Địa chỉ nhận (URL): vui lòng nhập địa chỉ");
  await expect(admin.getByLabel("Địa chỉ nhận (URL)")).toHaveValue("khong-phai-url");
  await admin.getByLabel("Địa chỉ nhận (URL)").fill("https://qlvb.tphcm.example/nhan-van-ban");
  await admin.getByRole("button", { name: "Lưu địa chỉ nhận" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Đã lưu địa chỉ nhận" }).locator("code")).toHaveText(/^whsec_/);
  await expectAccessible(admin);
  // Remove it again so the other scenarios keep delivering into HCMC's portal register.
  await admin.getByRole("button", { name: "Xóa địa chỉ nhận" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Đã xóa địa chỉ nhận" })).toBeVisible();
  await expect(admin.getByText("Cơ quan chưa khai báo địa chỉ nhận")).toBeVisible();

  const vpcp = await pageAs(browser, "admin");
  // VPCP keeps its own keys on the same page, offered only what it may open.
  await vpcp.goto("/can-bo/quan-tri-co-quan/ket-noi");
  const nav = vpcp.getByRole("navigation", { name: "Quản trị cơ quan" });
  await expect(nav.getByRole("link", { name: "Kết nối hệ thống" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Cán bộ" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Quản trị", exact: true })).toBeVisible();
  await vpcp.goto("/quan-tri/thong-diep-loi");
  await expect(vpcp.getByRole("heading", { level: 1 })).toHaveText("Thông điệp chuyển không thành công (toàn hệ thống)");
  await expectAccessible(vpcp);
  const officer = await pageAs(browser, "officer");
  expect((await officer.goto("/can-bo/quan-tri-co-quan/ket-noi"))?.status()).toBe(403);
  expect((await officer.goto("/quan-tri/thong-diep-loi"))?.status()).toBe(403);
});
