// The officer's dossier page offers exactly the actions the state machine allows for the dossier's status and this
// officer: one primary action, the rest behind a menu; refusing asks for confirmation and a reason, and a refused
// form names the field and keeps what was typed. Walks a dossier through every status an officer's day reaches
// (1 → 2 → 4 → 5 → 4 → 6 → 4 → 9 → 10, and 3 on a second one), with axe at 1280 and 320 px on each page state.
import { expect, type Page } from "@playwright/test";
import { dossierText } from "@/lib/i18n/vi/dossiers";
import type { OfficerAction } from "@/lib/dossiers/officer-actions";
import { accessibleAtBothWidths, errorSummary, fileBirthRegistration, pageAs, signIn, supplyPaper, test } from "./helpers";

const label = (a: OfficerAction) => dossierText.action[a];

/** What the page offers, written here by hand from the one-stop rules: the primary first, then the menu. */
const OFFERED: Record<number, { primary: OfficerAction | null; more: OfficerAction[] }> = {
  1: { primary: "receive", more: ["refuse", "assign", "apologize"] },
  2: { primary: "startProcessing", more: ["requestSupplement", "requestFees", "stop", "assign", "transfer", "apologize"] },
  3: { primary: null, more: [] },
  4: { primary: "finish", more: ["requestSupplement", "requestFees", "stop", "assign", "transfer", "apologize"] },
  5: { primary: null, more: ["stop", "assign", "apologize"] },
  6: { primary: "confirmCounterPayment", more: ["stop", "assign", "apologize"] },
  9: { primary: "returnResult", more: [] },
  10: { primary: null, more: [] },
};

/**
 * The page shows the status and exactly the primary action and menu the table says; `axe` for a page state not
 * yet checked (a one-button primary form looks the same whichever action it is).
 */
async function expectOffered(page: Page, status: string, code: number, { axe = true } = {}) {
  await expect(page.getByTestId("trang-thai")).toHaveText(status);
  const want = OFFERED[code]!;
  const primary = page.getByTestId("thao-tac-chinh");
  if (want.primary) {
    await expect(primary.getByRole("form")).toHaveCount(1);
    await expect(primary.getByRole("form")).toHaveAccessibleName(label(want.primary));
  } else {
    await expect(primary).toHaveCount(0);
    await expect(page.getByTestId("khong-thao-tac-chinh")).toBeVisible();
  }
  const menu = page.getByTestId("thao-tac-khac");
  if (want.more.length) {
    await expect(menu.locator("summary")).toHaveText(`Thao tác khác (${want.more.length})`);
    expect(await menu.locator("li a").allTextContents()).toEqual(want.more.map(label));
  } else {
    await expect(menu).toHaveCount(0);
  }
  // Nothing else on the page submits an action.
  await expect(page.getByRole("region", { name: "Thao tác" }).locator("button, input[type=submit]")).toHaveCount(want.primary ? 1 : 0);
  if (axe) await accessibleAtBothWidths(page);
}

/** Opens a menu action's form (the menu is a native disclosure; its items are links). */
async function openFromMenu(page: Page, a: OfficerAction) {
  await page.getByTestId("thao-tac-khac").locator("summary").click();
  await page
    .getByTestId("thao-tac-khac")
    .getByRole("link", { name: label(a), exact: true })
    .click();
  await expect(page.getByTestId("thao-tac-chinh").getByRole("form")).toHaveAccessibleName(label(a));
  return page.getByTestId("thao-tac-chinh").getByRole("form");
}

async function submit(page: Page) {
  await page.getByTestId("thao-tac-chinh").getByRole("form").getByRole("button").click();
}

