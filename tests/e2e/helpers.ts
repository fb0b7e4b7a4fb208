import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { fold } from "@/lib/catalog/fold";

/** Every page must pass axe's WCAG 2.1 A and AA rules with zero violations. */
export async function expectAccessible(page: Page): Promise<void> {
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
  admin: { email: "quantri@vpcp.example", password: "VanPhong@2026" },
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

export async function signIn(page: Page, who: { email: string; password: string }, next?: string): Promise<void> {
  await page.goto(next ? `/dang-nhap?next=${encodeURIComponent(next)}` : "/dang-nhap");
  await page.getByLabel("Thư điện tử").fill(who.email);
  await page.getByLabel("Mật khẩu").fill(who.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/dang-nhap"));
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
