// The seed puts each procedure's own declaration form on every service of that procedure, and the code lists
// the forms choose from into code_list / code_list_item.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { FormDefinition, paperFields } from "@/lib/forms/definition";
import { listsUsed } from "@/lib/forms/codelists";

describe("seeded forms and code lists", () => {
  it("gives every service of permanent-residence registration the CT01 form, not the default one", async () => {
    const services = await db.service.findMany({
      where: { procedure: { code: "1.004222" } },
      select: { code: true, formVersion: { select: { definition: true } } },
    });
    expect(services.length).toBe(63); // one per 2016 province; the 29 retired in 2025 unpublished, as history
    for (const s of services) {
      const def = FormDefinition.parse(s.formVersion.definition);
      expect(def.source?.form).toContain("CT01");
      expect(def.fees?.rules.map((r) => r.amount).sort()).toEqual([10000, 20000]);
      // The proof of kinship is asked only of those registering with relatives.
      expect(paperFields(def).find((p) => p.component === 2)?.requiredWhen).toEqual({ field: "canCu", equals: "nhan-than" });
    }
  });

  it("gives the death-registration services their form, whose code lists are all seeded", async () => {
    const s = await db.service.findFirst({
      where: { procedure: { code: "1.000656" }, agency: { identifier: "000.00.00.H29" } },
      include: { formVersion: true },
    });
    const def = FormDefinition.parse(s!.formVersion.definition);
    expect(def.title).toBe("TỜ KHAI ĐĂNG KÝ KHAI TỬ");
    const ids = listsUsed(def);
    expect(ids).toEqual(["dan-toc", "quan-he", "quoc-tich"]);
    const lists = await db.codeList.findMany({ where: { id: { in: ids } }, include: { _count: { select: { items: true } } } });
    expect(lists.map((l) => l.id).sort()).toEqual(ids);
    expect(lists.find((l) => l.id === "dan-toc")?._count.items).toBe(54);
    const vn = await db.codeListItem.findUnique({ where: { listId_code: { listId: "quoc-tich", code: "VN" } } });
    expect(vn).toMatchObject({ label: "Việt Nam", position: expect.any(Number) });
  });
});
