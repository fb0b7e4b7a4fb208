import { describe, expect, it } from "vitest";
import { CitizenRegistration } from "@/lib/accounts/registration-schema";
import { fieldErrorsOf } from "@/lib/errors/app-error";

const valid = {
  fullName: "Trần Thị Lan",
  cccd: "079190012345",
  dateOfBirth: "1990-05-12",
  phone: "+84 912 345 678",
  email: "Lan.Tran@Example.com",
  password: "sen hồng trong đầm",
  passwordConfirm: "sen hồng trong đầm",
};

function errors(input: Record<string, string>) {
  const r = CitizenRegistration.safeParse(input);
  return r.success ? {} : fieldErrorsOf(r.error);
}

describe("citizen registration", () => {
  it("accepts a valid registration and normalises it", () => {
    const r = CitizenRegistration.parse(valid);
    expect(r.phone).toBe("0912345678");
    expect(r.email).toBe("lan.tran@example.com");
  });
  it("names the field in each message", () => {
    const e = errors({ ...valid, cccd: "12345", phone: "12345", email: "khong-phai-email", passwordConfirm: "khac" });
    expect(e.cccd).toMatch(/^Số căn cước công dân/);
    expect(e.phone).toMatch(/^Số điện thoại di động/);
    expect(e.email).toMatch(/^Thư điện tử/);
    expect(e.passwordConfirm).toMatch(/^Nhập lại mật khẩu/);
    expect(e.fullName).toBeUndefined();
  });
  it("checks the CCCD against the date of birth", () => {
    expect(errors({ ...valid, dateOfBirth: "1991-05-12" }).cccd).toContain("(91)");
    expect(errors({ ...valid, cccd: "079390012345" }).cccd).toContain("thế kỷ");
    expect(errors({ ...valid, cccd: "099190012345" }).cccd).toContain("mã tỉnh");
  });
  it("refuses a date of birth in the future or impossible", () => {
    expect(errors({ ...valid, dateOfBirth: "2999-01-01" }).dateOfBirth).toBeDefined();
    expect(errors({ ...valid, dateOfBirth: "1990-02-30" }).dateOfBirth).toBeDefined();
  });
  it("wants at least 12 characters and no composition rules (NIST SP 800-63B)", () => {
    expect(errors({ ...valid, password: "12345678", passwordConfirm: "12345678" }).password).toBe(
      "Mật khẩu: cần ít nhất 12 ký tự. Gợi ý: dùng một cụm từ dễ nhớ gồm nhiều từ không liên quan đến nhau (có thể có dấu cách).",
    );
    expect(errors({ ...valid, password: "abc1", passwordConfirm: "abc1" }).password).toMatch(/^Mật khẩu: cần ít nhất 12 ký tự/);
    // Letters only, spaces and diacritics are fine; a decomposed "ệ" counts as one character.
    expect(errors({ ...valid, password: "hoa sen trắng", passwordConfirm: "hoa sen trắng" }).password).toBeUndefined();
    const decomposed = "tiê\u0323n le\u0302\u0323 đi".normalize("NFD");
    expect(errors({ ...valid, password: decomposed, passwordConfirm: decomposed }).password).toMatch(/ít nhất 12/);
    expect(errors({ ...valid, password: "x".repeat(129), passwordConfirm: "x".repeat(129) }).password).toMatch(/tối đa 128/);
  });
});
