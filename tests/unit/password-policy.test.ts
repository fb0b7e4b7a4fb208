// The guessability check behind every new password (registration, change, reset).
import { describe, expect, it } from "vitest";
import { passwordWeakness, weaknessMessage } from "@/lib/accounts/password-policy";
import { passwordLength, PASSWORD_MIN_LENGTH } from "@/lib/accounts/password-rules";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

const person = {
  fullName: "Lê Văn Tám",
  email: "le.van.tam@example.com",
  cccd: "001098123456",
  dateOfBirth: "1998-09-02",
  phone: "0978123456",
};

describe("password policy", { timeout: 60_000 }, () => {
  it("12345678 is refused", () => {
    expect(passwordLength("12345678")).toBeLessThan(PASSWORD_MIN_LENGTH);
    // Long enough or not, it is a common password, as is matkhau123.
    expect(passwordWeakness("12345678")).toBe("common");
    expect(passwordWeakness("matkhau123")).toBe("common");
  });

  it("refuses common and Vietnamese-built passwords of any length", () => {
    for (const p of ["123456789012", "matkhau123456", "Matkhau@2026", "anhyeuem2026", "Mật khẩu 12345", "password1234", "qwertyuiop12"])
      expect(passwordWeakness(p), p).toBe("common");
  });

  it("refuses passwords built from the person's name, CCCD, date of birth or phone", () => {
    for (const p of ["levantam1998", "LeVanTam@1998", "001098123456", "Tam0978123456"])
      expect(passwordWeakness(p, person), p).toBe("personal");
  });

  it("accepts long phrases, with or without diacritics", () => {
    for (const p of ["mùa thu lá vàng bay", "Sông Hồng chảy qua 3 cầu", "hoa sen trên đầm", "ChieuTaHuongLua9"])
      expect(passwordWeakness(p, person), p).toBeNull();
  });

  it("says which field, why, and what to do", () => {
    expect(weaknessMessage("common")).toMatch(/^Mật khẩu: quá phổ biến hoặc dễ đoán .* Gợi ý: /);
    expect(weaknessMessage("personal", "Mật khẩu mới")).toMatch(/^Mật khẩu mới: dễ đoán vì dựa vào họ tên/);
  });
});

describe("password hashing", () => {
  it("treats a Vietnamese letter typed precomposed or decomposed as the same", async () => {
    const typed = "Tiếng Việt có dấu";
    const stored = await hashPassword(typed.normalize("NFD"));
    expect(await verifyPassword(stored, typed.normalize("NFC"))).toBe(true);
    expect(await verifyPassword(stored, "Tieng Viet co dau")).toBe(false);
  });
});
