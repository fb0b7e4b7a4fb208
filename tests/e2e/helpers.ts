import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type Locator, type Page } from "@playwright/test";
import { generate } from "otplib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { fold } from "@/lib/catalog/fold";
import { DEMO_ACCOUNTS } from "@/prisma/seed/demo";

/** Every page must pass axe's WCAG 2.1 A and AA rules with zero violations. */
export async function expectAccessible(page: Page): Promise<void> {
  // Next streams a page's metadata: after a client-side navigation the <title> can land a moment after the
  // heading. Every page has one (axe checks it); wait for it so the check sees the page as a reader does.
  await expect(page, `the page ${page.url()} has a title`).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** What Chromium writes to the console when the Content-Security-Policy blocks a script, a style or a connection. */
const CSP_VIOLATION = /Content Security Policy/i;
/** The violations seen during the running test (one test at a time per worker). */
let cspViolations: string[] | null = null;

function watchCsp(page: Page): void {
  page.on("console", (m) => {
    if (CSP_VIOLATION.test(m.text())) cspViolations?.push(`${page.url()}: ${m.text()}`);
  });
}

/**
 * Playwright's `test`, failing any test during which a page reported a Content-Security-Policy violation
 * (a script refused for a missing or stale nonce, say): every page of the test's context, and those opened
 * with `pageAs`.
 */
export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ context }, use) => {
      const seen: string[] = [];
      cspViolations = seen;
      context.on("page", watchCsp);
      context.pages().forEach(watchCsp);
      await use();
      cspViolations = null;
      expect(seen, "Content-Security-Policy violations in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

export const DEMO = {
  citizen: { email: "congdan@dichvucong.example", password: "CongDan@2026" },
  officer: { email: "canbo.hcm@dichvucong.example", password: "CanBo@2026" },
  /** Signs in with a second factor too: the demo's fixed TOTP secret (prisma/seed/demo.ts). */
  admin: {
    email: "quantri@vpcp.example",
    password: "VanPhong@2026",
    totpSecret: DEMO_ACCOUNTS.find((a) => a.email === "quantri@vpcp.example")!.totpSecret,
  },
  /** The HCMC agency administrator. */
  agencyAdmin: { email: "quantri.hcm@dichvucong.example", password: "QuanTri@2026" },
};

export type Role = keyof typeof DEMO;

/**
 * The signed-in browser state of a demo role, saved once per run by auth.setup.ts (which signs in through
 * the form): `test.use({ storageState: authFile("admin") })`. A test that revokes sessions must sign in
 * an account of its own instead, or it would end every other test's session of that role.
 */
export const authFile = (role: Role) => path.join(process.cwd(), "tests", "e2e", ".auth", `${role}.json`);

/** For a context that must be signed out inside a `test.use({ storageState })` block (which new contexts inherit). */
export const SIGNED_OUT = { cookies: [], origins: [] };

/** A page in a new context signed in as `role` (for tests with more than one person). */
export async function pageAs(browser: Browser, role: Role): Promise<Page> {
  const page = await (await browser.newContext({ storageState: authFile(role) })).newPage();
  watchCsp(page);
  return page;
}

/** The second step of a staff sign-in (lib/auth/second-factor-policy.ts). */
export const SECOND_FACTOR_PAGE = "/dang-nhap/xac-thuc-hai-buoc";

/**
 * Signs in through the form. An account with a second factor ends on the code page, unless `totpSecret` is
 * given: then the code is typed too.
 */
export async function signIn(page: Page, who: { email: string; password: string; totpSecret?: string }, next?: string): Promise<void> {
  await page.goto(next ? `/dang-nhap?next=${encodeURIComponent(next)}` : "/dang-nhap");
  await page.getByLabel("Thư điện tử").fill(who.email);
  await page.getByLabel("Mật khẩu").fill(who.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/dang-nhap") || u.pathname === SECOND_FACTOR_PAGE);
  if (who.totpSecret && new URL(page.url()).pathname === SECOND_FACTOR_PAGE) await giveTotpCode(page, who.totpSecret);
}

/** Milliseconds until the next 30-second TOTP step. */
const toNextStep = () => 30_000 - (Date.now() % 30_000);

/**
 * Types the current TOTP code on the code page. A code is accepted once per 30-second step (replay), so if
 * another sign-in of the account (a parallel test, the setup) used this step's code, it waits for the next.
 */
export async function giveTotpCode(page: Page, secret: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByLabel("Mã xác thực").fill(await generate({ secret }));
    await page.getByRole("button", { name: "Xác nhận", exact: true }).click();
    const passed = await Promise.race([
      page.waitForURL((u) => u.pathname !== SECOND_FACTOR_PAGE, { timeout: 20_000 }).then(() => true),
      errorSummary(page)
        .waitFor({ timeout: 20_000 })
        .then(() => false),
    ]);
    if (passed) return;
    await page.waitForTimeout(toNextStep() + 500);
    await page.reload(); // the refusal's summary goes, so the next attempt's outcome is its own
  }
  throw new Error("the TOTP code was refused three times");
}

/** The form's error summary (Next's route announcer is another role="alert" on every page). */
export const errorSummary = (page: Page) => page.locator("#tom-tat-loi");

export const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
export const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0,
]);

