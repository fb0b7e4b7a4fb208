// The seed as of today: the two-level map of 1 July 2025 current, the three-level map kept as history, and the
// provincial committees merged away retired with their successors (Resolution 202/2025/QH15).
import { describe, expect, it } from "vitest";
import { adminUnitChildren } from "@/lib/agencies/admin-units";
import { listAgencies } from "@/lib/agencies/queries";
import { currentSuccessor } from "@/lib/agencies/succession";
import { db } from "@/lib/db/client";
import { GET } from "@/app/api/dia-gioi/route";
import { unitKey } from "@/lib/forms/address-map";
import { withClient } from "@/lib/db/admin";
import { seedReference } from "@/prisma/seed/reference";
import { OLD_ADDRESS_DOSSIER, seedDemoOldAddressDossier } from "@/prisma/seed/demo-old-address";
import { computeAnswerLabels, dossierAnswerLabels, unitNames } from "@/lib/forms/labels-store";
import { FormDefinition } from "@/lib/forms/definition";

const id = (n: string) => `000.00.00.${n}`;

describe("the 2025 map in the seed", () => {
  it("holds 34 current provinces and 3,321 current communes, and the 63 provinces of the three-level map as history", async () => {
    expect(await db.adminUnit.count({ where: { map: "TWO_LEVEL", level: "PROVINCE", validTo: null } })).toBe(34);
    expect(await db.adminUnit.count({ where: { map: "TWO_LEVEL", level: "WARD", validTo: null } })).toBe(3321);
    expect(await db.adminUnit.count({ where: { map: "TWO_LEVEL", level: "DISTRICT" } })).toBe(0);
    const old = await db.adminUnit.findMany({ where: { map: "THREE_LEVEL", level: "PROVINCE" } });
    expect(old).toHaveLength(63);
    for (const p of old) expect(p.validTo?.toISOString().slice(0, 10)).toBe("2025-07-01");
    const hcm = await db.adminUnit.findUniqueOrThrow({ where: { map_code: { map: "TWO_LEVEL", code: "79" } } });
    expect(hcm.predecessors.sort()).toEqual(["74", "77", "79"]);
    expect(hcm.validFrom?.toISOString().slice(0, 10)).toBe("2025-07-01");
  });

  it("offers province → commune in the picker, and keeps the old codes resolvable on their own map", async () => {
    const provinces = await adminUnitChildren(null);
    expect(provinces).toHaveLength(34);
    const communes = await adminUnitChildren("79");
    expect(communes.length).toBeGreaterThan(150);
    expect(communes.map((c) => c.name)).toContain("Phường Sài Gòn");
    // Code 15 is Yên Bái on the old map and Lào Cai on the new one.
    const names = await unitNames([unitKey("THREE_LEVEL", "15"), unitKey("TWO_LEVEL", "15"), unitKey("THREE_LEVEL", "760")]);
    expect(names.get(unitKey("THREE_LEVEL", "15"))).toContain("Yên Bái");
    expect(names.get("15")).toContain("Lào Cai");
    expect(names.get(unitKey("THREE_LEVEL", "760"))).toBe("Quận 1");
    const res = await GET(new Request("http://x/api/dia-gioi?cha=79&ban-do=3-cap"));
    expect((await res.json()).map((u: { name: string }) => u.name)).toContain("Quận 1");
    expect((await GET(new Request("http://x/api/dia-gioi?ban-do=4"))).status).toBe(400);
  });

  it("retires the 29 committees merged away with their successors, and counts 34 provinces in force", async () => {
    const provinces = await db.agency.findMany({ where: { kind: "PROVINCE" }, include: { successor: true } });
    expect(provinces).toHaveLength(63);
    const retired = provinces.filter((p) => p.validTo);
    expect(retired).toHaveLength(29);
    for (const r of retired) {
      expect(r.validTo!.toISOString().slice(0, 10)).toBe("2025-07-01");
      expect(r.successor?.validTo).toBeNull();
    }
    const by = new Map(provinces.map((p) => [p.identifier, p]));
    expect(by.get(id("H09"))?.successor?.identifier).toBe(id("H29")); // Bình Dương → TP. Hồ Chí Minh
    expect(by.get(id("H02"))?.successor?.identifier).toBe(id("H29")); // Bà Rịa - Vũng Tàu → TP. Hồ Chí Minh
    expect(by.get(id("H10"))?.successor?.identifier).toBe(id("H19")); // Bình Phước → Đồng Nai
    expect(by.get(id("H63"))?.successor?.identifier).toBe(id("H38")); // Yên Bái → Lào Cai
    expect(by.get(id("H38"))?.provinceCode).toBe("15");
    expect(by.get(id("H29"))?.provinceCode).toBe("79");
    expect(by.get(id("H19"))?.provinceCode).toBe("75");
    expect((await currentSuccessor(db, by.get(id("H22"))!.id, new Date()))?.identifier).toBe(id("H60"));
    const listed = (await listAgencies()).filter((a) => a.kind === "PROVINCE");
    expect(listed).toHaveLength(34);
    // A retired committee's services stay as history, unpublished.
    expect(await db.service.count({ where: { agency: { identifier: id("H09") }, published: true } })).toBe(0);
    expect(await db.service.count({ where: { agency: { identifier: id("H09") } } })).toBeGreaterThan(0);
  });

  it("changes nothing when the seed runs again", async () => {
    const h02 = await db.agency.findUniqueOrThrow({ where: { identifier: id("H02") } });
    await withClient(process.env.DATABASE_URL!, (c) => seedReference(c));
    const again = await db.agency.findUniqueOrThrow({ where: { identifier: id("H02") } });
    expect(again.updatedAt).toEqual(h02.updatedAt);
    expect(await db.adminUnit.count({ where: { map: "TWO_LEVEL" } })).toBe(34 + 3321);
  }, 240_000);
});

describe("an old dossier's address", () => {
  it("is shown as filed, with its district, named from the three-level map", async () => {
    expect(await withClient(process.env.DATABASE_URL!, (c) => seedDemoOldAddressDossier(c))).toBe(true);
    expect(await withClient(process.env.DATABASE_URL!, (c) => seedDemoOldAddressDossier(c))).toBe(false);
    const d = await db.dossier.findUniqueOrThrow({
      where: { code: OLD_ADDRESS_DOSSIER.code },
      include: { attachments: true, events: true },
    });
    expect(d.answerLabels).toBeNull();
    expect(d.events.length).toBe(d.version);
    const labels = await dossierAnswerLabels(d, FormDefinition.parse(d.formSnapshot));
    expect(labels.diaChi).toBe(OLD_ADDRESS_DOSSIER.shown);
    // The same ward code on a new address (no district) is named from the 2025 map: 26740, Phường Bến Nghé
    // until 30 June 2025, is the code of Phường Sài Gòn since 1 July 2025.
    const fresh = await computeAnswerLabels(
      FormDefinition.parse(d.formSnapshot),
      {
        diaChi: { province: "79", district: "", ward: "26740", street: "12 Lê Lợi" },
      },
      {},
    );
    expect(fresh.diaChi).toBe("12 Lê Lợi, Phường Sài Gòn, Thành phố Hồ Chí Minh");
  });
});
