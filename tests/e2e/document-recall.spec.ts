// Recall of a sent document from the web (issue 17, must-show 4): VPCP asks HCMC's copy back from the sent
// register after confirming; HCMC refuses once (16, with a reason), then agrees (15); VPCP sees each answer.
// A recall or a refusal posted without the ticked confirmation does nothing and keeps the typed reason.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, pageAs } from "./helpers";

const HCMC = "000.00.00.H29";

async function atWidth(page: Page, width: 1280 | 320) {
  await page.setViewportSize({ width, height: 800 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("VPCP recalls a sent document after confirming; HCMC refuses, then agrees; VPCP sees the copy recalled", async ({ browser }) => {
  // Four signed-in page loads a side and four axe runs: under a minute alone, more on the shared machine.
  test.setTimeout(150_000);
  const vpcp = await pageAs(browser, "admin");
  const subject = `V/v rà soát quy trình nội bộ giải quyết thủ tục hành chính ${Date.now()}`;
  await vpcp.goto("/can-bo/van-ban-di/soan");
  await vpcp.getByLabel("Trích yếu").fill(subject);
  await vpcp.getByLabel("Chức vụ người ký").fill("KT. BỘ TRƯỞNG, CHỦ NHIỆM – PHÓ CHỦ NHIỆM");
  await vpcp.getByLabel("Họ tên người ký").fill("Nguyễn Văn Nên");
  await vpcp.getByRole("checkbox", { name: /Ủy ban nhân dân thành phố Hồ Chí Minh/ }).check();
  await vpcp.getByRole("button", { name: "Gửi văn bản" }).click();
  await expect(vpcp.getByRole("status")).toContainText("Đã gửi văn bản");
  const item = () => vpcp.getByTestId("so-van-ban-di").getByRole("listitem").filter({ hasText: subject }).first();
  const notation = (await item().locator("strong").first().textContent())!;

  // The recall is offered for the open copy; without the ticked confirmation nothing happens and the reason stays.
  const recall = async (reason: string) => {
    await item().getByTestId(`lay-lai-${HCMC}`).locator("summary").click();
    const form = item().getByRole("form", { name: new RegExp(`^Lấy lại văn bản ${notation} tại`) });
    await form.getByLabel("Lý do lấy lại").fill(reason);
    return form;
  };
  const reason = "Văn bản gửi nhầm phụ lục, sẽ gửi bản cập nhật";
  let form = await recall(reason);
  await form.getByRole("button", { name: "Lấy lại" }).click();
  await expect(form.getByRole("alert")).toContainText("vui lòng đánh dấu ô xác nhận yêu cầu lấy lại văn bản");
  await expect(form.getByLabel("Lý do lấy lại")).toHaveValue(reason);
  await expect(item().getByTestId(`noi-nhan-${HCMC}`)).toContainText("01 – Đã đến");
  await atWidth(vpcp, 1280);
  await form.getByRole("checkbox", { name: "Tôi xác nhận yêu cầu lấy lại văn bản này." }).check();
  await form.getByRole("button", { name: "Lấy lại" }).click();
  await expect(vpcp.getByRole("status").filter({ hasText: "Đã gửi yêu cầu lấy lại văn bản." })).toBeVisible();
  const row = item().getByTestId(`noi-nhan-${HCMC}`);
  await expect(row).toContainText("13 – Lấy lại");
  await expect(row.getByTestId("dien-bien").getByRole("listitem").last()).toContainText(`Bên gửi yêu cầu lấy lại văn bản`);
  await expect(row.getByTestId("dien-bien")).toContainText(`Lý do: ${reason}`);
  await expect(row.getByTestId("dien-bien")).not.toContainText(/\b13\b/);
  await expect(item().getByTestId(`lay-lai-${HCMC}`)).toHaveCount(0);

  // HCMC sees the request prominently and refuses once, with a reason, after confirming.
  const hcm = await pageAs(browser, "officer");
  await hcm.goto(`/can-bo/van-ban-den?q=${encodeURIComponent(subject)}`);
  await expect(hcm.getByTestId("yeu-cau-lay-lai")).toContainText("đang yêu cầu lấy lại");
  const copy = hcm.getByTestId(`den-${notation}`);
  await expect(copy.getByTestId("yeu-cau")).toContainText(`Lý do: ${reason}`);
  await atWidth(hcm, 1280);
  await atWidth(hcm, 320);
  const refusal = "Đã phân công xử lý, đề nghị gửi văn bản sửa đổi thay vì lấy lại";
  const refuse = copy.getByRole("form", { name: `Từ chối lấy lại – ${notation}` });
  await refuse.getByLabel("Lý do từ chối cho lấy lại").fill(refusal);
  await refuse.getByRole("button", { name: "Từ chối" }).click();
  await expect(refuse.getByRole("alert")).toContainText("vui lòng đánh dấu ô xác nhận từ chối cho lấy lại");
  await expect(refuse.getByLabel("Lý do từ chối cho lấy lại")).toHaveValue(refusal);
  await refuse.getByRole("checkbox").check();
  await refuse.getByRole("button", { name: "Từ chối" }).click();
  await expect(hcm.getByRole("status").filter({ hasText: "Đã từ chối cho bên gửi lấy lại văn bản." })).toBeVisible();
  await expect(hcm.getByTestId(`den-${notation}`)).toContainText("01 – Đã đến");
  await expect(hcm.getByTestId(`den-${notation}`).getByTestId("yeu-cau")).toHaveCount(0);

  // VPCP sees the refusal and its reason, and may ask again; this time HCMC agrees.
  await vpcp.goto(`/can-bo/van-ban-di?q=${encodeURIComponent(subject)}`);
  await expect(item().getByTestId(`noi-nhan-${HCMC}`).getByTestId("dien-bien")).toContainText(`Nơi nhận từ chối cho lấy lại văn bản`);
  await expect(item().getByTestId(`noi-nhan-${HCMC}`).getByTestId("dien-bien")).toContainText(`Lý do: ${refusal}`);
  form = await recall("Đề nghị lấy lại để ban hành văn bản thay thế");
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "Lấy lại" }).click();
  await expect(item().getByTestId(`noi-nhan-${HCMC}`)).toContainText("13 – Lấy lại");

  await hcm.goto(`/can-bo/van-ban-den?q=${encodeURIComponent(subject)}`);
  const agree = hcm.getByTestId(`den-${notation}`).getByRole("form", { name: `Đồng ý lấy lại – ${notation}` });
  await agree.getByRole("checkbox", { name: "Tôi xác nhận đồng ý cho bên gửi lấy lại văn bản." }).check();
  await agree.getByRole("button", { name: "Đồng ý lấy lại" }).click();
  await expect(hcm.getByRole("status").filter({ hasText: "Đã đồng ý cho bên gửi lấy lại văn bản." })).toBeVisible();
  await expect(hcm.getByTestId(`den-${notation}`)).toContainText("15 – Đồng ý lấy lại / cập nhật");

  await vpcp.goto(`/can-bo/van-ban-di?q=${encodeURIComponent(subject)}`);
  const done = item().getByTestId(`noi-nhan-${HCMC}`);
  await expect(done).toContainText("15 – Đồng ý lấy lại / cập nhật");
  await expect(done.getByTestId("dien-bien").getByRole("listitem").last()).toContainText("Nơi nhận đồng ý cho lấy lại văn bản");
  await expect(item().getByTestId("lay-lai")).toHaveCount(0);
  await atWidth(vpcp, 320);
});
