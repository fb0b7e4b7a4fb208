// The 2025 map on the pages: a new filing's address is province then commune (34 provinces, no district step),
// and a dossier filed before 1 July 2025 still shows its address as filed, with its district.
import { expect } from "@playwright/test";
import { OLD_ADDRESS_DOSSIER } from "@/prisma/seed/demo-old-address";
import { accessibleAtBothWidths, authFile, expectNoOverflow, openFilingForm, pageAs, signIn, SIGNED_OUT, test } from "./helpers";

const SERVICE = "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc cấp văn bằng, chứng chỉ";

test.describe(() => {
  test.use({ storageState: authFile("citizen") });

  test("a new filing's address picker offers the 34 provinces, then the province's communes, and no district", async ({ page }) => {
    await openFilingForm(page, SERVICE);
    const province = page.getByLabel("Tỉnh, thành phố");
    // 34 provinces and the placeholder; Bình Dương (merged into Hồ Chí Minh City) is no longer one.
    await expect(province.locator("option")).toHaveCount(35);
    await expect(province.locator("option", { hasText: "Bình Dương" })).toHaveCount(0);
    await expect(page.getByLabel("Quận, huyện")).toHaveCount(0);
    const commune = page.getByLabel("Phường, xã, đặc khu");
    await expect(commune).toBeDisabled();
    await province.selectOption({ label: "Thành phố Hồ Chí Minh" });
    await expect(commune.locator("option", { hasText: "Phường Sài Gòn" })).toHaveCount(1);
    // Former Bình Dương and Bà Rịa - Vũng Tàu communes are Hồ Chí Minh City's now.
    await expect(commune.locator("option", { hasText: "Phường Thủ Dầu Một" })).toHaveCount(1);
    await expect(commune.locator("option", { hasText: "Đặc khu Côn Đảo" })).toHaveCount(1);
    await commune.selectOption({ label: "Phường Sài Gòn" });
    await page.getByLabel("Số nhà, đường, thôn, xóm").fill("12 Lê Lợi");
    await accessibleAtBothWidths(page);
    await page.setViewportSize({ width: 320, height: 800 });
    await expectNoOverflow(page);
  });
});

test.describe(() => {
  test.use({ storageState: SIGNED_OUT });

  test("a dossier filed before 1 July 2025 shows its address as filed, with its district, to the citizen and the officer", async ({
    page,
    browser,
  }) => {
    await signIn(page, { email: OLD_ADDRESS_DOSSIER.applicant, password: "CongDan3@2026" });
    await page.goto(`/ho-so-cua-toi/${OLD_ADDRESS_DOSSIER.code}`);
    await expect(page.getByTestId("xem-diaChi")).toHaveText(OLD_ADDRESS_DOSSIER.shown);
    await accessibleAtBothWidths(page);

    const officer = await pageAs(browser, "officer");
    await officer.goto(`/can-bo/ho-so/${OLD_ADDRESS_DOSSIER.code}`);
    await expect(officer.getByTestId("xem-diaChi")).toHaveText(OLD_ADDRESS_DOSSIER.shown);
    await accessibleAtBothWidths(officer);
  });
});
