import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Every page must pass axe's WCAG 2.1 A and AA rules with zero violations. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}

export const DEMO = {
  citizen: { email: "congdan@dichvucong.example", password: "CongDan@2026" },
  officer: { email: "canbo.hcm@dichvucong.example", password: "CanBo@2026" },
  admin: { email: "quantri@vpcp.example", password: "VanPhong@2026" },
};

export async function signIn(page: Page, who: { email: string; password: string }, next?: string): Promise<void> {
  await page.goto(next ? `/dang-nhap?next=${encodeURIComponent(next)}` : "/dang-nhap");
  await page.getByLabel("Thư điện tử").fill(who.email);
  await page.getByLabel("Mật khẩu").fill(who.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/dang-nhap"));
}

/** The form's error summary (Next's route announcer is another role="alert" on every page). */
export const errorSummary = (page: Page) => page.locator("#tom-tat-loi");
