// Issue 18: internal codes never reach a reader. The VPCP admin's system log (/quan-tri) shows actions, outcomes,
// roles and objects in words (never `auth.signIn`); the connection overview's CSV keeps its code columns for
// machines ("Mã trạng thái", "Mã nguồn trạng thái") and gives the words beside them, every other cell free of codes;
// the public page shows the words only. Axe-clean at 1280 and 320 px.
import { expect } from "@playwright/test";
import { integrationText } from "@/lib/i18n/vi/monitoring";
import { accessibleAtBothWidths, authFile, DEMO, signIn, SIGNED_OUT, test } from "./helpers";

/** A whole cell that is a code: `resource.action` or SHOUTING_CASE. */
const CODE_CELL = [/^[a-z]+(\.[a-zA-Z-]+)+$/, /^[A-Z_]{4,}$/];
const isCode = (s: string) => CODE_CELL.some((re) => re.test(s.trim()));

/** RFC 4180 records (agency names hold commas, so their fields are quoted). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      record.push(field);
      field = "";
    } else if (!quoted && c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else {
      field += c;
    }
  }
  if (field || record.length) records.push([...record, field]);
  return records;
}

test.describe(() => {
  test.use({ storageState: authFile("admin") });

  test("the admin's system log shows words, not codes", async ({ page, browser }) => {
    // A fresh sign-in, so that the newest entries hold an `auth.signIn`.
    const other = await browser.newContext({ storageState: SIGNED_OUT });
    await signIn(await other.newPage(), DEMO.citizen);
    await other.close();

    await page.goto("/quan-tri");
    const log = page.getByRole("region", { name: /Nhật ký hệ thống/ }).getByRole("table");
    await expect(log.getByRole("row")).not.toHaveCount(1);
    await expect(log.locator('td[data-col="action"]', { hasText: /^Đăng nhập$/ }).first()).toBeVisible();
    await expect(log.getByRole("cell", { name: "Công dân", exact: true }).first()).toBeVisible();
    const cells = (await log.locator("td").allInnerTexts()).map((s) => s.trim());
    expect(cells.length).toBeGreaterThan(20);
    expect(cells.filter(isCode)).toEqual([]);
    const text = await log.innerText();
    for (const code of ["auth.signIn", "auth.eidSignIn", "dossier.submit", "use_case", "rate_limit", "VPCP_ADMIN", "CITIZEN"]) {
      expect(text).not.toContain(code);
    }
    await accessibleAtBothWidths(page);
  });
});

test("the connection overview CSV keeps code columns for machines and gives words beside them", async ({ page }) => {
  // /thong-ke is the portal's largest public page: axe at two widths takes most of a minute on a busy machine.
  test.setTimeout(150_000);
  const res = await page.request.get("/thong-ke/du-lieu/ket-noi.csv");
  expect(res.status()).toBe(200);
  const [header, ...rows] = parseCsv((await res.text()).replace(/^\uFEFF/, ""));
  const codeColumns = ["Mã trạng thái", "Mã nguồn trạng thái"];
  const at = (title: string) => header!.indexOf(title);
  expect(codeColumns.map(at).every((i) => i >= 0)).toBe(true);
  expect(at("Trạng thái")).toBeGreaterThan(at("Mã trạng thái"));
  expect(rows.length).toBeGreaterThan(60);
  // The words column beside each code: e.g. BOTH_WAYS reads "Kết nối hai chiều", NOT_CONNECTED "Chưa kết nối".
  const states = integrationText.states as Record<string, string>;
  for (const r of rows) {
    expect(Object.keys(states)).toContain(r[at("Mã trạng thái")]);
    expect(r[at("Trạng thái")]).toBe(states[r[at("Mã trạng thái")]!]);
    expect(r[at("Nguồn trạng thái")]).toBe(
      r[at("Mã nguồn trạng thái")] === "recorded" ? integrationText.recorded : integrationText.measured,
    );
  }
  // Outside the code columns, no cell is a code.
  const wordsCells = rows.flatMap((r) => r.filter((_, i) => !codeColumns.includes(header![i]!)));
  expect(wordsCells.filter(isCode)).toEqual([]);
  expect(wordsCells.join(",")).not.toMatch(/BOTH_WAYS|RECEIVING_ONLY|NOT_CONNECTED|\bmeasured\b|\brecorded\b/);

  // The page shows the words only.
  await page.goto("/thong-ke");
  const table = page.getByTestId("table-ket-noi");
  await expect(table.getByRole("cell", { name: states[rows[0]![at("Mã trạng thái")]!]! }).first()).toBeVisible();
  await expect(table).not.toContainText("BOTH_WAYS");
  expect((await table.locator("td, th").allInnerTexts()).filter(isCode)).toEqual([]);
  await accessibleAtBothWidths(page);
});

test("the API reference lists every error code with its meaning in Vietnamese and English", async ({ page }) => {
  await page.goto("/tai-lieu-api");
  await expect(page.locator("#loi-idempotency_key_missing")).toHaveText("idempotency_key_missing");
  await expect(page.locator("#loi-number_used + dd [lang=en]")).toHaveText(
    "This document number is already used for the same type and year.",
  );
  await accessibleAtBothWidths(page);
});
