// Issue 19, must show 3: an apology moves the due date everywhere. An officer sends an apology (form 04) with a new
// date on a received dossier; the new date is then on the officer's dossier header, in the officer's queue, on the
// citizen's "Hồ sơ của tôi" and dossier page, and on public tracking (signed out), with the legal deadline beside it;
// the timeline shows old → new. A date that is not a working day is refused, naming the field, keeping what was typed.
// Axe at 1280 and 320 px on every page touched (the control sheet and the statistics page too).
import { expect } from "@playwright/test";
import { accessibleAtBothWidths, authFile, harness, pageAs, SIGNED_OUT, test } from "./helpers";

/** dd/mm/yyyy → yyyy-mm-dd, and back; the weekday of an ISO date (0 Sunday … 6 Saturday). */
const toIso = (vn: string) => vn.split("/").reverse().join("-");
const toVn = (iso: string) => iso.split("-").reverse().join("/");
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

test.use({ storageState: authFile("officer") });

test("an apology's new date is the due date on the officer's header and queue, the citizen's pages and public tracking", async ({
  page,
  browser,
}) => {
  // Two harness runs (tsx) and twelve axe checks: about a minute on an idle machine, far more on a shared one.
  test.setTimeout(300_000);
  const code = harness("tests/support/file-dossier.ts").trim().split("\n").at(-1)!;
  expect(code).toMatch(/^000\.00\.00\.H29-\d{6}-\d{4}$/);
  harness("tests/support/drive-dossier.ts", code, "receive");

  await page.goto(`/can-bo/ho-so/${code}`);
  await expect(page.getByTestId("trang-thai")).toHaveText("Được tiếp nhận");
  const oldVn = (await page.getByTestId("han-tra").textContent())!.trim();
  expect(oldVn).toMatch(/^\d\d\/\d\d\/\d{4}$/);
  const oldIso = toIso(oldVn);
  await expect(page.getByTestId("han-tra-theo-quy-dinh")).toHaveCount(0);

  // The apology is one of the other actions: its form opens from the menu (a link).
  await page.getByTestId("thao-tac-khac").locator("summary").click();
  await page
    .getByTestId("thao-tac-khac")
    .getByRole("link", { name: /Thư xin lỗi/ })
    .click();
  const apology = page.getByRole("form", { name: "Thư xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)" });
  const reason = "Cần xác minh thêm thông tin với cơ quan đăng ký cư trú nơi thường trú.";
  // A Saturday after the date in force: refused, the message names the field, the reason typed stays.
  let saturday = addDays(oldIso, 1);
  while (weekday(saturday) !== 6) saturday = addDays(saturday, 1);
  await apology.getByLabel(/Lý do chậm trả kết quả/).fill(reason);
  await apology.getByLabel(/Ngày hẹn trả kết quả mới/).fill(saturday);
  await apology.getByRole("button", { name: "Gửi thư xin lỗi" }).click();
  await expect(apology.getByRole("alert")).toContainText(`Ngày hẹn trả kết quả mới: ${toVn(saturday)} không phải ngày làm việc`);
  await expect(apology.getByLabel(/Lý do chậm trả kết quả/)).toHaveValue(reason);
  await expect(apology.getByLabel(/Ngày hẹn trả kết quả mới/)).toHaveValue(saturday);
  await expect(page.getByTestId("han-tra")).toHaveText(oldVn);
  await accessibleAtBothWidths(page);

  // The Monday after (or the next weekday the calendar accepts: a public holiday is refused the same way).
  let newIso = addDays(saturday, 2);
  for (let tries = 0; ; tries++) {
    await apology.getByLabel(/Ngày hẹn trả kết quả mới/).fill(newIso);
    await apology.getByRole("button", { name: "Gửi thư xin lỗi" }).click();
    // Done: the page is drawn again at its primary action, saying what was done.
    const done = page.getByRole("status").filter({ hasText: "Đã thực hiện: Thư xin lỗi" });
    const refused = apology
      .getByRole("alert")
      .filter({ hasText: "không phải ngày làm việc" })
      .filter({ hasText: toVn(newIso) });
    await expect(done.or(refused)).toBeVisible();
    if (await done.isVisible()) break;
    expect(tries, "a working day within two weeks").toBeLessThan(10);
    do newIso = addDays(newIso, 1);
    while (weekday(newIso) === 0 || weekday(newIso) === 6);
  }
  const newVn = toVn(newIso);

  // The officer's header: the date in force, and the legal deadline beside it; the timeline: old → new.
  await page.reload();
  await expect(page.getByTestId("han-tra")).toHaveText(newVn);
  await expect(page.getByTestId("han-tra-theo-quy-dinh")).toContainText(`Hạn theo quy định: ${oldVn}`);
  await expect(page.getByTestId("tien-do").getByTestId("doi-han")).toHaveText(`Hạn trả kết quả: ${oldVn} → ${newVn}`);
  await accessibleAtBothWidths(page);

  // The control sheet (form 05) names both dates.
  await page.goto(`/can-bo/ho-so/${code}/phieu-kiem-soat`);
  await expect(page.getByText(newVn, { exact: true })).toBeVisible();
  await expect(page.getByText(oldVn, { exact: true })).toBeVisible();
  await accessibleAtBothWidths(page);

  // The officer's queue: the row reads the date in force.
  await page.goto(`/can-bo/ho-so?tab=da-tiep-nhan&q=${encodeURIComponent(code)}`);
  const queueRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: code, exact: true }) });
  await expect(queueRow).toContainText(newVn);
  await accessibleAtBothWidths(page);

  // The citizen: "Hồ sơ của tôi" and the dossier page.
  const citizen = await pageAs(browser, "citizen");
  await citizen.goto("/ho-so-cua-toi");
  const item = citizen
    .locator(":is(tr, li, article)")
    .filter({ has: citizen.getByRole("link", { name: code, exact: true }) })
    .last();
  await expect(item).toContainText(newVn);
  await accessibleAtBothWidths(citizen);
  await citizen.goto(`/ho-so-cua-toi/${code}`);
  await expect(citizen.getByTestId("ngay-hen")).toHaveText(newVn);
  await expect(citizen.getByTestId("ngay-hen-theo-quy-dinh")).toContainText(`Hạn theo quy định: ${oldVn}`);
  await expect(citizen.getByTestId("thu-xin-loi")).toContainText(reason);
  await expect(citizen.getByTestId("tien-do").getByTestId("doi-han")).toHaveText(`Hạn trả kết quả: ${oldVn} → ${newVn}`);
  await accessibleAtBothWidths(citizen);
  const pin = (await citizen.getByTestId("ma-tra-cuu").textContent())!.trim();

  // Public tracking, signed out, with the code and the tracking PIN.
  const anyone = await (await browser.newContext({ storageState: SIGNED_OUT })).newPage();
  await anyone.goto(`/tra-cuu-ho-so?ma=${encodeURIComponent(code)}&pin=${pin}`);
  await expect(anyone.getByTestId("ngay-hen")).toHaveText(newVn);
  await expect(anyone.getByTestId("ngay-hen-theo-quy-dinh")).toContainText(`Hạn theo quy định: ${oldVn}`);
  await accessibleAtBothWidths(anyone);

  // The statistics page says when its figures were computed: within the minute it promises.
  await anyone.goto("/thong-ke");
  const stamp = await anyone.getByTestId("thoi-diem-so-lieu").locator("time").getAttribute("datetime");
  expect(Math.abs(Date.now() - Date.parse(stamp!))).toBeLessThan(90_000);
  await accessibleAtBothWidths(anyone);
});
