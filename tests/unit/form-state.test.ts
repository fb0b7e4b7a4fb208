// The form plumbing's rules: what a refused form keeps, where hidden fields' errors go, and what success does.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { failure, type ActionResult } from "@/lib/errors/app-error";
import { readFields } from "@/lib/forms/action-state";

const revalidatePath = vi.fn();
const redirect = vi.fn((to: string) => {
  throw new Error(`redirect ${to}`);
});
vi.mock("next/cache", () => ({ revalidatePath: (p: string) => revalidatePath(p) }));
vi.mock("next/navigation", () => ({ redirect: (to: string) => redirect(to) }));
vi.mock("@/lib/auth/session-actor", () => ({ viaSession: vi.fn() }));

const { formState } = await import("@/lib/forms/form-state");

beforeEach(() => {
  revalidatePath.mockClear();
  redirect.mockClear();
});

describe("readFields", () => {
  it("reads the named fields as strings, trimmed unless told otherwise", () => {
    const fd = new FormData();
    fd.set("name", "  Tết  ");
    fd.set("file", new Blob(["x"]));
    expect(readFields(fd, ["name", "file", "missing"])).toEqual({ name: "Tết", file: "", missing: "" });
    expect(readFields(fd, ["name"], { trim: false })).toEqual({ name: "  Tết  " });
  });
});

describe("formState", () => {
  const refused: ActionResult<{ id: string }> = {
    ...failure("invalid", "Dữ liệu không hợp lệ."),
    fieldErrors: { name: "Tên: bắt buộc.", id: "Không tìm thấy." },
  };

  it("hands back what was typed with the errors when refused", () => {
    expect(formState(refused, { name: "" })).toEqual({
      ok: false,
      message: "Dữ liệu không hợp lệ.",
      fieldErrors: { name: "Tên: bắt buộc.", id: "Không tìm thấy." },
      values: { name: "" },
    });
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("makes a hidden field's error the message", () => {
    const s = formState(refused, { name: "a" }, { hidden: ["id"] });
    expect(s.message).toBe("Không tìm thấy.");
    expect(s.fieldErrors).toEqual({ name: "Tên: bắt buộc." });
  });

  it("on success revalidates, then redirects", () => {
    const ok: ActionResult<{ id: string }> = { ok: true, data: { id: "7" } };
    expect(() => formState(ok, { name: "a" }, { revalidate: (d) => [`/x/${d.id}`], redirectTo: (d) => `/x/${d.id}?tb=luu` })).toThrow(
      "redirect /x/7?tb=luu",
    );
    expect(revalidatePath).toHaveBeenCalledWith("/x/7");
  });

  it("on success without a redirect shows a message and data once, and forgets what was typed", () => {
    const ok: ActionResult<{ key: string }> = { ok: true, data: { key: "k-1" } };
    const s = formState(ok, { label: "a" }, { revalidate: ["/p"], done: (d) => ({ message: "Đã tạo.", data: { secret: d.key } }) });
    expect(s).toEqual({ ok: true, message: "Đã tạo.", data: { secret: "k-1" }, fieldErrors: {}, values: {} });
    expect(formState(ok, { label: "a" }, { keepValues: true }).values).toEqual({ label: "a" });
  });
});
