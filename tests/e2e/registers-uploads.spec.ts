// Issue 19: the document registers page (keyset, a count, filters kept across pages, a tampered page link
// read as the first page), composing a document keeps the chosen files after a refusal, and the citizen
// removes and replaces a paper before submitting: the dossier holds exactly the final file.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { expect } from "@playwright/test";
import { accessibleAtBothWidths, authFile, errorSummary, expectAccessible, openFilingForm, pageAs, PDF, PNG, test } from "./helpers";

/** A query against the e2e server's database. */
async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const env = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".data", "e2e-env.json"), "utf8")) as { DATABASE_URL: string };
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const PAGE_SIZE = 25;
const SEEDED = 30;

test("the incoming register pages with a count, keeps its filters across pages, and reads a tampered link as the first page", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  // Thirty documents from VPCP to HCMC, a minute apart, all matching one marker (other tests send to HCMC too).
  const marker = `phantrang${Date.now()}`;
  const base = 500_000 + (Date.now() % 100_000) * 3;
  await sql(
    `WITH a AS (SELECT (SELECT id FROM agency WHERE identifier = '000.00.00.G22') AS sender,
                       (SELECT id FROM agency WHERE identifier = '000.00.00.H29') AS recipient),
          d AS (
            INSERT INTO document (id, message_id, sender_agency_id, document_key, number, notation, type_code, type_name, year,
                                  promulgation_place, promulgation_date, subject, signer_position, signer_name, sha256, sent_at)
            SELECT x.id, x.id, a.sender, '000.00.00.G22,' || to_char(now(), 'YYYY/MM/DD') || ',' || ($2::int + g) || '/VPCP-PT',
                   $2::int + g, ($2::int + g) || '/VPCP-PT', 'CV', 'Công văn', extract(year FROM now())::int, 'Hà Nội', current_date,
                   'V/v thử phân trang ' || $1 || ' số ' || g, 'CHÁNH VĂN PHÒNG', 'Nguyễn Văn A', repeat('0', 64),
                   now() - interval '1 day' - g * interval '1 minute'
            FROM generate_series(1, ${SEEDED}) AS g CROSS JOIN a CROSS JOIN LATERAL (SELECT md5($1 || ':' || g)::uuid AS id) x
            RETURNING id, sent_at)
     INSERT INTO document_recipient (document_id, agency_id, arrived_at) SELECT d.id, a.recipient, d.sent_at FROM d CROSS JOIN a`,
    [marker, base],
  );

  const page = await pageAs(browser, "officer");
  const cards = page.getByTestId("so-van-ban-den").locator(":scope > li");
  await page.goto("/can-bo/van-ban-den");
  await page.getByLabel("Số, ký hiệu hoặc trích yếu").fill(marker);
  await page.getByLabel("Loại văn bản").selectOption("CV");
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${marker}.*loai=CV`));
  await expect(page.getByTestId("tong-so")).toContainText(`Tổng số: ${SEEDED} văn bản`);
  await expect(cards).toHaveCount(PAGE_SIZE);
  await expect(cards.first()).toContainText(`${base + 1}/VPCP-PT`);
  await expect(page.getByText("Trang trước", { exact: true })).toHaveAttribute("aria-disabled", "true");
  await accessibleAtBothWidths(page, { noOverflow: true });

  // Next: the rest, the filters still in the address and in the form.
  await page.getByRole("link", { name: "Trang sau" }).click();
  await expect(page).toHaveURL(/[?&]sau=/);
  expect(new URL(page.url()).searchParams.get("q")).toBe(marker);
  expect(new URL(page.url()).searchParams.get("loai")).toBe("CV");
  await expect(cards).toHaveCount(SEEDED - PAGE_SIZE);
  await expect(cards.last()).toContainText(`${base + SEEDED}/VPCP-PT`);
  await expect(page.getByTestId("tong-so")).toContainText(`Tổng số: ${SEEDED} văn bản`);
  await expect(page.getByLabel("Số, ký hiệu hoặc trích yếu")).toHaveValue(marker);
  await expect(page.getByText("Trang sau", { exact: true })).toHaveAttribute("aria-disabled", "true");

  // Previous: back to the first page, filters kept.
  await page.getByRole("link", { name: "Trang trước" }).click();
  await expect(page).toHaveURL(/[?&]truoc=/);
  expect(new URL(page.url()).searchParams.get("q")).toBe(marker);
  await expect(cards).toHaveCount(PAGE_SIZE);
  await expect(cards.first()).toContainText(`${base + 1}/VPCP-PT`);

  // Tampered page links: the first page, said so, never a 500.
  const json = Buffer.from(JSON.stringify(["not a date", "'; DROP TABLE document; --"])).toString("base64url");
  for (const bad of ["%%%", json]) {
    const res = await page.goto(`/can-bo/van-ban-den?q=${marker}&sau=${encodeURIComponent(bad)}`);
    expect(res?.status()).toBe(200);
    await expect(page.getByTestId("trang-khong-hop-le")).toBeVisible();
    await expect(cards).toHaveCount(PAGE_SIZE);
    await expect(cards.first()).toContainText(`${base + 1}/VPCP-PT`);
  }

  // VPCP's sent register pages the same documents the same way.
  const vpcp = await pageAs(browser, "admin");
  await vpcp.goto(`/can-bo/van-ban-di?q=${marker}`);
  await expect(vpcp.getByTestId("tong-so")).toContainText(`Tổng số: ${SEEDED} văn bản`);
  await expect(vpcp.getByTestId("so-van-ban-di").locator(":scope > li")).toHaveCount(PAGE_SIZE);
  await accessibleAtBothWidths(vpcp);
  await vpcp.getByRole("link", { name: "Trang cuối" }).click();
  await expect(vpcp.getByTestId("so-van-ban-di").locator(":scope > li").last()).toContainText(`${base + SEEDED}/VPCP-PT`);
});

test("composing a document: a refusal keeps the chosen files; a removed file is not sent", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  await page.goto("/can-bo/van-ban-di/soan");
  const subject = `V/v giữ tệp đính kèm khi gửi lỗi ${Date.now()}`;
  await page.getByLabel("Trích yếu").fill(subject);
  await page.getByLabel("Chức vụ người ký").fill("CHÁNH VĂN PHÒNG");
  await page.getByRole("checkbox", { name: /^Bộ Tư pháp/ }).check();
  await page.getByLabel("Tệp đính kèm").setInputFiles([
    { name: "cong-van.pdf", mimeType: "application/pdf", buffer: PDF },
    { name: "phu-luc.png", mimeType: "image/png", buffer: PNG },
  ]);
  const chosen = page.getByTestId("tep-da-chon");
  await expect(chosen.getByRole("listitem")).toHaveCount(2);
  await accessibleAtBothWidths(page, { noOverflow: true });
  await page.getByRole("button", { name: "Xóa tệp phu-luc.png" }).click();
  await expect(chosen.getByRole("listitem")).toHaveText([/^cong-van\.pdf/]);

  // The signer's name is missing: named, and nothing chosen or typed is lost.
  await page.getByRole("button", { name: "Gửi văn bản" }).click();
  await expect(errorSummary(page)).toContainText("Họ tên người ký");
  await expect(chosen.getByRole("listitem")).toHaveText([/^cong-van\.pdf/]);
  await expect(page.getByLabel("Trích yếu")).toHaveValue(subject);
  await expect(page.getByRole("checkbox", { name: /^Bộ Tư pháp/ })).toBeChecked();
  await expectAccessible(page);

  await page.getByLabel("Họ tên người ký").fill("Nguyễn Văn Nên");
  await page.getByRole("button", { name: "Gửi văn bản" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã gửi văn bản" })).toBeVisible();
  const sent = page.getByTestId("so-van-ban-di").locator(":scope > li").filter({ hasText: subject });
  await expect(sent).toContainText("cong-van.pdf");
  await expect(sent).not.toContainText("phu-luc.png");
});

test.describe(() => {
  test.use({ storageState: authFile("citizen") });
  const SERVICE = "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc cấp văn bằng, chứng chỉ";

  test("a citizen removes and replaces a paper before submitting; the dossier holds exactly the final file", async ({ page }) => {
    test.setTimeout(90_000);
    await openFilingForm(page, SERVICE);
    await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Thành phố Hồ Chí Minh" });
    await page.getByLabel("Phường, xã").selectOption({ label: "Phường Sài Gòn" });
    await page.getByLabel("Số nhà, đường, thôn, xóm").fill("12 Lê Lợi");
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await page.getByLabel("Nội dung đề nghị giải quyết").fill("Đề nghị cấp bản sao bằng tốt nghiệp.");
    await page.getByRole("button", { name: "Tiếp tục" }).click();

    const input = page.locator('input[type="file"]').first();
    await input.setInputFiles({ name: "dau-tien.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(page.getByText("Đã tải lên: dau-tien.pdf")).toBeVisible();
    await accessibleAtBothWidths(page, { noOverflow: true });

    // Removed: gone from the form, from the draft and from the server.
    await page.getByRole("button", { name: /^Xóa tệp “dau-tien\.pdf”/ }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã xóa tệp “dau-tien.pdf”." })).toBeVisible();
    await expect(page.getByText("Đã tải lên:")).toHaveCount(0);
    await expect(input).toBeFocused();
    const left = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM attachment a JOIN draft d ON d.id = a.draft_id JOIN service s ON s.id = d.service_id
       JOIN app_user u ON u.id = d.user_id WHERE s.name = $1 AND u.email = 'congdan@dichvucong.example'`,
      [SERVICE],
    );
    expect(left[0]!.n).toBe(0);

    // Going on without the paper: the field is named; what was typed is still there.
    await page.getByRole("button", { name: "Kiểm tra thông tin" }).click();
    await expect(errorSummary(page)).toContainText("vui lòng tải lên tệp");
    await input.setInputFiles({ name: "thu-hai.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(page.getByText("Đã tải lên: thu-hai.pdf")).toBeVisible();

    // Replaced through its own button.
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: /^Thay tệp khác tệp “thu-hai\.pdf”/ }).click();
    await (await chooser).setFiles({ name: "cuoi-cung.png", mimeType: "image/png", buffer: PNG });
    await expect(page.getByText("Đã tải lên: cuoi-cung.png")).toBeVisible();
    await expect(page.getByText("thu-hai.pdf")).toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Quay lại" }).click();
    await expect(page.getByLabel("Nội dung đề nghị giải quyết")).toHaveValue("Đề nghị cấp bản sao bằng tốt nghiệp.");
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await expect(page.getByText("Đã tải lên: cuoi-cung.png")).toBeVisible();
    await page.getByRole("button", { name: "Kiểm tra thông tin" }).click();
    await expect(page.locator("[data-testid^=xem-giayTo]").first()).toHaveText("cuoi-cung.png");
    await page.getByLabel(/Tôi cam đoan/).check();
    await page.getByRole("button", { name: "Nộp hồ sơ", exact: true }).click();
    await expect(page).toHaveURL(/\/ho-so-cua-toi\/000\.00\.00\.H29-\d{6}-\d{4}\?da-nop=1$/);
    const code = (await page.getByTestId("ma-ho-so").textContent())!;
    const papers = page.getByRole("region", { name: "Giấy tờ đã nộp" }).getByRole("listitem");
    await expect(papers).toHaveCount(1);
    await expect(papers).toContainText("cuoi-cung.png");
    const rows = await sql<{ file_name: string }>(
      `SELECT a.file_name FROM attachment a JOIN dossier d ON d.id = a.dossier_id WHERE d.code = $1 AND a.purpose = 'submission'`,
      [code],
    );
    expect(rows.map((r) => r.file_name)).toEqual(["cuoi-cung.png"]);
  });
});
