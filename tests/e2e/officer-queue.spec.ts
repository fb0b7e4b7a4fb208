// The officer's queue for a full day's work (issue 19): a search finds a dossier in another tab, each tab's count
// is the length of its list, the due-date order both ways, saved filters, bulk assignment and bulk receipt
// printing, and moving between dossiers by keyboard; axe-clean at 1280 and 320 px.
import { expect, type Page } from "@playwright/test";
import { authFile, expectAccessible, harness, pdfText, test } from "./helpers";

test.use({ storageState: authFile("officer") });
// One machine's worth of patience: the suite shares two cores with the build and other runs.
test.describe.configure({ mode: "serial", timeout: 120_000 });

/** Two dossiers waiting for receipt (a, b) and one received (c), filed and driven through the use cases. */
let a = "";
let b = "";
let c = "";

test.beforeAll(() => {
  [a, b, c] = harness("tests/support/file-dossier.ts", "1.004873", "3").trim().split("\n").slice(-3) as [string, string, string];
  harness("tests/support/drive-dossier.ts", c, "receive");
});

const rows = (page: Page) => page.getByTestId("dong-ho-so");
const rowCodes = (page: Page) => page.locator("[data-hang-doi-ma]").allTextContents();
const count = async (page: Page, tab: string) => Number((await page.getByTestId(`dem-${tab}`).textContent())!.replace(/\D/g, ""));

test("a search finds a dossier in another tab; each tab's count is its list's length; due-date order both ways; axe at 1280 and 320 px", async ({
  page,
}) => {
  // Searched from the first tab: the count of each tab says where it is, and one click goes there.
  await page.goto("/can-bo/ho-so");
  await page.getByLabel("Mã hồ sơ hoặc tên người nộp").fill(c);
  await page.getByRole("button", { name: "Lọc", exact: true }).click();
  await expect(page.getByTestId("dem-cho-tiep-nhan")).toHaveText("(0)");
  await expect(page.getByTestId("dem-da-tiep-nhan")).toHaveText("(1)");
  await expect(page.getByTestId("dem-tat-ca")).toHaveText("(1)");
  await page.getByTestId("muc-khac").getByRole("link", { name: "Đã tiếp nhận (1)" }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByTestId("hang-doi")).toContainText(c);
  // "Tất cả" lists it with its status.
  await page.getByRole("link", { name: /^Tất cả/ }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText("Được tiếp nhận");

  // Counts equal rows, tab by tab, with a filter (overdue: none of today's) and without.
  for (const query of ["q=nguyen+thi+minh+anh", "q=nguyen+thi+minh+anh&can-bo=none"]) {
    for (const tab of ["cho-tiep-nhan", "tat-ca"]) {
      await page.goto(`/can-bo/ho-so?tab=${tab}&${query}`);
      const n = await count(page, tab);
      if (n <= 25) await expect(rows(page), `${tab} ${query}`).toHaveCount(n);
      await expect(page.getByTestId("tong-so")).toContainText(`${n.toLocaleString("vi-VN")} hồ sơ`);
    }
  }
  await page.goto(`/can-bo/ho-so?tab=cho-tiep-nhan&q=nguyen+thi+minh+anh&han=qua-han`);
  expect(await count(page, "cho-tiep-nhan")).toBe(0);

  // Soonest first by default; the column head turns the order, and the due dates follow.
  await page.goto("/can-bo/ho-so?tab=cho-tiep-nhan&q=nguyen+thi+minh+anh");
  const head = page.getByRole("columnheader", { name: /Hạn trả/ });
  await expect(head).toHaveAttribute("aria-sort", "ascending");
  const dates = async () =>
    (await page.getByTestId("han-tra").allTextContents()).map((s) =>
      s
        .match(/(\d{2})\/(\d{2})\/(\d{4})/)!
        .slice(1)
        .reverse()
        .join("-"),
    );
  const asc = await dates();
  expect(asc).toEqual([...asc].sort());
  const ascCodes = await rowCodes(page);
  await expectAccessible(page);
  await page.getByTestId("sap-xep-han").click();
  await expect(head).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/sap-xep=han-giam/);
  const desc = await dates();
  expect(desc).toEqual([...desc].sort().reverse());
  const descCodes = await rowCodes(page);
  if (ascCodes.length === descCodes.length && ascCodes.length < 25) expect(descCodes).toEqual([...ascCodes].reverse());
  await page.setViewportSize({ width: 320, height: 800 });
  await expectAccessible(page);
});

