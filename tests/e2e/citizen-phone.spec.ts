// The citizen on a phone (issue 19): "Hồ sơ của tôi" as cards with the one next step of each dossier,
// notifications with an unread state, a count in the header, opening one marks it read and lands on the exact
// place, "mark all read" zeroes the count. Every page at 320 px (no sideways scrolling) and 1280 px, axe-clean.
import { expect, type Locator, type Page } from "@playwright/test";
import { expectAccessible, fileBirthRegistration, harness, officerAct, pageAs, signIn, supplyPaper, test } from "./helpers";

const PHONE = { width: 320, height: 800 };
const DESKTOP = { width: 1280, height: 800 };

/** The page at both widths: axe-clean at each, and nothing wider than the phone's screen. */
async function checkWidths(page: Page): Promise<void> {
  await page.setViewportSize(DESKTOP);
  await expectAccessible(page);
  await page.setViewportSize(PHONE);
  await expectAccessible(page);
  const { width, wide } = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    // What sticks out, to name it when it fails.
    wide: [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > 320.5)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}.${e.className}`),
  }));
  expect(width, `horizontal overflow on ${page.url()}: ${wide.join(" | ")}`).toBeLessThanOrEqual(320);
}

/** The card of a dossier on "Hồ sơ của tôi", and its next step. */
const card = (page: Page, code: string) => page.getByTestId("the-ho-so").filter({ hasText: code });
const nextOf = (c: Locator) => c.getByTestId("viec-tiep-theo");

/** The header's notifications link (its name carries the unread count). */
const bell = (page: Page) => page.getByTestId("thong-bao-dau-trang");
async function unread(page: Page): Promise<number> {
  await expect(bell(page)).toBeVisible();
  const hidden = bell(page).locator(".sr-only");
  if ((await hidden.count()) === 0) return 0;
  return Number(/(\d+) thông báo chưa đọc/.exec((await hidden.textContent()) ?? "")?.[1]);
}

test("on a phone, the citizen sees each dossier's next step, and notifications lead to the exact place", async ({ browser }) => {
  // Two filings through every step of the form and a dozen officer actions: 1.7 min alone, over 4 on a loaded machine.
  test.setTimeout(420_000);
  // A citizen of its own: the demo citizen gets notices from every spec running beside this one.
  const name = "Phạm Thu Hà";
  const password = "CongDanMoi@2026";
  const email = harness("tests/support/new-citizen.ts", name, password).trim().split("\n").at(-1)!;
  const citizen = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await signIn(citizen, { email, password });
  const a = await fileBirthRegistration(citizen, { requester: name });
  const b = await fileBirthRegistration(citizen, { requester: name });

  // Start from nothing unread, so the count below is this test's.
  await citizen.goto("/thong-bao");
  const markAll = citizen.getByRole("button", { name: "Đánh dấu tất cả là đã đọc" });
  if (await markAll.isVisible()) {
    await markAll.click();
    await expect(citizen.getByRole("status").filter({ hasText: "đã đọc" })).toBeVisible();
  }
  await expect(bell(citizen)).toHaveText("Thông báo");

  // Just filed: nothing to do but wait until the due date.
  await citizen.setViewportSize(PHONE);
  await citizen.goto("/ho-so-cua-toi");
  await expect(citizen.getByRole("list", { name: "Hồ sơ đã nộp" })).toBeVisible();
  await expect(citizen.getByTestId("tong-ho-so")).toContainText(/Tổng số: \d+ hồ sơ\./);
  for (const code of [a, b]) {
    await expect(nextOf(card(citizen, code))).toHaveAttribute("data-step", "wait");
    await expect(nextOf(card(citizen, code))).toContainText(/Không cần làm gì — chờ kết quả đến ngày \d\d\/\d\d\/\d{4}/);
    await expect(card(citizen, code)).toContainText("Mới đăng ký");
  }
  await checkWidths(citizen);

  // The officer receives both, asks for a paper on one and for fees on the other.
  const officer = await pageAs(browser, "officer");
  await officer.goto(`/can-bo/ho-so/${a}`);
  await officerAct(officer, "Tiếp nhận hồ sơ", "Được tiếp nhận");
  await officerAct(officer, "Yêu cầu bổ sung, hoàn thiện hồ sơ", "Yêu cầu bổ sung giấy tờ", async (f) => {
    await f.getByLabel("Giấy tờ cần bổ sung").fill("Giấy chứng sinh bản rõ nét");
    await f.getByLabel("Lý do yêu cầu bổ sung").fill("Bản chụp giấy chứng sinh bị mờ.");
  });
  await officer.goto(`/can-bo/ho-so/${b}`);
  await officerAct(officer, "Tiếp nhận hồ sơ", "Được tiếp nhận");
  await officerAct(officer, "Yêu cầu thực hiện nghĩa vụ tài chính", "Yêu cầu thực hiện nghĩa vụ tài chính", async (f) => {
    await f.getByLabel("Số tiền phải nộp (đồng)").fill("8000");
  });

  // The cards say what to do, and link to the place on the dossier page.
  await citizen.goto("/ho-so-cua-toi");
  const supplement = nextOf(card(citizen, a)).getByRole("link", { name: `Bổ sung giấy tờ theo yêu cầu — hồ sơ ${a}` });
  await expect(supplement).toHaveAttribute("href", `/ho-so-cua-toi/${a}#bo-sung`);
  const pay = nextOf(card(citizen, b)).getByRole("link", { name: new RegExp(`^Nộp phí, lệ phí .* — hồ sơ ${b.replace(/\./g, "\\.")}$`) });
  await expect(pay).toHaveAttribute("href", `/ho-so-cua-toi/${b}#thanh-toan`);
  await expect(card(citizen, b)).toContainText("Yêu cầu thực hiện nghĩa vụ tài chính");
  // Four notices since everything was marked read: receipt and request, twice.
  const before = await unread(citizen);
  expect(before).toBe(4);
  await checkWidths(citizen);
  await pay.click();
  await expect(citizen).toHaveURL(new RegExp(`/ho-so-cua-toi/${b}#thanh-toan$`));
  await expect(citizen.getByRole("heading", { name: "Phí, lệ phí", level: 2 })).toBeInViewport();
  await checkWidths(citizen);

  // The notifications page: unread ones say so; opening one marks it read and lands on the section.
  await citizen.goto("/thong-bao");
  const notice = citizen
    .getByTestId("thong-bao")
    .getByRole("listitem")
    .filter({ hasText: `Hồ sơ ${a}: Yêu cầu bổ sung giấy tờ` });
  await expect(notice).toHaveAttribute("data-read", "false");
  await expect(notice).toContainText("Chưa đọc");
  await expect(citizen.getByTestId("tong-thong-bao")).toContainText(`${before} chưa đọc`);
  await checkWidths(citizen);
  await notice.getByRole("link").click();
  await expect(citizen).toHaveURL(new RegExp(`/ho-so-cua-toi/${a}#bo-sung$`));
  await expect(citizen.getByRole("heading", { name: "Cơ quan yêu cầu bổ sung, hoàn thiện hồ sơ", level: 2 })).toBeInViewport();
  await expect.poll(() => unread(citizen)).toBe(before - 1);
  await checkWidths(citizen);
  await citizen.goto("/thong-bao");
  await expect(notice).toHaveAttribute("data-read", "true");
  await expect(notice).toContainText("Đã đọc");

  // Mark all read: the count goes, in the header too.
  await citizen.getByRole("button", { name: "Đánh dấu tất cả là đã đọc" }).click();
  await expect(citizen.getByRole("status").filter({ hasText: /Đã đánh dấu \d+ thông báo là đã đọc\./ })).toBeVisible();
  await expect(bell(citizen)).toHaveText("Thông báo");
  await expect(citizen.getByTestId("thong-bao").locator('[data-read="false"]')).toHaveCount(0);
  await expect(citizen.getByTestId("tong-thong-bao")).toContainText(", 0 chưa đọc.");
  await checkWidths(citizen);

  // The paper arrives; the officer finishes with a result: the card offers the download, then the rating.
  await supplyPaper(citizen, a);
  await officer.goto(`/can-bo/ho-so/${a}`);
  await officerAct(officer, "Hoàn thành xử lý, có kết quả", "Đã xử lý xong", async (f) => {
    await f.getByLabel("Số, ký hiệu văn bản kết quả").fill("126/TLKS");
    await f.getByLabel("Tên kết quả").fill("Giấy khai sinh (bản điện tử)");
    await f.getByLabel("Nội dung kết quả").fill("Đã đăng ký khai sinh cho Trần Minh Khôi.");
    await f.getByLabel("Chức vụ người ký").fill("CHỦ TỊCH");
    await f.getByLabel("Họ tên người ký").fill("Lê Văn Hùng");
    await f.getByRole("checkbox").check();
  });
  await citizen.goto("/ho-so-cua-toi");
  const download = nextOf(card(citizen, a)).getByRole("link", { name: `Tải kết quả giải quyết — hồ sơ ${a}` });
  await expect(download).toHaveAttribute("href", `/ho-so-cua-toi/${a}#ket-qua`);
  await officerAct(officer, "Trả kết quả", "Đã trả kết quả", (f) => f.getByRole("checkbox").check());
  await citizen.reload();
  const rate = nextOf(card(citizen, a)).getByRole("link", { name: `Đánh giá mức độ hài lòng — hồ sơ ${a}` });
  await expect(rate).toHaveAttribute("href", `/ho-so-cua-toi/${a}#danh-gia`);
  await rate.click();
  await expect(citizen.getByRole("heading", { name: "Đánh giá mức độ hài lòng", level: 2 })).toBeInViewport();
  await expect(citizen.getByRole("link", { name: /Tải kết quả/ })).toBeVisible();
  await checkWidths(citizen);
});