/** From the home page: search without diacritics, choose TP. Hồ Chí Minh, open the online form. */
export async function openFilingForm(page: Page, name: string): Promise<void> {
  await page.goto("/");
  await page.getByRole("combobox", { name: "Tìm kiếm thủ tục hành chính" }).fill(fold(name));
  await page.getByRole("button", { name: "Tìm kiếm" }).click();
  await page.getByTestId("catalog-item").filter({ hasText: name }).first().getByRole("link").click();
  await page.getByRole("link", { name: "TP. Hồ Chí Minh" }).click();
  await page.getByRole("link", { name: "Nộp hồ sơ trực tuyến" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
}

/**
 * The demo citizen files a birth registration in TP. Hồ Chí Minh (the demo officer's queue lists it), through
 * every step of the form, with an axe check on each page; returns the dossier code. The officer's journey
 * (officer.spec.ts) and the cluster proof (tests/cluster) both start from it.
 */
export async function fileBirthRegistration(page: Page, { requester = "Nguyễn Thị Minh Anh" } = {}): Promise<string> {
  await openFilingForm(page, "Đăng ký khai sinh");
  await expectAccessible(page);
  // Step 1: the requester (prefilled from the profile: `requester` is the signed-in citizen's name).
  await expect(page.getByLabel("Họ, chữ đệm, tên người yêu cầu")).toHaveValue(requester);
  await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Thành phố Hồ Chí Minh" });
  await page.getByLabel("Phường, xã").selectOption({ index: 1 });
  await page.getByLabel("Số nhà, đường, thôn, xóm").fill("45 Võ Văn Tần");
  await page.getByLabel("Quan hệ với người được khai sinh").selectOption({ label: "Mẹ" });
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  // Step 2: the child; the foreign-parent question reveals the nationality field.
  await page.getByLabel(/^Họ, chữ đệm, tên \(bắt buộc\)$/).fill("Trần Minh Khôi");
  await page.getByLabel("Ngày, tháng, năm sinh").fill("2026-11-01");
  await page.getByRole("radio", { name: "Nam", exact: true }).check();
  await page.getByLabel("Dân tộc").selectOption({ label: "Kinh" });
  await page.getByLabel("Nơi sinh (tên cơ sở y tế hoặc địa chỉ)").fill("Bệnh viện Từ Dũ");
  await expect(page.getByLabel("Quốc tịch của cha hoặc mẹ là người nước ngoài")).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Cha hoặc mẹ là người nước ngoài" }).check();
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  await expect(errorSummary(page)).toContainText("Quốc tịch của cha hoặc mẹ là người nước ngoài: vui lòng nhập thông tin.");
  await page.getByRole("checkbox", { name: "Cha hoặc mẹ là người nước ngoài" }).uncheck();
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  // Step 3: the parents.
  await page.getByLabel("Họ, chữ đệm, tên người mẹ").fill("Nguyễn Thị Minh Anh");
  await page.getByLabel("Năm sinh của mẹ").fill("1990");
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  // Step 4: the birth certificate.
  await page.getByLabel(/Giấy chứng sinh/).setInputFiles({ name: "giay-chung-sinh.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(page.getByText("Đã tải lên: giay-chung-sinh.pdf")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Kiểm tra thông tin" }).click();
  await expect(page.getByTestId("xem-treGioiTinh")).toHaveText("Nam");
  await expect(errorSummary(page)).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel(/Tôi cam đoan/).check();
  await page.getByRole("button", { name: "Nộp hồ sơ", exact: true }).click();
  await expect(page).toHaveURL(/da-nop=1$/);
  await expectAccessible(page);
  return (await page.getByTestId("ma-ho-so").textContent())!;
}

/**
 * Axe-clean at 1280 px and at 320 px wide; with `noOverflow`, also nothing wider than the phone's screen but
 * what scrolls inside its own container. Leaves the page at 1280 px.
 */
export async function accessibleAtBothWidths(page: Page, { noOverflow = false } = {}): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectAccessible(page);
  if (noOverflow) await expectNoOverflow(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Nothing on the page is wider than a 320 px screen (what scrolls inside its own container aside). */
export async function expectNoOverflow(page: Page): Promise<void> {
  const { width, wide } = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    // What sticks out, to name it when it fails.
    wide: [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > 320.5)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}.${String(e.className)}`),
  }));
  expect(width, `horizontal overflow on ${page.url()}: ${wide.join(" | ")}`).toBeLessThanOrEqual(320);
}

/**
 * Runs a test harness script (tests/support/*.ts) against the e2e server's database and files (the demo server
 * writes them to .data/e2e-env.json); returns what it printed.
 */
export function harness(script: string, ...args: string[]): string {
  const env = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".data", "e2e-env.json"), "utf8")) as Record<string, string>;
  return execFileSync(
    process.execPath,
    [path.join("node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", script, ...args],
    {
      env: { ...process.env, ...env },
      stdio: "pipe",
    },
  ).toString();
}

/**
 * Takes one action on the officer's dossier page: the primary form, or the one the menu of other actions opens;
 * `fill` fills the form (and ticks its confirmation where the action asks for one); the page then shows `status`.
 */
export async function officerAct(page: Page, title: string, status: string, fill?: (form: Locator) => Promise<void>): Promise<void> {
  const form = page.getByRole("form", { name: title });
  if (!(await form.isVisible())) {
    await page.getByTestId("thao-tac-khac").locator("summary").click();
    await page.getByTestId("thao-tac-khac").getByRole("link", { name: title, exact: true }).click();
  }
  if (fill) await fill(form);
  await form.getByRole("button").click();
  await expect(page.getByTestId("trang-thai")).toHaveText(status);
}

/** The text of a PDF (every page), spaces collapsed. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const chunks: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++)
    for (const item of (await (await pdf.getPage(n)).getTextContent()).items) if ("str" in item) chunks.push(item.str);
  await pdf.destroy();
  return chunks.join(" ").replace(/\s+/g, " ");
}

/** The citizen sends the paper an officer asked for (a PNG) from the dossier page; processing resumes. */
export async function supplyPaper(citizen: Page, code: string, fileName = "chung-sinh-ro.png"): Promise<void> {
  await citizen.goto(`/ho-so-cua-toi/${code}`);
  await citizen
    .getByLabel("Tải lên giấy tờ bổ sung (PDF, JPEG, PNG)")
    .setInputFiles({ name: fileName, mimeType: "image/png", buffer: PNG });
  await expect(citizen.getByRole("list", { name: "Giấy tờ đã tải lên" })).toContainText(fileName);
  await citizen.getByRole("button", { name: "Gửi giấy tờ bổ sung" }).click();
  await expect(citizen.getByTestId("trang-thai")).toHaveText("Đang xử lý");
}