test("the officer is offered exactly the allowed actions in every status, one primary, the rest in a menu", async ({ browser }) => {
  // Two filings through every step of the form and the whole officer journey: minutes on a loaded machine.
  test.setTimeout(420_000);
  // A citizen of its own (a draft is one per citizen and service: officer.spec.ts files the same service as the
  // demo citizen, in parallel), and its two filings one after the other.
  const citizen = await (await browser.newContext()).newPage();
  await signIn(citizen, { email: "congdan2@dichvucong.example", password: "CongDan2@2026" });
  const code = await fileBirthRegistration(citizen, { requester: "Trần Quốc Bảo" });
  // The second dossier (to refuse) is filed on another tab while the officer works the first.
  const filing2 = citizen
    .context()
    .newPage()
    .then((p) => fileBirthRegistration(p, { requester: "Trần Quốc Bảo" }));
  const officer = await pageAs(browser, "officer");
  await officer.setViewportSize({ width: 1280, height: 800 });

  // 1: receive, or the rest from the menu.
  await officer.goto(`/can-bo/ho-so/${code}`);
  await expectOffered(officer, "Mới đăng ký", 1);
  await submit(officer);
  // 2: processing starts; the page says what was done.
  await expect(officer.getByRole("status").filter({ hasText: "Đã thực hiện: Tiếp nhận hồ sơ." })).toBeVisible();
  await expectOffered(officer, "Được tiếp nhận", 2, { axe: false });
  await submit(officer);
  // 4: ask for papers from the menu; the refusal names both fields and keeps what was typed.
  await expectOffered(officer, "Đang xử lý", 4);
  let form = await openFromMenu(officer, "requestSupplement");
  await form.getByLabel("Giấy tờ cần bổ sung").fill("Giấy chứng sinh bản rõ nét");
  await submit(officer);
  await expect(errorSummary(officer)).toContainText("Lý do yêu cầu bổ sung: vui lòng nhập lý do");
  await expect(form.getByLabel("Giấy tờ cần bổ sung")).toHaveValue("Giấy chứng sinh bản rõ nét");
  const reason = form.getByLabel("Lý do yêu cầu bổ sung");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(officer.locator(`#${await reason.getAttribute("aria-describedby")}`)).toContainText("Lý do yêu cầu bổ sung: vui lòng nhập");
  await reason.fill("Bản chụp giấy chứng sinh bị mờ.");
  await submit(officer);
  // 5: waiting for the citizen; nothing primary.
  await expectOffered(officer, "Yêu cầu bổ sung giấy tờ", 5);

  await supplyPaper(citizen, code);

  // 4 again: ask for fees; a non-number is refused by name.
  await officer.goto(`/can-bo/ho-so/${code}`);
  await expect(officer.getByTestId("trang-thai")).toHaveText("Đang xử lý");
  form = await openFromMenu(officer, "requestFees");
  await form.getByLabel("Số tiền phải nộp (đồng)").fill("0");
  await submit(officer);
  await expect(errorSummary(officer)).toContainText("Số tiền phải nộp (đồng): vui lòng nhập số tiền lớn hơn 0");
  await form.getByLabel("Số tiền phải nộp (đồng)").fill("8000");
  await submit(officer);
  // 6: the counter payment is the next step.
  await expectOffered(officer, "Yêu cầu thực hiện nghĩa vụ tài chính", 6, { axe: false });
  await submit(officer);
  await expect(officer.getByTestId("trang-thai")).toHaveText("Đang xử lý");

  // Finish: every blank field named, then the confirmation, with what was typed kept.
  form = officer.getByTestId("thao-tac-chinh").getByRole("form");
  await expect(form).toHaveAccessibleName(label("finish"));
  await form.getByLabel("Số, ký hiệu văn bản kết quả").fill("125/TLKS");
  await submit(officer);
  await expect(errorSummary(officer)).toContainText("Tên kết quả: vui lòng nhập.");
  await expect(errorSummary(officer)).toContainText("Họ tên người ký: vui lòng nhập.");
  await expect(errorSummary(officer)).toContainText("Xác nhận: vui lòng đánh dấu ô xác nhận");
  await expect(form.getByLabel("Số, ký hiệu văn bản kết quả")).toHaveValue("125/TLKS");
  await accessibleAtBothWidths(officer);
  await form.getByLabel("Tên kết quả").fill("Giấy khai sinh (bản điện tử)");
  await form.getByLabel("Nội dung kết quả").fill("Đã đăng ký khai sinh cho Trần Minh Khôi.");
  await form.getByLabel("Chức vụ người ký").fill("CHỦ TỊCH");
  await form.getByLabel("Họ tên người ký").fill("Lê Văn Hùng");
  await form.getByLabel(dossierText.officer.confirmLabel.finish).check();
  await submit(officer);
  // 9: return the result, confirmed.
  await expectOffered(officer, "Đã xử lý xong", 9);
  await officer.getByTestId("thao-tac-chinh").getByLabel(dossierText.officer.confirmLabel.returnResult).check();
  await submit(officer);
  // 10: over.
  await expectOffered(officer, "Đã trả kết quả", 10);

  // 3, on the second dossier: refusing asks for the reason and a confirmation, names both, keeps the text.
  const code2 = await filing2;
  await officer.goto(`/can-bo/ho-so/${code2}`);
  await expect(officer.getByTestId("trang-thai")).toHaveText("Mới đăng ký");
  form = await openFromMenu(officer, "refuse");
  await expect(officer).toHaveURL(/\?thao-tac=refuse/);
  await expect(form).toContainText(dossierText.officer.warning.refuse);
  await expect(officer.getByRole("link", { name: `Quay lại thao tác chính: ${label("receive")}` })).toBeVisible();
  await accessibleAtBothWidths(officer);
  await submit(officer);
  await expect(errorSummary(officer)).toContainText("Lý do từ chối tiếp nhận: vui lòng nhập lý do");
  await expect(errorSummary(officer)).toContainText("Xác nhận: vui lòng đánh dấu ô xác nhận trước khi “Từ chối tiếp nhận”");
  await expect(officer.getByTestId("trang-thai")).toHaveText("Mới đăng ký");
  await form.getByLabel("Lý do từ chối tiếp nhận").fill("Không thuộc thẩm quyền của cơ quan.");
  await submit(officer);
  await expect(errorSummary(officer)).toContainText("Xác nhận: vui lòng đánh dấu");
  await expect(form.getByLabel("Lý do từ chối tiếp nhận")).toHaveValue("Không thuộc thẩm quyền của cơ quan.");
  const box = form.getByLabel(dossierText.officer.confirmLabel.refuse);
  await expect(box).toHaveAttribute("aria-invalid", "true");
  await accessibleAtBothWidths(officer);
  await box.check();
  await submit(officer);
  await expectOffered(officer, "Không được tiếp nhận", 3, { axe: false });
});
