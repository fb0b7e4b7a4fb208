import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FormDefinition } from "@/lib/forms/definition";
import { answersSchema, errorsByPath } from "@/lib/forms/answers";
import { answerLabels, displaySections, submittedPapers, type DisplayGroup } from "@/lib/forms/display";
import { computeFee, feeDetailLines } from "@/lib/forms/fees";
import { defaultFormDefinition, isConditionalPaper } from "@/lib/forms/default-form";

const TODAY = "2026-12-07";
const lists = {
  "dan-toc": [
    { code: "01", label: "Kinh" },
    { code: "02", label: "Tày" },
  ],
};
const load = (code: string) => FormDefinition.parse(JSON.parse(readFileSync(`prisma/data/forms/${code}.json`, "utf8")));
const marriage = load("1.000894");
const lltp = load("2.000488");

const form = FormDefinition.parse({
  format: 2,
  steps: [
    {
      id: "a",
      title: "Người khai",
      fields: [
        { id: "ngaySinh", type: "date", label: "Ngày sinh", required: true },
        {
          id: "gioiTinh",
          type: "radio",
          label: "Giới tính",
          options: [
            { value: "nam", label: "Nam" },
            { value: "nu", label: "Nữ" },
          ],
        },
        {
          id: "ngaySinhKetHon",
          type: "date",
          label: "Ngày sinh bên kết hôn",
          date: {
            minAgeWhen: [
              { when: { field: "gioiTinh", equals: "nam" }, minAge: 20 },
              { when: { field: "gioiTinh", equals: "nu" }, minAge: 18 },
            ],
          },
        },
        { id: "namSinh", type: "year", label: "Năm sinh của mẹ" },
        { id: "danToc", type: "select", label: "Dân tộc", list: "dan-toc" },
        { id: "soBan", type: "number", label: "Số bản", integer: true, min: 1, max: 5 },
        { id: "ghiChu", type: "text", label: "Ghi chú", maxLength: 5 },
        {
          id: "daKetHon",
          type: "radio",
          label: "Đã kết hôn",
          options: [
            { value: "co", label: "Có" },
            { value: "khong", label: "Không" },
          ],
        },
        {
          id: "thanhVien",
          type: "group",
          label: "Thành viên",
          itemLabel: "Thành viên",
          minItems: 1,
          maxItems: 2,
          fields: [
            { id: "hoTen", type: "text", label: "Họ tên", required: true },
            { id: "quanHe", type: "select", label: "Quan hệ", required: true, options: [{ value: "con", label: "Con" }] },
          ],
        },
      ],
    },
    {
      id: "an",
      title: "Bước ẩn",
      showWhen: { field: "daKetHon", equals: "co" },
      fields: [{ id: "lyDo", type: "text", label: "Lý do", required: true }],
    },
    {
      id: "giay-to",
      title: "Giấy tờ",
      fields: [
        {
          id: "banAn",
          type: "file",
          label: "Bản án ly hôn",
          showWhen: { field: "daKetHon", equals: "co" },
          requiredWhen: { field: "daKetHon", equals: "co" },
        },
      ],
    },
  ],
});
const FILE = "0b5f0d6e-6c4a-4c55-9a3e-1f2b3c4d5e6f";
const base = { ngaySinh: "1990-05-01", thanhVien: [{ hoTen: "A", quanHe: "con" }], daKetHon: "khong" };
const check = (raw: Record<string, unknown>) => {
  const r = answersSchema(form, { lists, today: TODAY }).safeParse(raw);
  return r.success ? { data: r.data, errors: {} as Record<string, string> } : { data: undefined, errors: errorsByPath(r.error.issues) };
};

