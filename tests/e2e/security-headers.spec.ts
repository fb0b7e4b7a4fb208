// Finding: "CSP without 'unsafe-inline' scripts (nonces), HSTS when served over HTTPS". On the production
// build: every page carries a Content-Security-Policy whose script-src is a nonce made for that response
// (never 'unsafe-inline'), every script of the page carries that nonce, two requests get two nonces, and the
// pages still hydrate (the CSP guard of ./helpers fails any test whose pages log a violation).
import { expect } from "@playwright/test";
import { authFile, expectAccessible, test } from "./helpers";

const scriptSrc = (csp: string) =>
  csp
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith("script-src "))!;

test("every page's scripts run by a nonce made for that response, never by 'unsafe-inline'", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ["/", "/", "/thu-tuc", "/thu-tuc?q=khai+sinh", "/dang-nhap", "/tra-cuu-ho-so", "/khong-co-trang-nay"]) {
    const res = await request.get(path);
    const csp = res.headers()["content-security-policy"];
    expect(csp, path).toBeDefined();
    const scripts = scriptSrc(csp!);
    expect(scripts, path).not.toContain("'unsafe-inline'");
    expect(scripts, path).not.toContain("'unsafe-eval'");
    expect(scripts, path).toContain("'strict-dynamic'");
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scripts)?.[1];
    expect(nonce, path).toBeDefined();
    nonces.add(nonce!);
    // Every script tag of the page carries this response's nonce (Next applies it from the request's policy).
    const html = await res.text();
    const tags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length, path).toBeGreaterThan(0);
    for (const tag of tags) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
  // A fresh nonce every time, the same page twice included.
  expect(nonces.size).toBe(7);
});

test("no HSTS over plain HTTP, even when the client claims HTTPS without a trusted proxy", async ({ request }) => {
  expect((await request.get("/")).headers()["strict-transport-security"]).toBeUndefined();
  expect((await request.get("/", { headers: { "x-forwarded-proto": "https" } })).headers()["strict-transport-security"]).toBeUndefined();
});

test.describe("pages hydrate under the policy", () => {
  test("the home page's search and the catalog work with their client scripts", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("combobox", { name: "Tìm kiếm thủ tục hành chính" }).fill("khai sinh");
    await page.getByRole("button", { name: "Tìm kiếm" }).click();
    await expect(page).toHaveURL(/\/thu-tuc\?q=khai/);
    await expect(page.getByTestId("catalog-item").first()).toBeVisible();
    // Hydrated: React has attached to the document (Next's router is there).
    expect(await page.evaluate(() => typeof (window as unknown as { next?: unknown }).next)).toBe("object");
    await expectAccessible(page);
  });

  test.describe("signed in", () => {
    test.use({ storageState: authFile("citizen") });
    test("the header's account menu loads its session through its client component", async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("banner").getByRole("link", { name: "Hồ sơ của tôi" })).toBeVisible();
      await expect(page.getByRole("banner")).toContainText("Nguyễn Thị Minh Anh");
    });
  });
});
