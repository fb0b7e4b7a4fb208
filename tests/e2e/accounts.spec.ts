import fs from "node:fs";
import path from "node:path";
import { expect, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { DEMO, errorSummary, expectAccessible, openFilingForm, pageAs, signIn, test } from "./helpers";
import { lastLink, mailsTo } from "./mailbox";

function uniqueCitizen() {
  const n = `${Date.now()}${Math.floor(Math.random() * 1000)}`.slice(-6);
  return {
    fullName: "Lê Văn Tám",
    cccd: `001098${n}`, // Hà Nội, male, born 19(98)
    dateOfBirth: "1998-09-02",
    phone: "0978123456",
    email: `le.van.tam.${n}@example.com`,
    password: "lúa chín vàng đồng quê",
  };
}

type Citizen = ReturnType<typeof uniqueCitizen>;

async function fillRegistration(page: Page, c: Citizen) {
  await page.getByLabel("Họ và tên").fill(c.fullName);
  await page.getByLabel("Số căn cước công dân").fill(c.cccd);
  await page.getByLabel("Ngày sinh").fill(c.dateOfBirth);
  await page.getByLabel("Số điện thoại di động").fill(c.phone);
  await page.getByLabel("Thư điện tử").fill(c.email);
  await page.getByLabel("Mật khẩu", { exact: false }).first().fill(c.password);
  await page.getByLabel("Nhập lại mật khẩu").fill(c.password);
}

/** Registers through the form: the answer is always "check your e-mail". */
async function register(page: Page, c: Citizen) {
  await page.goto("/dang-ky");
  await fillRegistration(page, c);
  await page.getByRole("button", { name: "Đăng ký" }).click();
  await expect(page).toHaveURL(/\/dang-ky\/kiem-tra-thu$/);
  // The title arrives with the streamed metadata, possibly after the URL changed: wait for it, so a caller that
  // reads page.title() reads the page's and not an empty one.
  await expect(page).toHaveTitle(/Kiểm tra hộp thư/);
}

/** Opens the verification link from the e-mail and confirms. */
async function verify(page: Page, c: Citizen) {
  await page.goto(await lastLink(c.email, "/xac-nhan-email"));
  await page.getByRole("button", { name: "Xác nhận địa chỉ" }).click();
  await expect(page.getByRole("status")).toContainText("Đã xác nhận địa chỉ thư điện tử");
}

async function registerVerified(page: Page): Promise<Citizen> {
  const c = uniqueCitizen();
  await register(page, c);
  await verify(page, c);
  return c;
}

test("registration names each malformed field and keeps what was typed", async ({ page }) => {
  const c = uniqueCitizen();
  await page.goto("/dang-ky");
  await expectAccessible(page);
  await fillRegistration(page, { ...c, cccd: "0010981234", phone: "0212345678", email: "le.van.tam@" });
  await page.getByRole("button", { name: "Đăng ký" }).click();

  const summary = errorSummary(page);
  await expect(summary).toContainText("Số căn cước công dân phải gồm đúng 12 chữ số.");
  await expect(summary).toContainText("Số điện thoại di động không hợp lệ");
  await expect(summary).toContainText("Thư điện tử không hợp lệ");
  await expect(page.getByLabel("Số căn cước công dân")).toHaveAttribute("aria-invalid", "true");
  // What was typed is still there, wrong values included, so they can be corrected rather than retyped.
  await expect(page.getByLabel("Họ và tên")).toHaveValue(c.fullName);
  await expect(page.getByLabel("Ngày sinh")).toHaveValue(c.dateOfBirth);
  await expect(page.getByLabel("Số căn cước công dân")).toHaveValue("0010981234");
  await expect(page.getByLabel("Thư điện tử")).toHaveValue("le.van.tam@");
  await expectAccessible(page);

  // A CCCD whose birth-year digits disagree with the date of birth.
  await page.getByLabel("Số căn cước công dân").fill(c.cccd.replace(/^001098/, "001099"));
  await page.getByLabel("Số điện thoại di động").fill(c.phone);
  await page.getByLabel("Thư điện tử").fill(c.email);
  await page.getByLabel("Mật khẩu", { exact: false }).first().fill(c.password);
  await page.getByLabel("Nhập lại mật khẩu").fill(c.password);
  await page.getByRole("button", { name: "Đăng ký" }).click();
  await expect(errorSummary(page)).toContainText("chữ số thứ 5 và 6 phải là hai số cuối của năm sinh (98)");
  await expect(page.getByLabel("Thư điện tử")).toHaveValue(c.email);
});

test("a citizen registers, verifies the e-mail address from the mail, signs in, and cannot open the officer or admin areas", async ({
  page,
}) => {
  test.setTimeout(180_000); // several pages, each checked with axe
  const c = uniqueCitizen();
  await register(page, c);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kiểm tra hộp thư của bạn");
  await expectAccessible(page);

  // Before the link is opened the account cannot sign in; the reason is given only with the right password.
  await page.goto("/dang-nhap");
  await page.getByLabel("Thư điện tử").fill(c.email);
  await page.getByLabel("Mật khẩu").fill(c.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(errorSummary(page)).toContainText("Tài khoản chưa được kích hoạt");

  // The demo sends no real mail: its mailbox page shows the message, and the link in it is opened there.
  await page.goto("/dang-ky/kiem-tra-thu");
  await page.getByRole("link", { name: "Hộp thư trình diễn" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hộp thư trình diễn");
  await expectAccessible(page);
  const mail = page.getByRole("article").filter({ hasText: c.email }).filter({ hasText: "Xác nhận địa chỉ thư điện tử" });
  await mail.getByRole("link", { name: /\/xac-nhan-email\?ma=/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xác nhận địa chỉ thư điện tử");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Xác nhận địa chỉ" }).click();
  await expect(page.getByRole("status")).toContainText("Đã xác nhận địa chỉ thư điện tử");
  await expectAccessible(page);
  // The link is spent.
  await page.goto(await lastLink(c.email, "/xac-nhan-email"));
  await expect(page.getByText("Liên kết xác nhận không hợp lệ, đã được dùng hoặc đã hết hạn")).toBeVisible();
  await expectAccessible(page);

  await signIn(page, { email: c.email, password: c.password });
  await expect(page).toHaveURL(/\/ho-so-cua-toi$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hồ sơ của tôi");
  await expect(page.getByText(c.fullName).first()).toBeVisible();
  await expectAccessible(page);

  for (const path of ["/can-bo", "/quan-tri"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Bạn không có quyền truy cập trang này" })).toBeVisible();
    await expectAccessible(page);
  }
});

test("registration does not reveal a registered CCCD or e-mail", async ({ browser }) => {
  test.setTimeout(180_000); // several pages, each checked with axe
  const first = uniqueCitizen();
  const sameEmail = { ...uniqueCitizen(), email: first.email };
  const sameCccd = { ...uniqueCitizen(), cccd: first.cccd };
  const answers: string[] = [];
  for (const c of [first, sameEmail, sameCccd]) {
    const page = await (await browser.newContext()).newPage();
    await register(page, c);
    // What the page says, modulo the per-request tokens (CSP nonces, build and action ids).
    const html = (await page.locator("main").innerHTML()).replace(/nonce="[^"]*"/g, "");
    answers.push(`${page.url()}\n${await page.title()}\n${html}`);
    await page.context().close();
  }
  expect(answers[1]).toBe(answers[0]);
  expect(answers[2]).toBe(answers[0]);
  // The mails say what happened, to whoever owns each mailbox.
  expect((await mailsTo(first.email)).map((m) => m.subject)).toEqual([
    expect.stringContaining("Xác nhận địa chỉ thư điện tử"),
    expect.stringContaining("đã có tài khoản"),
    expect.stringContaining("Có yêu cầu đăng ký bằng số căn cước của bạn"),
  ]);
  expect((await mailsTo(sameCccd.email)).map((m) => m.subject)).toEqual([expect.stringContaining("Số căn cước công dân đã có tài khoản")]);
});

test("a weak password is refused at registration with the field named and a hint", async ({ page }) => {
  const c = uniqueCitizen();
  await page.goto("/dang-ky");
  for (const [weak, message] of [
    ["12345678", "Mật khẩu: cần ít nhất 12 ký tự. Gợi ý:"],
    ["matkhau123456", "Mật khẩu: quá phổ biến hoặc dễ đoán"],
  ] as const) {
    await fillRegistration(page, { ...c, password: weak });
    await page.getByRole("button", { name: "Đăng ký" }).click();
    await expect(errorSummary(page)).toContainText(message);
    await expect(page.getByLabel("Thư điện tử")).toHaveValue(c.email);
  }
  await expectAccessible(page);
});

test("forgot password: the e-mail's link sets a new password, which signs in", async ({ page }) => {
  test.setTimeout(180_000); // several pages, each checked with axe
  const c = await registerVerified(page);
  await page.goto("/dang-nhap");
  await page.getByRole("link", { name: "Quên mật khẩu?" }).click();
  await expect(page).toHaveURL(/\/quen-mat-khau$/);
  await expectAccessible(page);
  await page.getByLabel("Thư điện tử").fill(c.email);
  await page.getByRole("button", { name: "Gửi liên kết đặt lại mật khẩu" }).click();
  await expect(page.getByRole("status")).toContainText("Nếu địa chỉ vừa nhập có tài khoản");
  await expectAccessible(page);

  const link = await lastLink(c.email, "/dat-lai-mat-khau");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đặt lại mật khẩu");
  await expectAccessible(page);
  await page.getByLabel(/^Mật khẩu mới/).fill("12345678");
  await page.getByLabel("Nhập lại mật khẩu mới").fill("12345678");
  await page.getByRole("button", { name: "Đặt mật khẩu mới" }).click();
  await expect(errorSummary(page)).toContainText("Mật khẩu mới: cần ít nhất 12 ký tự");
  await expectAccessible(page);
  const fresh = "thuyền trôi trên sông Hương";
  await page.getByLabel(/^Mật khẩu mới/).fill(fresh);
  await page.getByLabel("Nhập lại mật khẩu mới").fill(fresh);
  await page.getByRole("button", { name: "Đặt mật khẩu mới" }).click();
  await expect(page.getByRole("status")).toContainText("Đã đặt mật khẩu mới");
  await expectAccessible(page);

  // The link is spent; the old password no longer works; the new one does.
  await page.goto(link);
  await expect(page.getByText("Liên kết đặt lại mật khẩu không hợp lệ, đã được dùng hoặc đã hết hạn")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/dang-nhap");
  await page.getByLabel("Thư điện tử").fill(c.email);
  await page.getByLabel("Mật khẩu").fill(c.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(errorSummary(page)).toContainText("Thư điện tử hoặc mật khẩu không đúng.");
  await signIn(page, { email: c.email, password: fresh });
  await expect(page).toHaveURL(/\/ho-so-cua-toi$/);
});

test("forgot password answers the same for an address without an account", async ({ page }) => {
  const nobody = `khong.ai.${Date.now()}@example.com`;
  await page.goto("/quen-mat-khau");
  await page.getByLabel("Thư điện tử").fill(nobody);
  await page.getByRole("button", { name: "Gửi liên kết đặt lại mật khẩu" }).click();
  await expect(page.getByRole("status")).toContainText("Nếu địa chỉ vừa nhập có tài khoản");
  expect(await mailsTo(nobody)).toEqual([]);
});

async function signedInPage(browser: Browser, c: Citizen): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, { email: c.email, password: c.password });
  return page;
}

test("changing the password ends the other sessions and says so", async ({ page, browser }) => {
  test.setTimeout(180_000); // several pages, each checked with axe
  const c = await registerVerified(page);
  const other = await signedInPage(browser, c);
  await signIn(page, { email: c.email, password: c.password });
  await page.getByRole("link", { name: "Đổi mật khẩu" }).click();
  await expect(page).toHaveURL(/\/tai-khoan\/doi-mat-khau$/);
  await expectAccessible(page);

  await page.getByLabel("Mật khẩu hiện tại").fill("không đúng mật khẩu");
  await page.getByLabel(/^Mật khẩu mới/).fill("bình minh trên biển Nha Trang");
  await page.getByLabel("Nhập lại mật khẩu mới").fill("bình minh trên biển Nha Trang");
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(errorSummary(page)).toContainText("Mật khẩu hiện tại không đúng.");
  await expectAccessible(page);

  await page.getByLabel("Mật khẩu hiện tại").fill(c.password);
  await page.getByLabel(/^Mật khẩu mới/).fill("bình minh trên biển Nha Trang");
  await page.getByLabel("Nhập lại mật khẩu mới").fill("bình minh trên biển Nha Trang");
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(page.getByRole("status")).toContainText("Đã đổi mật khẩu. 1 phiên đăng nhập trên thiết bị khác đã được đăng xuất.");
  await expectAccessible(page);

  // This session goes on; the other device is signed out.
  await page.goto("/ho-so-cua-toi");
  await expect(page).toHaveURL(/\/ho-so-cua-toi$/);
  await other.goto("/ho-so-cua-toi");
  await expect(other).toHaveURL(/\/dang-nhap\?next=%2Fho-so-cua-toi/);
  await other.context().close();
  expect((await mailsTo(c.email)).at(-1)?.subject).toContain("Mật khẩu tài khoản đã được thay đổi");
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/dang-nhap");
  await page.getByLabel("Thư điện tử").fill(DEMO.officer.email);
  await page.getByLabel("Mật khẩu").fill("sai-mat-khau-9");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(errorSummary(page)).toContainText("Thư điện tử hoặc mật khẩu không đúng.");
  await expect(page.getByLabel("Thư điện tử")).toHaveValue(DEMO.officer.email);
  await expectAccessible(page);
});

test("anonymous visitors are sent to sign in, then back", async ({ page }) => {
  await page.goto("/can-bo");
  await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fcan-bo/);
  await page.getByLabel("Thư điện tử").fill(DEMO.officer.email);
  await page.getByLabel("Mật khẩu").fill(DEMO.officer.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/can-bo$/);
  await expect(page.getByText("Ủy ban nhân dân thành phố Hồ Chí Minh").first()).toBeVisible();
  await expect(page.getByTestId("catalog-item").first()).toBeVisible();
  await expectAccessible(page);
  expect((await page.goto("/quan-tri"))?.status()).toBe(403);
});

test("the VPCP admin sees the portal's figures and the audited denials", async ({ browser }) => {
  // A citizen is refused first, so there is a denial to see.
  const citizen = await pageAs(browser, "citizen");
  expect((await citizen.goto("/quan-tri"))?.status()).toBe(403);
  await citizen.context().close();

  const page = await pageAs(browser, "admin");
  await page.goto("/quan-tri");
  await expect(page).toHaveURL(/\/quan-tri$/);
  await expect(page.getByText("Tỉnh, thành phố").first()).toBeVisible();
  const denied = page.getByRole("row").filter({ hasText: "Bị từ chối" }).filter({ hasText: "/quan-tri" });
  await expect(denied.first()).toBeVisible();
  await expectAccessible(page);
});

test("signing out everywhere ends the session", async ({ page }) => {
  // An account of its own: signing the demo citizen out everywhere would end the other tests' sessions.
  const c = await registerVerified(page);
  await signIn(page, { email: c.email, password: c.password });
  await page.goto("/ho-so-cua-toi");
  await page.getByRole("button", { name: "Đăng xuất khỏi mọi thiết bị" }).click();
  await expect(page).toHaveURL(/\/dang-nhap/);
  await page.goto("/ho-so-cua-toi");
  await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fho-so-cua-toi/);
});

test("repeated wrong passwords pause sign-in for that e-mail from this client, saying for how long", async ({ page }) => {
  // An address nobody has: the refusal reads the same whether or not the account exists.
  const email = `khong-ai-${Date.now()}@example.com`;
  await page.goto("/dang-nhap");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Thư điện tử").fill(email);
    await page.getByLabel("Mật khẩu").fill(`sai-mat-khau-${i}`);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(errorSummary(page)).toContainText("Thư điện tử hoặc mật khẩu không đúng.");
  }
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill("sai-mat-khau-5");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(errorSummary(page)).toContainText(/Vui lòng thử lại sau 1[45] phút\./);
  await expectAccessible(page);
});

/** Moves every session of an account an hour past any idle timeout, in the e2e server's database. */
async function idleSessionsOf(email: string): Promise<void> {
  const env = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".data", "e2e-env.json"), "utf8")) as { DATABASE_URL: string };
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `UPDATE session SET last_seen_at = now() - interval '1 day' WHERE user_id = (SELECT id FROM app_user WHERE email = $1)`,
      [email],
    );
  } finally {
    await client.end();
  }
}