describe("the answers schema (format 2)", () => {
  it("refuses a date next year and one in 1890, naming the field and saying why", () => {
    expect(check({ ...base, ngaySinh: "2027-01-10" }).errors.ngaySinh).toBe("Ngày sinh: ngày không hợp lệ — không được sau ngày hôm nay.");
    expect(check({ ...base, ngaySinh: "1890-03-01" }).errors.ngaySinh).toBe(
      "Ngày sinh: ngày không hợp lệ — không được trước ngày 01/01/1900.",
    );
    expect(check({ ...base, ngaySinh: TODAY }).errors).toEqual({});
  });

  it("applies the minimum age that depends on an answer (20 for a man, 18 for a woman) on the filing day", () => {
    const nineteen = "2007-06-01";
    expect(check({ ...base, gioiTinh: "nam", ngaySinhKetHon: nineteen }).errors.ngaySinhKetHon).toContain("chưa đủ 20 tuổi");
    expect(check({ ...base, gioiTinh: "nu", ngaySinhKetHon: nineteen }).errors).toEqual({});
    expect(check({ ...base, gioiTinh: "nu", ngaySinhKetHon: "2008-12-08" }).errors.ngaySinhKetHon).toContain("chưa đủ 18 tuổi");
    expect(check({ ...base, gioiTinh: "nu", ngaySinhKetHon: "2008-12-07" }).errors).toEqual({});
  });

  it("bounds years, numbers and text", () => {
    expect(check({ ...base, namSinh: "1899" }).errors.namSinh).toContain("từ 1900 đến 2026");
    expect(check({ ...base, namSinh: "2027" }).errors.namSinh).toContain("từ 1900 đến 2026");
    expect(check({ ...base, soBan: "2.5" }).errors.soBan).toBe("Số bản: vui lòng nhập số nguyên.");
    expect(check({ ...base, soBan: "9" }).errors.soBan).toBe("Số bản: vui lòng nhập số từ 1 đến 5.");
    expect(check({ ...base, ghiChu: "123456" }).errors.ghiChu).toBe("Ghi chú: không quá 5 ký tự.");
  });

  it("checks a code-list choice against the lists handed in", () => {
    expect(check({ ...base, danToc: "02" }).data?.danToc).toBe("02");
    expect(check({ ...base, danToc: "99" }).errors.danToc).toBe("Dân tộc: lựa chọn không hợp lệ.");
  });

  it("checks a repeating group's items, with errors under group.index.field", () => {
    expect(check({ ...base, thanhVien: [] }).errors.thanhVien).toBe("Thành viên: vui lòng kê khai ít nhất 1 mục.");
    const e = check({
      ...base,
      thanhVien: [
        { hoTen: "A", quanHe: "con" },
        { hoTen: "", quanHe: "x" },
      ],
    }).errors;
    expect(e["thanhVien.1.hoTen"]).toBe("Thành viên 2 — Họ tên: vui lòng nhập thông tin.");
    expect(e["thanhVien.1.quanHe"]).toContain("Quan hệ: lựa chọn không hợp lệ.");
    expect(
      check({
        ...base,
        thanhVien: [
          { hoTen: "A", quanHe: "con" },
          { hoTen: "B", quanHe: "con" },
          { hoTen: "C", quanHe: "con" },
        ],
      }).errors.thanhVien,
    ).toBe("Thành viên: không quá 2 mục.");
    expect(check({ ...base, thanhVien: [{ hoTen: " An ", quanHe: "con", la: "x" }] }).data?.thanhVien).toEqual([
      { hoTen: "An", quanHe: "con" },
    ]);
  });

  it("a paper follows its condition: required when it holds, hidden (and dropped) when not; hidden steps are skipped", () => {
    expect(check({ ...base, daKetHon: "co", lyDo: "x" }).errors.banAn).toBe("Bản án ly hôn: vui lòng tải lên tệp.");
    expect(check({ ...base, daKetHon: "co" }).errors.lyDo).toBe("Lý do: vui lòng nhập thông tin.");
    const hidden = check({ ...base, daKetHon: "khong", banAn: FILE, lyDo: "x" });
    expect(hidden.errors).toEqual({});
    expect(hidden.data).not.toHaveProperty("banAn");
    expect(hidden.data).not.toHaveProperty("lyDo");
  });

  it("the marriage form asks for the previous-marriage paper only when either party was married before", () => {
    const papers = (a: Record<string, unknown>) =>
      Object.keys(errorsByPath(answersSchema(marriage, { lists, today: TODAY }, ["giay-to"]).safeParse(a).error?.issues ?? []));
    expect(papers({ daKetHonTruocDay: "co" })).toEqual(["giayToHonNhanTruoc"]);
    expect(papers({ daKetHonTruocDay: "khong" })).toEqual([]);
  });
});

