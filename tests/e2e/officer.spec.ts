import { expect, type Page } from "@playwright/test";
import { expectAccessible, fileBirthRegistration, pageAs, PNG, test } from "./helpers";

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
  // Asking for papers (from the menu of other actions) needs the reason and the list.
  await officer.getByTestId("thao-tac-khac").locator("summary").click();
  await officer.getByRole("link", { name: "Yêu cầu bổ sung, hoàn thiện hồ sơ" }).click();
  const ask = officer.getByRole("form", { name: "Yêu cầu bổ sung, hoàn thiện hồ sơ" });
  await ask.getByRole("button").click();
  await expect(ask.getByRole("alert")).toContainText("Lý do yêu cầu bổ sung: vui lòng nhập lý do");
  await expect(ask.getByRole("alert")).toContainText("Giấy tờ cần bổ sung: vui lòng liệt kê ít nhất một giấy tờ");
  await officerAct(officer, "Yêu cầu bổ sung, hoàn thiện hồ sơ", "Yêu cầu bổ sung giấy tờ", async (f) => {
    await f.getByLabel("Giấy tờ cần bổ sung").fill("Giấy chứng sinh bản rõ nét");
    await f.getByLabel("Lý do yêu cầu bổ sung").fill("Bản chụp giấy chứng sinh bị mờ.");
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
    await f.getByRole("checkbox").check();
  });
  await officerAct(officer, "Trả kết quả", "Đã trả kết quả", (f) => f.getByRole("checkbox").check());
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
  await citizen.goto("/thong-bao");
  for (const s of ["Được tiếp nhận", "Yêu cầu bổ sung giấy tờ", "Đang xử lý", "Đã xử lý xong", "Đã trả kết quả"]) {
    await expect(citizen.getByTestId("thong-bao")).toContainText(`${code}: ${s}`);
  }
});
