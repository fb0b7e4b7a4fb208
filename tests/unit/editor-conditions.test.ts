import { describe, expect, it } from "vitest";
import { FormDefinition, type Condition, type FormField } from "@/lib/forms/definition";
import { fieldsBefore, operatorsFor, readCondition, startCondition, writeCondition } from "@/lib/forms/editor-conditions";
import { checkDefinition } from "@/lib/forms/publish-check";

const box: FormField = { id: "coCon", type: "checkbox", label: "Có con chung", required: false };
const gender: FormField = {
  id: "gioiTinh",
  type: "radio",
  label: "Giới tính",
  required: true,
  options: [
    { value: "nam", label: "Nam" },
    { value: "nu", label: "Nữ" },
  ],
};
const copies: FormField = { id: "soBan", type: "number", label: "Số bản", required: false };

describe("condition builder ↔ Condition", () => {
  const simple: Condition[] = [
    { field: "coCon", equals: true },
    { field: "coCon", equals: false },
    { field: "gioiTinh", equals: "nu" },
    { field: "gioiTinh", in: ["nam", "nu"] },
    { field: "hoTen", filled: true },
    { field: "hoTen", filled: false },
    { field: "soBan", equals: 2 },
  ];
  it.each(simple)("reads and writes back %j unchanged", (c) => {
    const read = readCondition(c);
    expect(read.kind).toBe("simple");
    if (read.kind !== "simple") return;
    expect(writeCondition(read.value, read.value.field === "soBan" ? copies : undefined)).toEqual(c);
  });

  it("shows a compound condition as compound, and none as none", () => {
    expect(readCondition({ all: [{ field: "a", filled: true }] }).kind).toBe("compound");
    expect(readCondition({ not: { field: "a", filled: true } }).kind).toBe("compound");
    expect(readCondition(undefined).kind).toBe("none");
  });

  it("writes nothing while incomplete; trims and drops empty codes", () => {
    expect(writeCondition({ field: "", op: "filled", values: [] })).toBeNull();
    expect(writeCondition({ field: "x", op: "equals", values: ["  "] })).toBeNull();
    expect(writeCondition({ field: "x", op: "in", values: [" 01", "", "02 "] })).toEqual({ field: "x", in: ["01", "02"] });
    // A text field's value stays a string even when it looks like a number.
    expect(writeCondition({ field: "x", op: "equals", values: ["5"] })).toEqual({ field: "x", equals: "5" });
  });

  it("offers operators by kind and starts from a complete condition", () => {
    expect(operatorsFor(box)).toEqual(["checked", "unchecked"]);
    expect(operatorsFor(gender)).toContain("in");
    expect(writeCondition(startCondition(box), box)).toEqual({ field: "coCon", equals: true });
    expect(writeCondition(startCondition(gender), gender)).toEqual({ field: "gioiTinh", equals: "nam" });
    expect(writeCondition(startCondition(copies), copies)).toEqual({ field: "soBan", filled: true });
  });
});

describe("fieldsBefore", () => {
  const def = {
    steps: [
      { id: "a", title: "A", fields: [gender, box] },
      { id: "b", title: "B", fields: [copies, { id: "giayTo", type: "file", label: "Giấy", required: false } as FormField] },
    ],
  };
  it("gives a step the earlier steps' fields, a field also those before it in its step, fees every field", () => {
    expect(fieldsBefore(def, { step: 1 }).map((f) => f.id)).toEqual(["gioiTinh", "coCon"]);
    expect(fieldsBefore(def, { step: 1, field: 1 }).map((f) => f.id)).toEqual(["gioiTinh", "coCon", "soBan"]);
    expect(fieldsBefore(def, { step: 0, field: 0 })).toEqual([]);
    expect(fieldsBefore(def).map((f) => f.id)).toEqual(["gioiTinh", "coCon", "soBan", "giayTo"]);
  });

  it("a paper required and shown when a checkbox is ticked, with an exemption on it, parses and passes the publish check", () => {
    const paper: FormField = {
      id: "giayToMoi1",
      type: "file",
      label: "Giấy khai sinh của con chung",
      required: false,
      component: 1,
      showWhen: writeCondition(startCondition(box), box)!,
      requiredWhen: writeCondition(startCondition(box), box)!,
    };
    const raw = {
      format: 2,
      steps: [{ id: "a", title: "A", fields: [gender, box, paper] }],
      fees: {
        title: "Lệ phí",
        rules: [{ id: "phi1", label: "Lệ phí", amount: 10000 }],
        exemptions: [{ id: "mien1", label: "Miễn", when: writeCondition({ field: "coCon", op: "checked", values: [] })! }],
      },
    };
    expect(FormDefinition.safeParse(raw).success).toBe(true);
    expect(checkDefinition(raw).problems).toEqual([]);
  });
});