describe("display rows and labels", () => {
  it("shows labels, groups as numbered items, only visible fields and only submitted papers", () => {
    const answers = { ...base, danToc: "02", daKetHon: "co", lyDo: "x", banAn: FILE, gioiTinh: "nu" };
    const labels = answerLabels(form, answers, {
      listLabel: (l, c) => lists[l as "dan-toc"]?.find((i) => i.code === c)?.label,
      unitName: () => undefined,
      fileName: (id) => (id === "banAn" ? "ban-an.pdf" : undefined),
    });
    expect(labels).toMatchObject({ danToc: "Tày", gioiTinh: "Nữ", "thanhVien.0.quanHe": "Con", banAn: "ban-an.pdf" });
    const sections = displaySections(form, answers, labels);
    expect(sections.map((s) => s.title)).toEqual(["Người khai", "Bước ẩn", "Giấy tờ"]);
    const rows = sections[0]!.rows;
    expect(rows.find((r) => r.path === "ngaySinh")).toMatchObject({ text: "01/05/1990" });
    const group = rows.find((r) => r.path === "thanhVien") as DisplayGroup;
    expect(group.items[0]).toMatchObject({ heading: "Thành viên 1", rows: [{ text: "A" }, { label: "Quan hệ", text: "Con" }] });
    expect(submittedPapers(form, answers, labels)).toEqual([
      { fieldId: "banAn", label: "Bản án ly hôn", fileName: "ban-an.pdf", component: undefined },
    ]);
    // Hidden: the step, its field and the paper are gone, even with a value left in the answers.
    const no = { ...answers, daKetHon: "khong" };
    expect(displaySections(form, no, labels).map((s) => s.title)).toEqual(["Người khai"]);
    expect(submittedPapers(form, no, labels)).toEqual([]);
  });

  it("an address reads as the full names of its units, an old one's on the three-level map", () => {
    const def = FormDefinition.parse({
      format: 2,
      steps: [{ id: "a", title: "A", fields: [{ id: "diaChi", type: "address", label: "Địa chỉ" }] }],
    });
    // Keys of lib/forms/address-map.ts: "3:" and the code on the three-level map, the bare code on the 2025 map.
    const names: Record<string, string> = {
      "3:79": "Thành phố Hồ Chí Minh",
      "3:770": "Quận 3",
      "3:27139": "Phường Võ Thị Sáu",
      "79": "Thành phố Hồ Chí Minh",
      "27139": "Phường Xuân Hòa",
    };
    const labels = answerLabels(
      def,
      { diaChi: { province: "79", district: "770", ward: "27139", street: "45 Võ Văn Tần" } },
      {
        listLabel: () => undefined,
        unitName: (c) => names[c],
        fileName: () => undefined,
      },
    );
    expect(labels.diaChi).toBe("45 Võ Văn Tần, Phường Võ Thị Sáu, Quận 3, Thành phố Hồ Chí Minh");
    const fresh = answerLabels(
      def,
      { diaChi: { province: "79", district: "", ward: "27139", street: "45 Võ Văn Tần" } },
      { listLabel: () => undefined, unitName: (c) => names[c], fileName: () => undefined },
    );
    expect(fresh.diaChi).toBe("45 Võ Văn Tần, Phường Xuân Hòa, Thành phố Hồ Chí Minh");
  });
});

describe("fees", () => {
  it("judicial record: 200.000 đ; 100.000 đ for a student; 5.000 đ per copy beyond the second; 0 for the exempt", () => {
    const fee = (a: Record<string, unknown>) => computeFee(lltp, a, "online");
    expect(fee({ doiTuong: "thuong", soBan: "2" }).total).toBe(200000);
    expect(fee({ doiTuong: "sinh-vien", soBan: "1" }).total).toBe(100000);
    const four = fee({ doiTuong: "thuong", soBan: "4" });
    expect(four.total).toBe(210000);
    expect(four.lines.find((l) => l.id === "phiThem")).toMatchObject({ unitAmount: 5000, quantity: 2, subtotal: 10000 });
    const exempt = fee({ doiTuong: "nguoi-cao-tuoi", soBan: "3" });
    expect(exempt).toMatchObject({ total: 0, base: 205000, exemption: { id: "mien" } });
    expect(feeDetailLines(four)).toEqual([
      "Phí cung cấp thông tin lý lịch tư pháp: 200.000 đồng",
      "Phiếu thứ 3 trở đi: 5.000 đồng × 2 Phiếu = 10.000 đồng",
      "Tổng số tiền phải nộp: 210.000 đồng",
    ]);
  });

  it("a reduction by channel, and the channel's first fee line without rules", () => {
    const def = FormDefinition.parse({
      format: 2,
      steps: [{ id: "a", title: "A", fields: [{ id: "x", type: "text", label: "X" }] }],
      fees: {
        title: "Lệ phí",
        rules: [{ id: "le", label: "Lệ phí", amount: 100000 }],
        reductions: [{ id: "tt", label: "Nộp trực tuyến", percent: 50, channels: ["online"] }],
      },
    });
    expect(computeFee(def, {}, "online")).toMatchObject({ total: 50000, base: 100000, reduction: { amount: 50000, percent: 50 } });
    expect(computeFee(def, {}, "in_person")).toMatchObject({ total: 100000, reduction: null });
    const plain = FormDefinition.parse({ format: 2, steps: def.steps });
    expect(
      computeFee(plain, {}, "online", [
        { description: "Phí", amount: 30000 },
        { description: "Giảm", amount: 15000 },
      ]).total,
    ).toBe(30000);
    expect(computeFee(plain, {}, "online", []).total).toBe(0);
  });

  it("marriage registration of citizens residing in the country is exempt", () => {
    expect(computeFee(marriage, { cuTruTrongNuoc: true }, "online")).toMatchObject({ total: 0, exemption: { id: "trongNuoc" } });
  });
});

