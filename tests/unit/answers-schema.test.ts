import { describe, expect, it } from "vitest";
import { FormDefinition } from "@/lib/forms/definition";
import { answersSchema } from "@/lib/forms/answers";

const form = FormDefinition.parse({
  version: 1,
  steps: [
    {
      id: "a",
      title: "Người được khai sinh",
      fields: [
        { id: "hoTen", type: "text", label: "Họ, chữ đệm, tên", required: true },
        {
          id: "gioiTinh",
          type: "radio",
          label: "Giới tính",
          required: true,
          options: [
            { value: "nam", label: "Nam" },
            { value: "nu", label: "Nữ" },
          ],
        },
        {
          id: "danToc",
          type: "select",
          label: "Dân tộc",
          required: true,
          options: [
            { value: "kinh", label: "Kinh" },
            { value: "tay", label: "Tày" },
          ],
        },
        { id: "canNang", type: "number", label: "Cân nặng (gam)" },
        { id: "ngaySinh", type: "date", label: "Ngày sinh", required: true },
        { id: "yeuToNuocNgoai", type: "checkbox", label: "Có yếu tố nước ngoài" },
        {
          id: "quocTich",
          type: "text",
          label: "Quốc tịch của cha hoặc mẹ",
          required: true,
          showWhen: { field: "yeuToNuocNgoai", equals: true },
        },
      ],
    },
    {
      id: "b",
      title: "Người yêu cầu",
      fields: [
        { id: "cccd", type: "cccd", label: "Số căn cước công dân", required: true },
        { id: "dienThoai", type: "phone", label: "Số điện thoại", required: true },
        { id: "email", type: "email", label: "Thư điện tử" },
        { id: "diaChi", type: "address", label: "Nơi cư trú", required: true },
        { id: "camKet", type: "checkbox", label: "Cam kết", required: true },
        { id: "giayChungSinh", type: "file", label: "Giấy chứng sinh", required: true },
      ],
    },
  ],
});

const good = {
  hoTen: "  Trần Minh Khôi ",
  gioiTinh: "nam",
  danToc: "kinh",
  canNang: "3200",
  ngaySinh: "2026-11-01",
  cccd: "079190012345",
  dienThoai: "+84 912 345 678",
  email: "Me@Example.com",
  diaChi: { province: "79", district: "760", ward: "26734", street: " 12 Lê Lợi " },
  camKet: true,
  giayChungSinh: "0b5f0d6e-6c4a-4c55-9a3e-1f2b3c4d5e6f",
};

const errors = (raw: Record<string, unknown>, steps?: string[]) => {
  const r = answersSchema(form, { today: "2026-12-07" }, steps).safeParse(raw);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("the answers schema built from a form definition", () => {
  it("cleans valid answers", () => {
    const r = answersSchema(form).parse(good);
    expect(r.hoTen).toBe("Trần Minh Khôi");
    expect(r.dienThoai).toBe("0912345678");
    expect(r.email).toBe("me@example.com");
    expect(r.diaChi).toEqual({ province: "79", district: "760", ward: "26734", street: "12 Lê Lợi" });
    expect(r.yeuToNuocNgoai).toBe(false);
    expect(r.quocTich).toBeUndefined();
  });

  it("names each field's problem", () => {
    const e = errors({
      ...good,
      hoTen: "",
      gioiTinh: "khac",
      danToc: "",
      canNang: "ba ký",
      ngaySinh: "2026-02-30",
      cccd: "123",
      dienThoai: "0123",
      email: "x@",
      diaChi: { province: "79", district: "", ward: "", street: "" },
      camKet: false,
      giayChungSinh: "",
    });
    expect(e).toEqual({
      hoTen: "Họ, chữ đệm, tên: vui lòng nhập thông tin.",
      gioiTinh: "Giới tính: lựa chọn không hợp lệ.",
      danToc: "Dân tộc: vui lòng chọn.",
      canNang: "Cân nặng (gam): vui lòng nhập một số.",
      ngaySinh: "Ngày sinh: ngày không hợp lệ.",
      cccd: expect.stringMatching(/^Số căn cước công dân: phải gồm 12 chữ số/),
      dienThoai: expect.stringMatching(/^Số điện thoại: không hợp lệ/),
      email: "Thư điện tử: thư điện tử không hợp lệ.",
      diaChi: expect.stringMatching(/^Nơi cư trú: vui lòng chọn tỉnh/),
      camKet: "Cam kết: vui lòng xác nhận.",
      giayChungSinh: "Giấy chứng sinh: vui lòng tải lên tệp.",
    });
  });

  it("requires a conditional field only when it is shown, and drops it when hidden", () => {
    expect(errors({ ...good, yeuToNuocNgoai: true }).quocTich).toBe("Quốc tịch của cha hoặc mẹ: vui lòng nhập thông tin.");
    const r = answersSchema(form).parse({ ...good, yeuToNuocNgoai: false, quocTich: "Pháp" });
    expect(r.quocTich).toBeUndefined();
    expect(answersSchema(form).parse({ ...good, yeuToNuocNgoai: true, quocTich: "Pháp" }).quocTich).toBe("Pháp");
  });

  it("checks one step at a time", () => {
    expect(Object.keys(errors({ hoTen: "" }, ["a"])).sort()).toEqual(["danToc", "gioiTinh", "hoTen", "ngaySinh"]);
    expect(errors({}, ["b"]).hoTen).toBeUndefined();
  });

  it("leaves optional blanks out", () => {
    const r = answersSchema(form).parse({ ...good, canNang: "", email: "" });
    expect("canNang" in r).toBe(false);
    expect("email" in r).toBe(false);
  });
});