test("an idle session ends: sign in again and come back to the form with its draft", async ({ page }) => {
  test.setTimeout(120_000);
  // An account of its own: timing out the demo citizen would end the other tests' sessions.
  const c = await registerVerified(page);
  await signIn(page, { email: c.email, password: c.password });

  await openFilingForm(page, "Đăng ký xe lần đầu trực tuyến toàn trình đối với xe sản xuất lắp ráp trong nước");
  await page.waitForURL(/\/nop-ho-so\//);
  const formUrl = new URL(page.url()).pathname;
  await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Thành phố Hồ Chí Minh" });
  await page.getByLabel("Phường, xã").selectOption({ label: "Phường Sài Gòn" });
  await page.getByLabel("Số nhà, đường, thôn, xóm").fill("7 Nguyễn Huệ");
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  await page.getByLabel("Nội dung đề nghị giải quyết").fill("Đề nghị đăng ký xe.");
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu nháp" })).toBeVisible({ timeout: 10_000 });

  await idleSessionsOf(c.email);
  await page.reload();
  await expect(page).toHaveURL(new RegExp(`/dang-nhap\\?next=${encodeURIComponent(formUrl)}&het-phien=1`));
  await expect(page.getByRole("status")).toContainText("Phiên đăng nhập đã hết hạn");
  await expectAccessible(page);

  await page.getByLabel("Thư điện tử").fill(c.email);
  await page.getByLabel("Mật khẩu").fill(c.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(new RegExp(`${formUrl}$`));
  await expect(page.getByText("Tiếp tục bản nháp đã lưu.")).toBeVisible();
  await expect(page.getByLabel("Nội dung đề nghị giải quyết")).toHaveValue("Đề nghị đăng ký xe.");
});