describe("the default form", () => {
  it("makes papers whose name says they are conditional optional, with help saying so", () => {
    expect(
      ["Giấy tờ (nếu có)", "Trường hợp ủy quyền: văn bản", "Đối với người nước ngoài: hộ chiếu", "Giấy xác nhận, nếu đã kết hôn"].every(
        isConditionalPaper,
      ),
    ).toBe(true);
    expect(isConditionalPaper("Tờ khai theo mẫu")).toBe(false);
    const def = defaultFormDefinition([
      { name: "Tờ khai theo mẫu", kind: "submit" },
      { name: "Văn bản ủy quyền (trường hợp ủy quyền thực hiện)", kind: "submit" },
    ]);
    const papers = def.steps.flatMap((s) => s.fields).filter((f) => f.type === "file");
    expect(papers.map((p) => [p.required, !!p.help])).toEqual([
      [true, false],
      [false, true],
    ]);
  });
});

describe("answers that count (review fixes)", () => {
  const def = FormDefinition.parse({
    format: 2,
    steps: [
      {
        id: "a",
        title: "A",
        fields: [
          { id: "coUyQuyen", type: "checkbox", label: "Nộp thay người khác" },
          { id: "nguoiUyQuyen", type: "text", label: "Người ủy quyền", showWhen: { field: "coUyQuyen", equals: true } },
          {
            id: "vanBan",
            type: "file",
            label: "Văn bản ủy quyền",
            requiredWhen: { field: "nguoiUyQuyen", filled: true },
            showWhen: { field: "nguoiUyQuyen", filled: true },
          },
          { id: "quocTich", type: "text", label: "Quốc tịch" },
          {
            id: "thanhVien",
            type: "group",
            label: "Thành viên",
            fields: [
              { id: "hoTen", type: "text", label: "Họ tên", required: true },
              { id: "hoChieu", type: "text", label: "Số hộ chiếu", requiredWhen: { field: "quocTich", filled: true } },
            ],
          },
        ],
      },
    ],
  });

  it("a value sent for a hidden field makes no condition hold, and is not kept", () => {
    const r = answersSchema(def, { today: TODAY }).safeParse({ coUyQuyen: false, nguoiUyQuyen: "Trần Văn B" });
    expect(r.success).toBe(true);
    expect(r.data).not.toHaveProperty("nguoiUyQuyen");
    // Shown, the same answer asks for the paper.
    const shown = answersSchema(def, { today: TODAY }).safeParse({ coUyQuyen: true, nguoiUyQuyen: "Trần Văn B" });
    expect(shown.success).toBe(false);
    expect(Object.keys(errorsByPath(shown.error!.issues))).toEqual(["vanBan"]);
  });

  it("a group item cannot shadow a top-level answer, and its extra keys are dropped", () => {
    const r = answersSchema(def, { today: TODAY }).safeParse({ quocTich: "Pháp", thanhVien: [{ hoTen: "A", quocTich: "" }] });
    expect(r.success).toBe(false);
    expect(Object.keys(errorsByPath(r.error!.issues))).toEqual(["thanhVien.0.hoChieu"]);
    const ok = answersSchema(def, { today: TODAY }).safeParse({ quocTich: "Pháp", thanhVien: [{ hoTen: "A", hoChieu: "X1", la: 1 }] });
    expect(ok.data).toEqual({ coUyQuyen: false, quocTich: "Pháp", thanhVien: [{ hoTen: "A", hoChieu: "X1" }] });
  });

  it("refuses an over-long label and a per-copy fee on a number without a maximum", () => {
    const base = { format: 2, steps: [{ id: "a", title: "A", fields: [{ id: "soBan", type: "number", label: "Số bản", min: 1 }] }] };
    expect(FormDefinition.safeParse({ ...base, title: "x".repeat(501) }).success).toBe(false);
    const fees = { title: "Phí", rules: [{ id: "banSao", label: "Bản sao", amount: 5000, perField: "soBan" }] };
    const r = FormDefinition.safeParse({ ...base, fees });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error!.issues)).toContain("needs a max");
  });
});
