// Issue 18, must-show 1: an anonymous visitor files feedback about a procedure; the responsible agency's officer
// answers; a second officer of the same agency approves; the answer appears in the public search; the submitter
// got the notification e-mail (read from the outbox, tests/e2e/mailbox.ts). Axe at 1280 and 320 px on every page
// the feedback feature adds.
import { expect } from "@playwright/test";
import { feedbackText } from "@/lib/i18n/vi/feedback";
import { accessibleAtBothWidths, pageAs, test } from "./helpers";
import { mailsTo } from "./mailbox";

const o = feedbackText.officer;
const f = feedbackText.form;

test("feedback about a procedure: filed anonymously, answered, approved by a second officer, published, e-mailed", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const marker = `kiemthu${Math.random()
    .toString(36)
    .replace(/[^a-z]/g, "")
    .slice(0, 8)}`;
  const email = `khach.${marker}@example.vn`;

  // 1. An anonymous visitor: the form (complaints pointed elsewhere), a refusal that keeps what was typed, the receipt.
  await page.goto("/phan-anh-kien-nghi/gui?thu-tuc=1.004873");
  await expect(page.getByRole("heading", { name: feedbackText.complaintNote.title })).toBeVisible();
  await accessibleAtBothWidths(page, { noOverflow: true });
  await page.getByLabel(f.titleField).fill("Chậm trả kết quả xác nhận tình trạng hôn nhân");
  await page.locator("#content").fill(`Hồ sơ của tôi quá hạn nhiều ngày mà chưa có kết quả ${marker}.`);
  await page.getByLabel(f.name).fill("Khách Vãng Lai");
  await page.getByLabel(f.email).fill("khong-hop-le");
  await page.getByLabel(f.agency).selectOption({ label: "Ủy ban nhân dân thành phố Hồ Chí Minh" });
  await page.getByLabel(f.consent).check();
  await page.getByRole("button", { name: f.submit }).click();
  await expect(page.locator("#email-loi")).toHaveText(feedbackText.errors.email);
  await expect(page.getByLabel(f.name)).toHaveValue("Khách Vãng Lai");
  await expect(page.getByLabel(f.procedureCode)).toHaveValue("1.004873");
  await accessibleAtBothWidths(page);
  await page.getByLabel(f.email).fill(email);
  await page.getByRole("button", { name: f.submit }).click();
  await expect(page).toHaveURL(/\/phan-anh-kien-nghi\/da-gui\?ma=/);
  const code = (await page.getByTestId("ma-phan-anh").textContent())!.trim();
  expect(code).toMatch(/^PAKN\.\d{8}\.\d{4}$/);
  await accessibleAtBothWidths(page, { noOverflow: true });

  // 2. The HCMC officer: the feedback queue beside the dossier queue, the item, accept, draft the answer.
  const officer = await pageAs(browser, "officer");
  await officer.goto("/can-bo/phan-anh");
  const row = officer.getByTestId("hang-doi-phan-anh").getByRole("row").filter({ hasText: code });
  await expect(row).toHaveCount(1);
  await accessibleAtBothWidths(officer);
  await row.getByRole("link", { name: code }).click();
  await expect(officer.getByTestId("trang-thai-phan-anh")).toContainText(feedbackText.statuses.received);
  await accessibleAtBothWidths(officer);
  await officer.getByRole("button", { name: o.accept.submit, exact: true }).click();
  await expect(officer.getByTestId("trang-thai-phan-anh")).toContainText(feedbackText.statuses.accepted);
  // The text to publish starts without the submitter's name or address.
  await expect(officer.getByLabel(o.draft.publicQuestion)).not.toHaveValue(/Khách Vãng Lai|example\.vn/);
  await expect(officer.getByLabel(o.draft.publicQuestion)).toHaveValue(new RegExp(marker));
  await officer.getByLabel(o.draft.answer).fill("Ủy ban đã kiểm tra; kết quả được trả trong ngày làm việc tiếp theo.");
  await officer.getByLabel(o.draft.publicAnswer).fill(`Ủy ban đã chấn chỉnh bộ phận một cửa về thời hạn trả kết quả ${marker}.`);
  await officer.getByRole("button", { name: o.draft.submit }).click();
  await expect(officer.getByText(o.pendingReview)).toBeVisible();
  // The author is not offered the approval.
  await expect(officer.getByRole("button", { name: o.review.approve })).toHaveCount(0);
  await accessibleAtBothWidths(officer);
  expect((await mailsTo(email)).some((m) => m.subject === feedbackText.mail.answeredSubject(code))).toBe(false);

  // 3. A second officer of the same agency (the demo agency administrator) approves: sent and published.
  const second = await pageAs(browser, "agencyAdmin");
  await second.goto(`/can-bo/phan-anh/${code}`);
  await second.getByRole("button", { name: o.review.approve }).click();
  await expect(second.getByTestId("trang-thai-phan-anh")).toContainText(feedbackText.statuses.published);

  // 4. The public search finds it (without diacritics), with nothing personal on the page.
  await page.goto(`/phan-anh-kien-nghi?q=${encodeURIComponent("chan chinh bo phan mot cua")}`);
  const hit = page.getByTestId("phan-anh").filter({ hasText: marker });
  await expect(hit).toHaveCount(1);
  await accessibleAtBothWidths(page, { noOverflow: true });
  await hit.getByRole("link").click();
  await expect(page.getByTestId("tra-loi")).toContainText("chấn chỉnh bộ phận một cửa");
  await expect(page.locator("main")).not.toContainText("Khách Vãng Lai");
  await expect(page.locator("main")).not.toContainText(email);
  await accessibleAtBothWidths(page, { noOverflow: true });

  // 5. The submitter's e-mail: the answer, and the link to the published page.
  await expect.poll(async () => (await mailsTo(email)).map((m) => m.subject)).toContain(feedbackText.mail.answeredSubject(code));
  const mail = (await mailsTo(email)).find((m) => m.subject === feedbackText.mail.answeredSubject(code))!;
  expect(mail.text).toContain("kết quả được trả trong ngày làm việc tiếp theo");
  expect(mail.text).toContain(`/phan-anh-kien-nghi/${code}`);
});

test("the per-agency figures and the VPCP routing page pass axe", async ({ browser, page }) => {
  test.setTimeout(180_000);
  await page.goto("/thong-ke");
  await expect(page.getByTestId("thong-ke-phan-anh")).toBeVisible();
  await page.goto("/phan-anh-kien-nghi");
  await accessibleAtBothWidths(page, { noOverflow: true });
  const admin = await pageAs(browser, "admin");
  await admin.goto("/quan-tri/phan-anh");
  await expect(admin.getByRole("heading", { name: feedbackText.admin.title })).toBeVisible();
  await accessibleAtBothWidths(admin);
  await admin.goto("/quan-tri");
  await expect(admin.getByTestId("thong-ke-phan-anh")).toBeVisible();
});
