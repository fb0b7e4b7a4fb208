// End-to-end: a VPCP admin teaches the search an everyday name, the catalog finds the procedure by it, and
// the pair is removed again. Refused input keeps what was typed and names the field.
import { expect } from "@playwright/test";
import { authFile, expectAccessible, test } from "./helpers";

const PAGE = "/quan-tri/tu-dong-nghia";

test.describe(() => {
  test.use({ storageState: authFile("admin") });

  test("the VPCP admin adds a synonym, search uses it, and the admin deletes it", async ({ page }) => {
    await page.goto("/quan-tri");
    await page.getByRole("link", { name: "Từ đồng nghĩa khi tìm kiếm" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Từ đồng nghĩa khi tìm kiếm");
    await expect(page.getByRole("cell", { name: "sổ đỏ", exact: true })).toHaveCount(1);
    await expectAccessible(page);

    // Before: the everyday words do not lead to the procedure.
    await page.goto("/thu-tuc?q=" + encodeURIComponent("giấy đi đường xe"));
    const first = page.getByTestId("catalog-item").first().getByRole("heading");
    await expect(
      page.getByTestId("catalog-item").filter({ hasText: "Cấp đổi chứng nhận đăng ký xe, biển số xe thực hiện tại Công an cấp tỉnh" }),
    ).toHaveCount(0);

    await page.goto(PAGE);
    const official = page.getByLabel("Từ ngữ trong tên chính thức");
    await official.fill("cấp đổi chứng nhận đăng ký xe");
    await page.getByRole("button", { name: "Thêm cặp từ" }).click();
    await expect(page.locator("#tu-dong-nghia-tom-tat-loi")).toContainText("Vui lòng nhập «Cách gọi thông dụng».");
    await expect(official).toHaveValue("cấp đổi chứng nhận đăng ký xe");
    await page.getByLabel("Cách gọi thông dụng").fill("giấy đi đường xe");
    await page.getByRole("button", { name: "Thêm cặp từ" }).click();
    await expect(page.getByRole("status")).toHaveText("Đã lưu cặp từ đồng nghĩa.");
    await expectAccessible(page);

    await page.goto("/thu-tuc?q=" + encodeURIComponent("giấy đi đường xe"));
    await expect(first).toContainText("Cấp đổi chứng nhận đăng ký xe, biển số xe thực hiện tại Công an cấp tỉnh");

    await page.goto(PAGE);
    const row = page.getByRole("row").filter({ hasText: "giấy đi đường xe" });
    await row.getByRole("button", { name: "Xóa" }).click();
    await expect(page.getByRole("status")).toHaveText("Đã xóa cặp từ đồng nghĩa.");
    await expect(page.getByRole("row").filter({ hasText: "giấy đi đường xe" })).toHaveCount(0);
  });
});

test("the search box suggests procedures as the citizen types, by keyboard", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("combobox", { name: "Tìm kiếm thủ tục hành chính" });
  await box.fill("tạm trú");
  const list = page.getByRole("listbox", { name: "Gợi ý thủ tục" });
  await expect(list.getByRole("option").first()).toHaveText("Đăng ký tạm trú");
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await expectAccessible(page);
  await box.press("ArrowDown");
  await expect(list.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/thu-tuc\/1\.004194/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đăng ký tạm trú");

  // An everyday name suggests the official one; Escape closes the list and Enter then searches as typed.
  await page.goto("/");
  await box.fill("bằng lái");
  await expect(list.getByRole("option").first()).toHaveText("Cấp giấy phép lái xe");
  await box.press("Escape");
  await expect(list).toBeHidden();
  await expect(box).toHaveValue("bằng lái");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/thu-tuc\?q=b%E1%BA%B1ng(\+|%20)l%C3%A1i/);
  await expect(page.getByTestId("catalog-item").first().getByRole("heading")).toHaveText("Cấp giấy phép lái xe");
});
