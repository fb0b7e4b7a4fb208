// Relevance as citizens mean it: each query of prisma/data/search-relevance.json must find its procedure
// first (the base procedure before its variants, everyday names through the synonyms, typos tolerated).
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { listCatalog } from "@/lib/catalog/queries";
import { db } from "@/lib/db/client";

const { queries } = JSON.parse(fs.readFileSync("prisma/data/search-relevance.json", "utf8")) as { queries: [string, string][] };

describe("search relevance", () => {
  it("has at least 60 queries", () => {
    expect(queries.length).toBeGreaterThanOrEqual(60);
  });

  it("finds the expected procedure first for every query", async () => {
    const names = new Map((await db.procedure.findMany({ select: { code: true, name: true } })).map((p) => [p.code, p.name]));
    const misses: string[] = [];
    for (const [q, code] of queries) {
      expect(names.has(code), `${code} is a procedure`).toBe(true);
      const top = (await listCatalog({ q })).items[0];
      if (top?.name !== names.get(code)) misses.push(`${q} → ${top?.name ?? "(nothing)"}; expected ${names.get(code)}`);
    }
    expect(misses).toEqual([]);
  });
});
