import { expect, type Page } from "@playwright/test";
import { errorSummary, expectAccessible, openFilingForm, pageAs, PDF, PNG, test } from "./helpers";

const BIRTH = "Đăng ký khai sinh";

async function fileBirthRegistration(page: Page): Promise<string> {
  await openFilingForm(page, BIRTH);
  // Step 1: the requester (prefilled from the profile).
  await expect(page.getByLabel("Họ, chữ đệm, tên người yêu cầu")).toHaveValue("Nguyễn Thị Minh Anh");
  await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Thành phố Hồ Chí Minh" });
  await page.getByLabel("Quận, huyện").selectOption({ label: "Quận 3" });
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
  await page.getByRole("button", { name: "Kiểm tra thông tin" }).click();
  await expect(page.getByTestId("xem-treGioiTinh")).toHaveText("Nam");
  await page.getByLabel(/Tôi cam đoan/).check();
  await page.getByRole("button", { name: "Nộp hồ sơ", exact: true }).click();
  await expect(page).toHaveURL(/da-nop=1$/);
  return (await page.getByTestId("ma-ho-so").textContent())!;
}

/** Takes one action from the dossier page; the page then shows the dossier's new status. */
async function officerAct(page: Page, title: string, status: string, fill?: (form: import("@playwright/test").Locator) => Promise<void>) {
  const form = page.getByRole("form", { name: title });
  if (fill) await fill(form);
  await form.getByRole("button").click();
  await expect(page.getByTestId("trang-thai")).toHaveText(status);
}

test("an officer takes a dossier from receipt to returned result while the citizen follows every step", async ({ browser }) => {
  test.setTimeout(180_000);
  const citizen = await pageAs(browser, "citizen");
  const code = await fileBirthRegistration(citizen);

  const officer = await pageAs(browser, "officer");
  await officer.goto("/can-bo/ho-so");
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("Hàng đợi hồ sơ một cửa");
  await officer.getByLabel("Mã hồ sơ hoặc tên người nộp").fill("nguyen thi minh anh");
  await officer.getByRole("button", { name: "Lọc" }).click();
  await expect(officer.getByTestId("hang-doi")).toContainText(code);
  await expectAccessible(officer);
  await officer.getByRole("link", { name: code }).click();
  await expect(officer.getByTestId("trang-thai")).toHaveText("Mới đăng ký");
  await expect(officer.getByText("Trần Minh Khôi")).toBeVisible();
  await expectAccessible(officer);

  await officerAct(officer, "Tiếp nhận hồ sơ", "Được tiếp nhận");
  // Asking for papers needs the reason and the list.
  const ask = officer.getByRole("form", { name: "Yêu cầu bổ sung, hoàn thiện hồ sơ" });
  await ask.getByRole("button").click();
  await expect(ask.getByRole("alert")).toHaveText("Có lỗi cần sửaLý do: vui lòng nhập lý do.");
  await officerAct(officer, "Yêu cầu bổ sung, hoàn thiện hồ sơ", "Yêu cầu bổ sung giấy tờ", async (f) => {
    await f.getByLabel("Giấy tờ cần bổ sung").fill("Giấy chứng sinh bản rõ nét");
    await f.getByLabel("Lý do").fill("Bản chụp giấy chứng sinh bị mờ.");
  });

  // The citizen supplies the paper.
  await citizen.goto(`/ho-so-cua-toi/${code}`);
  await expect(citizen.getByText("Lý do: Bản chụp giấy chứng sinh bị mờ.")).toBeVisible();
  await citizen
    .getByLabel("Tải lên giấy tờ bổ sung (PDF, JPEG, PNG)")
    .setInputFiles({ name: "chung-sinh-ro.png", mimeType: "image/png", buffer: PNG });
  await expect(citizen.getByRole("list", { name: "Giấy tờ đã tải lên" })).toContainText("chung-sinh-ro.png");
  await citizen.getByRole("button", { name: "Gửi giấy tờ bổ sung" }).click();
  await expect(citizen.getByTestId("trang-thai")).toHaveText("Đang xử lý");

  // The officer finishes with a result and returns it.
  await officer.reload();
  await expect(officer.getByTestId("trang-thai")).toHaveText("Đang xử lý");
  await expect(officer.getByRole("link", { name: "chung-sinh-ro.png" })).toBeVisible();
  await officerAct(officer, "Hoàn thành xử lý, có kết quả", "Đã xử lý xong", async (f) => {
    await f.getByLabel("Số, ký hiệu văn bản kết quả").fill("125/TLKS");
    await f.getByLabel("Tên kết quả").fill("Giấy khai sinh (bản điện tử)");
    await f.getByLabel("Nội dung kết quả").fill("Đã đăng ký khai sinh cho Trần Minh Khôi.");
    await f.getByLabel("Chức vụ người ký").fill("CHỦ TỊCH");
    await f.getByLabel("Họ tên người ký").fill("Lê Văn Hùng");
  });
  await officerAct(officer, "Trả kết quả", "Đã trả kết quả");
  await expectAccessible(officer);

  // The citizen saw every step, and every notification.
  await citizen.goto(`/ho-so-cua-toi/${code}`);
  await expect(citizen.getByTestId("trang-thai")).toHaveText("Đã trả kết quả");
  const timeline = citizen.getByTestId("tien-do");
  for (const step of [
    "Tiếp nhận hồ sơ",
    "Yêu cầu bổ sung, hoàn thiện hồ sơ",
    "Công dân bổ sung giấy tờ",
    "Hoàn thành xử lý, có kết quả",
    "Trả kết quả",
  ]) {
    await expect(timeline).toContainText(step);
  }
  await expect(citizen.getByRole("link", { name: /Tải kết quả/ })).toBeVisible();
  await citizen.goto("/ho-so-cua-toi");
  for (const s of ["Được tiếp nhận", "Yêu cầu bổ sung giấy tờ", "Đang xử lý", "Đã xử lý xong", "Đã trả kết quả"]) {
    await expect(citizen.getByTestId("thong-bao")).toContainText(`${code}: ${s}`);
  }
});
