import { describe, expect, it } from "vitest";
import { compatibleAnswers, diffDefinitions } from "@/lib/forms/compare";
import { FormDefinition } from "@/lib/forms/definition";
import { checkDefinition } from "@/lib/forms/publish-check";

const v1 = FormDefinition.parse({
  format: 2,
  steps: [
    {
      id: "a",
      title: "Người khai",
      fields: [
        { id: "hoTen", type: "text", label: "Họ và tên", required: true },
        {
          id: "gioiTinh",
          type: "radio",
          label: "Giới tính",
          options: [
            { value: "nam", label: "Nam" },
            { value: "nu", label: "Nữ" },
          ],
        },
        { id: "giayTo", type: "file", label: "Bản sao giấy tờ" },
      ],
    },
  ],
});

describe("comparing two versions of a form", () => {
  const v2 = FormDefinition.parse({
    ...v1,
    steps: [
      {
        ...v1.steps[0]!,
        fields: [
          { id: "hoTen", type: "text", label: "Họ, chữ đệm và tên", required: true },
          { id: "gioiTinh", type: "radio", label: "Giới tính", options: [{ value: "nu", label: "Nữ" }] },
          { id: "ngheNghiep", type: "text", label: "Nghề nghiệp" },
        ],
      },
    ],
  });

  it("lists fields and papers added, removed and changed, with what changed", () => {
    const d = diffDefinitions(v1, v2);
    expect(d.fields).toEqual([
      { id: "hoTen", label: "Họ, chữ đệm và tên", kind: "changed", aspects: ["label"] },
      { id: "gioiTinh", label: "Giới tính", kind: "changed", aspects: ["options"] },
      { id: "ngheNghiep", label: "Nghề nghiệp", kind: "added", aspects: [] },
    ]);
    expect(d.papers).toEqual([{ id: "giayTo", label: "Bản sao giấy tờ", kind: "removed", aspects: [] }]);
    expect(diffDefinitions(v1, v1)).toEqual({ steps: [], fields: [], papers: [], feesChanged: false, titleChanged: false });
  });

  it("keeps the answers that still fit and names the others", () => {
    const r = compatibleAnswers({ hoTen: "An", gioiTinh: "nam", giayTo: "uuid" }, v1, v2);
    expect(r.answers).toEqual({ hoTen: "An" });
    expect(r.dropped.map((d) => d.id)).toEqual(["gioiTinh", "giayTo"]);
  });
});

describe("what blocks publishing", () => {
  it("refuses a step shown on an option that does not exist, naming the step", () => {
    const raw = {
      format: 2,
      steps: [
        v1.steps[0],
        {
          id: "b",
          title: "Người nước ngoài",
          showWhen: { field: "gioiTinh", equals: "khac" },
          fields: [{ id: "x", type: "text", label: "X" }],
        },
      ],
    };
    const r = checkDefinition(raw);
    expect(r.definition).toBeNull();
    expect(r.problems.map((p) => p.message)).toEqual([
      "Bước 2 «Người nước ngoài»: bước không bao giờ hiện được (trường «gioiTinh» không có lựa chọn tương ứng).",
    ]);
    expect(checkDefinition(v1).problems).toEqual([]);
  });

  it("names an option-less select by its step and field", () => {
    const raw = { format: 2, steps: [{ id: "a", title: "Chung", fields: [{ id: "loai", type: "select", label: "Loại" }] }] };
    expect(checkDefinition(raw).problems.map((p) => p.message)).toEqual([
      "Bước 1 «Chung», trường 1 «Loại»: trường chọn cần có danh sách lựa chọn hoặc danh mục.",
    ]);
  });
});

describe("problems with a definition's shape, in Vietnamese", () => {
  it("names where an empty label, a missing fee condition and an unknown key are", () => {
    const { definition, problems } = checkDefinition({
      format: 2,
      steps: [{ id: "a", title: "Người khai", fields: [{ id: "hoTen", type: "text", label: "", oops: 1 }] }],
      fees: { title: "Lệ phí", rules: [{ id: "r", label: "Lệ phí", amount: 1000 }], exemptions: [{ id: "m", label: "Miễn" }] },
    });
    expect(definition).toBeNull();
    const text = problems.map((p) => p.message).join("\n");
    expect(text).toContain("chưa nhập");
    expect(text).toContain("có mục không được phép (oops)");
    expect(text).toContain("Phí, lệ phí");
    expect(text).not.toMatch(/Too small|Invalid|Unrecognized/);
  });
});