test("saves a filter, applies it later, deletes it", async ({ page }) => {
  const name = `Đã tiếp nhận ${Date.now()}`;
  await page.goto(`/can-bo/ho-so?tab=da-tiep-nhan&q=${c}`);
  await page.getByText("Lưu các điều kiện đang lọc thành bộ lọc mới").click();
  const form = page.getByRole("form", { name: "Lưu bộ lọc hiện tại" });
  await form.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(form.getByRole("alert")).toContainText("Tên bộ lọc: vui lòng nhập.");
  await form.getByLabel("Tên bộ lọc").fill(name);
  await form.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(form.getByRole("status")).toHaveText("Đã lưu bộ lọc.");
  await expect(page.getByTestId("bo-loc-da-luu")).toContainText(name);

  await page.goto("/can-bo/ho-so");
  await page.getByRole("link", { name: `Áp dụng bộ lọc “${name}”` }).click();
  await expect(page).toHaveURL(/tab=da-tiep-nhan/);
  await expect(page.getByLabel("Mã hồ sơ hoặc tên người nộp")).toHaveValue(c);
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByTestId("hang-doi")).toContainText(c);
  await expectAccessible(page);

  await page.getByRole("button", { name: `Xóa “${name}”` }).click();
  await expect(page.getByText("Đã xóa bộ lọc.")).toBeVisible();
  await expect(page.getByRole("link", { name: `Áp dụng bộ lọc “${name}”` })).toHaveCount(0);
});

test("assigns two dossiers at once and prints both receipts as one PDF", async ({ page, context }) => {
  // Latest due first: today's dossiers head the list.
  await page.goto("/can-bo/ho-so?tab=cho-tiep-nhan&sap-xep=han-giam&can-bo=none");
  await page.getByLabel(`Chọn hồ sơ ${a}`).check();
  await page.getByLabel(`Chọn hồ sơ ${b}`).check();
  await page.getByLabel("Phân công cho").selectOption({ label: "Trần Văn Bình" });
  await page.getByRole("button", { name: "Phân công", exact: true }).click();
  const outcome = page.getByTestId("ket-qua-hang-loat");
  await expect(outcome).toContainText(`${a}: Đã phân công`);
  await expect(outcome).toContainText(`${b}: Đã phân công`);
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/can-bo/ho-so?tab=cho-tiep-nhan&can-bo=me&sap-xep=han-giam");
  for (const code of [a, b]) await expect(rows(page).filter({ hasText: code }).getByTestId("can-bo-xu-ly")).toHaveText("Trần Văn Bình");

  // Printing: the form's second button asks for the receipts of the rows ticked.
  let printed = "";
  await context.route("**/can-bo/ho-so/in-bien-nhan**", async (route) => {
    printed = route.request().url();
    await route.fulfill({ status: 204 });
  });
  await page.getByLabel(`Chọn hồ sơ ${a}`).check();
  await page.getByLabel(`Chọn hồ sơ ${b}`).check();
  await page.getByRole("button", { name: "In giấy tiếp nhận (PDF)" }).click();
  await expect.poll(() => printed).toContain("in-bien-nhan");
  await context.unroute("**/can-bo/ho-so/in-bien-nhan**");
  const res = await page.request.get(printed);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  const text = await pdfText(await res.body());
  expect(text).toContain(a);
  expect(text).toContain(b);
  expect(text).toContain("GIẤY TIẾP NHẬN HỒ SƠ");
  // Nothing ticked: back to the queue with a message, not an error.
  await page.goto("/can-bo/ho-so/in-bien-nhan?tab=cho-tiep-nhan");
  await expect(page.getByRole("alert").filter({ hasText: "Vui lòng chọn ít nhất một hồ sơ." })).toBeVisible();
});

test("moves between dossiers by keyboard: j / k / Enter on the queue, then previous / next on the dossier page", async ({ page }) => {
  await page.goto("/can-bo/ho-so?tab=cho-tiep-nhan&can-bo=me&sap-xep=han-giam");
  const codes = await rowCodes(page);
  expect(codes.length).toBeGreaterThanOrEqual(2);
  await page.keyboard.press("j");
  await expect(page.getByRole("link", { name: codes[0], exact: true })).toBeFocused();
  await page.keyboard.press("j");
  await expect(page.getByRole("link", { name: codes[1], exact: true })).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(page.getByRole("link", { name: codes[0], exact: true })).toBeFocused();
  // Typing in the search box is typing, not moving.
  await page.getByLabel("Mã hồ sơ hoặc tên người nộp").press("j");
  await expect(page.getByLabel("Mã hồ sơ hoặc tên người nộp")).toHaveValue("j");
  await page.getByRole("link", { name: codes[0], exact: true }).focus();
  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hồ sơ ${codes[1]}`);
  await expect(page).toHaveURL(/tu-hang-doi=/);
  const nav = page.getByTestId("dieu-huong-hang-doi");
  await expect(nav.getByRole("link", { name: new RegExp(`Hồ sơ trước: ${codes[0]!.replace(/\./g, "\\.")}`) })).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press("k");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hồ sơ ${codes[0]}`);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectAccessible(page);
  await page.getByRole("link", { name: new RegExp(`Hồ sơ sau: ${codes[1]!.replace(/\./g, "\\.")}`) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hồ sơ ${codes[1]}`);
  // Back to the same queue, its filters kept.
  await nav.getByRole("link", { name: "← Hàng đợi hồ sơ" }).click();
  await expect(page).toHaveURL(/can-bo=me/);
  await expect(page).toHaveURL(/sap-xep=han-giam/);
});
