// The life events (prisma/data/life-events.json): every procedure they name is in the catalog, in a sane order.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LIFE_EVENTS, lifeEventBySlug, proceduresOf } from "@/lib/help/life-events";

const catalog = new Set(
  (JSON.parse(fs.readFileSync(path.join(process.cwd(), "prisma/data/procedures.json"), "utf8")) as { code: string }[]).map((p) => p.code),
);

describe("life events", () => {
  it("name only procedures of the catalog, each event once", () => {
    expect(new Set(LIFE_EVENTS.map((e) => e.slug)).size).toBe(LIFE_EVENTS.length);
    for (const e of LIFE_EVENTS) for (const code of proceduresOf(e)) expect(catalog.has(code), `${e.slug}: ${code}`).toBe(true);
  });

  it("cover the issue's five events", () => {
    expect(LIFE_EVENTS.map((e) => e.slug)).toEqual(["sinh-con", "ket-hon", "nguoi-than-qua-doi", "chuyen-noi-o", "kinh-doanh-ho"]);
  });

  it("offer the connected birth service first, then birth and residence registration in order", () => {
    expect(proceduresOf(lifeEventBySlug("sinh-con")!)).toEqual(["2.000986", "1.001193", "1.004222"]);
    expect(proceduresOf(lifeEventBySlug("kinh-doanh-ho")!)).toEqual(["1.001612", "9.000167"]);
    expect(lifeEventBySlug("khong-co")).toBeUndefined();
  });
});
