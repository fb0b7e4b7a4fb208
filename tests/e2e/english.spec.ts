// The portal in English (issue 18): the home page, the catalog with a search, a procedure and a service page
// under /en render with no Vietnamese interface text (the records' own Vietnamese content is marked lang="vi"),
// <html lang="en">, the language switch leads to the same page in Vietnamese and back, and axe finds nothing at
// 1280 and 320 px.
import { expect, type Page } from "@playwright/test";
import { expectAccessible, test } from "./helpers";

// Each page is checked by axe twice (1280 and 320 px); the home page has a few hundred links.
test.describe.configure({ timeout: 150_000 });

/**
 * Vietnamese text a reader of the English page would meet: text nodes, and the aria-label, placeholder, title
 * and alt attributes, outside elements marked lang="vi" (the records' content); and the document's title.
 */
async function vietnameseInterfaceText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const VI = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
    const found: string[] = [];
    if (VI.test(document.title)) found.push(`<title> ${document.title}`);
    const skip = (el: Element | null) => !el || !!el.closest('[lang="vi"], script, style, noscript, template');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? "";
      if (!skip(n.parentElement) && VI.test(text)) found.push(text.trim());
    }
    for (const el of document.body.querySelectorAll("[aria-label], [placeholder], [title], [alt]")) {
      if (skip(el)) continue;
      for (const name of ["aria-label", "placeholder", "title", "alt"]) {
        const v = el.getAttribute(name);
        if (v && VI.test(v)) found.push(`${name}="${v}"`);
      }
    }
    return found;
  });
}

/** English, and accessible at 1280 and at 320 px. */
async function expectEnglishPage(page: Page): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("language-switch")).toHaveText("Tiếng Việt");
  expect(await vietnameseInterfaceText(page), `Vietnamese interface text on ${page.url()}`).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("the English home page", async ({ page }) => {
  await page.goto("/en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Find a procedure, apply online");
  await expect(page.getByRole("link", { name: "Level 4 — Fully online" })).toHaveAttribute("href", "/en/thu-tuc?muc-do=4");
  await expect(
    page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Administrative procedures" }),
  ).toHaveAttribute("href", "/en/thu-tuc");
  await expect(page.getByTestId("language-switch")).toHaveAttribute("href", "/");
  await expectEnglishPage(page);
});

test("the English catalog, browsed and searched", async ({ page }) => {
  await page.goto("/en/thu-tuc");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administrative procedures");
  await expect(page.getByRole("link", { name: "Next page" })).toHaveAttribute("href", /^\/en\/thu-tuc\?sau=/);
  await expectEnglishPage(page);

  await page.getByRole("combobox", { name: "Search administrative procedures" }).fill("dang ky khai sinh");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/\/en\/thu-tuc\?q=dang\+ky\+khai\+sinh$/);
  const items = page.getByTestId("catalog-item");
  await expect(items.first().getByRole("heading")).toHaveText("Birth registration");
  await expect(items.first()).toContainText("offered by 34 agencies");
  await expect(page.getByRole("heading", { level: 2, name: /results? for “dang ky khai sinh”/ })).toBeVisible();
  await expect(page.getByTestId("language-switch")).toHaveAttribute("href", "/thu-tuc?q=dang+ky+khai+sinh");
  await expectEnglishPage(page);

  // A filter keeps the language (the filter form's GET goes to /en/thu-tuc).
  await page.getByRole("form", { name: "Filters" }).getByLabel("Level", { exact: true }).selectOption("4");
  await page.getByRole("form", { name: "Filters" }).getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/\/en\/thu-tuc\?q=dang\+ky\+khai\+sinh&muc-do=4$/);
  await expect(page.getByTestId("active-filters")).toContainText("Level 4 — Fully online");
  expect(await vietnameseInterfaceText(page)).toEqual([]);
});

test("an English procedure page and service page, and the language switch there and back", async ({ page }) => {
  await page.goto("/en/thu-tuc?q=dang+ky+khai+sinh");
  // Client-side navigation inside the English portal (the rewritten /en paths' RSC requests).
  await page.getByTestId("catalog-item").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/en\/thu-tuc\/1\.001193$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Birth registration");
  await expect(page.getByText("Register a child's birth and receive the birth certificate.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 })).toContainText("offered by 34 agencies");
  // The switch follows a client-side navigation.
  await expect(page.getByTestId("language-switch")).toHaveAttribute("href", "/thu-tuc/1.001193");
  await expectEnglishPage(page);

  await page.getByRole("link", { name: "TP. Hồ Chí Minh" }).click();
  await expect(page).toHaveURL(/\/en\/thu-tuc\/1\.001193\.000\.00\.00\.H29$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Birth registration");
  await expect(page.getByRole("link", { name: "Apply online" })).toHaveAttribute("href", "/en/nop-ho-so/1.001193.000.00.00.H29");
  await expect(page.locator("dt", { hasText: "Legal basis" })).toBeVisible();
  await expect(page.getByText("Papers to submit")).toBeVisible();
  await expect(page).toHaveTitle(/^Birth registration \| National Public Service Portal$/);
  await expectEnglishPage(page);

  // The same page in Vietnamese, and back.
  await page.getByTestId("language-switch").click();
  await expect(page).toHaveURL(/\/thu-tuc\/1\.001193\.000\.00\.00\.H29$/);
  expect(new URL(page.url()).pathname.startsWith("/en")).toBe(false);
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đăng ký khai sinh");
  await expect(page.getByRole("link", { name: "Nộp hồ sơ trực tuyến" })).toHaveAttribute("href", "/nop-ho-so/1.001193.000.00.00.H29");
  await expect(page.getByTestId("language-switch")).toHaveText("English");
  await page.getByTestId("language-switch").click();
  await expect(page).toHaveURL(/\/en\/thu-tuc\/1\.001193\.000\.00\.00\.H29$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Birth registration");
});

test("a client cannot choose the language by header, and an English page that does not exist is an English 404", async ({ request }) => {
  const vi = await request.get("/", { headers: { "x-portal-locale": "en" } });
  expect(await vi.text()).toContain('<html lang="vi"');
  const missing = await request.get("/en/khong-co-trang-nay");
  expect(missing.status()).toBe(404);
  const body = await missing.text();
  expect(body).toContain('<html lang="en"');
  expect(body).toContain("Page not found");
  // The Vietnamese home's own path is not an English page, nor the English one a Vietnamese page.
  expect((await request.get("/trang-chu/en")).status()).toBe(404);
});
