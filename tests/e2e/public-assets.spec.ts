import { expect, test } from "@playwright/test";
import { expectAccessible } from "./helpers";

// The files every browser, crawler and home screen asks for: they answer 200 with their own content type,
// pass the security headers, and the home page links them.

test("the favicon and the app icons are served", async ({ request }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toBe("image/x-icon");
  // An ICO file starts with reserved 0 and type 1.
  expect([...(await favicon.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);

  for (const [path, type] of [
    ["/icon.svg", "image/svg+xml"],
    ["/apple-icon.png", "image/png"],
    ["/icon-192.png", "image/png"],
    ["/icon-512.png", "image/png"],
  ] as const) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()["content-type"], path).toContain(type);
  }
});

test("the portal's mark is an SVG that says it is unofficial, cached for a day", async ({ request }) => {
  const res = await request.get("/emblem.svg");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("image/svg+xml");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["cache-control"]).toContain("max-age=86400");
  const svg = await res.text();
  expect(svg).toContain("<svg");
  expect(svg).toContain("KHÔNG phải Quốc huy");
});

test("the web manifest names the portal in Vietnamese", async ({ request }) => {
  const res = await request.get("/manifest.webmanifest");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = (await res.json()) as { name: string; short_name: string; lang: string; start_url: string; icons: { src: string }[] };
  expect(manifest).toMatchObject({ name: "Cổng Dịch vụ công Quốc gia", short_name: "Dịch vụ công", lang: "vi", start_url: "/" });
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
});

test("robots.txt keeps crawlers out of the signed-in areas and the APIs", async ({ request }) => {
  const res = await request.get("/robots.txt");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/plain");
  const lines = (await res.text()).split("\n").map((l) => l.trim());
  expect(lines).toContain("Allow: /");
  for (const path of ["/can-bo", "/quan-tri", "/ho-so-cua-toi", "/nop-ho-so", "/api"]) expect(lines).toContain(`Disallow: ${path}`);
});

test("the home page links the icons and the manifest, shows the mark, and stays accessible", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator('head link[rel="icon"]').first()).toHaveAttribute("href", /\/(favicon\.ico|icon\.svg)/);
  await expect(page.locator('head link[rel="apple-touch-icon"]')).toHaveAttribute("href", /\/apple-icon\.png/);
  await expect(page.locator('head link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  const mark = page.locator('header img[src="/emblem.svg"]');
  await expect(mark).toHaveAttribute("alt", "");
  expect(await mark.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page.getByRole("link", { name: "Cổng Dịch vụ công Quốc gia" })).toBeVisible();
  await expectAccessible(page);
});
