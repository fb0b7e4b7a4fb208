// The citizen's journey in English (issue 18): the sign-in page, the demo citizen signing in on /en/dang-nhap
// and landing on the English filing form of birth registration in TP. Hồ Chí Minh, a validation error in
// English naming the field (what was typed is kept), and the English tracking page. Every page: lang="en",
// no Vietnamese interface text outside [lang=vi] (procedure records and place names are marked so), and axe
// at 1280 and 320 px.
import { expect, type Page } from "@playwright/test";
import { errorSummary, expectAccessible, harness, test } from "./helpers";

/** Birth registration (1.001193) at the HCMC civil status office. */
const BIRTH_FORM = "/en/nop-ho-so/1.001193.000.00.00.H29";

const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

/** Text (and accessible names in attributes) of the page outside [lang=vi] that holds Vietnamese letters. */
async function vietnameseOutsideVi(page: Page): Promise<string[]> {
  return page.evaluate((source) => {
    const re = new RegExp(source, "i");
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('[lang="vi"], script, style, template')) continue;
      if (re.test(n.textContent ?? "")) found.push((n.textContent ?? "").trim());
    }
    for (const el of document.body.querySelectorAll("[aria-label], [title], [placeholder]")) {
      if (el.closest('[lang="vi"]')) continue;
      for (const a of ["aria-label", "title", "placeholder"]) {
        const v = el.getAttribute(a);
        if (v && re.test(v)) found.push(`${a}=${v}`);
      }
    }
    return found;
  }, VIETNAMESE.source);
}

/** lang="en", nothing Vietnamese outside [lang=vi], and axe clean at 1280 and at 320 px. */
async function expectEnglishPage(page: Page): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect(await vietnameseOutsideVi(page), `Vietnamese interface text on ${page.url()}`).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("the citizen signs in in English and gets English errors on the birth registration form", async ({ page }) => {
  // Signed out, the form sends the visitor to the English sign-in page, and back.
  await page.goto(BIRTH_FORM);
  await expect(page).toHaveURL(/\/en\/dang-nhap\?next=%2Fen%2Fnop-ho-so%2F/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await expectEnglishPage(page);

  // Nothing typed: the summary names the fields in English.
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(errorSummary(page)).toContainText("Email: please enter your email address.");
  await expect(errorSummary(page)).toContainText("Password: please enter your password.");
  expect(await vietnameseOutsideVi(page)).toEqual([]);

  // A citizen of its own: the draft this test leaves must not be the one the demo citizen's filings resume.
  const name = "Lê Thu Trang";
  const password = "CongDanMoi@2026";
  const email = harness("tests/support/new-citizen.ts", name, password).trim().split("\n").at(-1)!;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((u) => u.pathname === BIRTH_FORM);

  // The filing form in English: the procedure's name is the record's (Vietnamese, marked), the rest English.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đăng ký khai sinh");
  await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("heading", { level: 2, name: /^Step 1 of \d+: The person requesting the registration$/ })).toBeVisible();
  await expect(page.getByLabel("Full name of the person requesting")).toHaveValue(name);
  await expectEnglishPage(page);

  // Step 1 passes with the address and the relationship; the child's step refuses an empty name in English.
  await page.getByLabel("Province or city").selectOption({ label: "Thành phố Hồ Chí Minh" });
  await page.getByLabel("Ward, commune or special zone").selectOption({ index: 1 });
  await page.getByLabel("House number, street, village").fill("45 Vo Van Tan");
  await page.getByLabel("Relationship to the child").selectOption({ label: "Mother" });
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^Step 2 of \d+: The child$/ })).toBeVisible();
  await page.getByLabel("Place of birth (health facility or address)").fill("Tu Du Hospital");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(errorSummary(page)).toContainText("There is a problem");
  await expect(errorSummary(page)).toContainText("Child's full name: please fill this in.");
  await expect(errorSummary(page)).toContainText("Sex: please choose an option.");
  await expect(errorSummary(page).getByRole("link", { name: "Child's full name: please fill this in." })).toHaveAttribute(
    "href",
    /#truong-treHoTen$/,
  );
  // What was typed is kept.
  await expect(page.getByLabel("Place of birth (health facility or address)")).toHaveValue("Tu Du Hospital");
  await expectEnglishPage(page);
});

test("the English tracking page explains a wrong code and an unknown dossier in English", async ({ page }) => {
  await page.goto("/en/tra-cuu-ho-so");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Track an application");
  await expectEnglishPage(page);

  await page.getByLabel("Application code").fill("abc");
  await page.getByRole("button", { name: "Track" }).click();
  await expect(page).toHaveURL(/\/en\/tra-cuu-ho-so\?ma=abc/);
  await expect(errorSummary(page)).toContainText("Application code: this is not an application code");
  await expect(page.getByLabel("Application code")).toHaveValue("abc");
  await expectEnglishPage(page);

  await page.goto("/en/tra-cuu-ho-so?ma=000.00.00.H29-261127-9999&pin=123456");
  await expect(page.getByTestId("tra-cuu-thong-bao")).toHaveText(
    "No application matches the code and PIN entered. Please check both on the receipt.",
  );
  expect(await vietnameseOutsideVi(page)).toEqual([]);
});
