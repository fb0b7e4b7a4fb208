// The search's hit rate, as a citizen sees it: each query of prisma/data/search-relevance.json asked of the
// running portal's catalog page, and whether the first result is the procedure expected.
import fs from "node:fs";
import path from "node:path";
import { http } from "./http";

interface Relevance {
  queries: number;
  hits: number;
  misses: { q: string; expected: string; got: string }[];
}

const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .trim();

export async function searchRelevance(base: string): Promise<Relevance> {
  const root = process.cwd();
  const { queries } = JSON.parse(fs.readFileSync(path.join(root, "prisma/data/search-relevance.json"), "utf8")) as {
    queries: [string, string][];
  };
  const procedures = JSON.parse(fs.readFileSync(path.join(root, "prisma/data/procedures.json"), "utf8")) as {
    code: string;
    name: string;
  }[];
  const names = new Map(procedures.map((p) => [p.code, p.name]));
  const misses: Relevance["misses"] = [];
  for (const [q, code] of queries) {
    const html = await (await http(`${base}/thu-tuc?q=${encodeURIComponent(q)}`)).text();
    const item = /data-testid="catalog-item"[^>]*>\s*<h3[^>]*>([\s\S]*?)<\/h3>/.exec(html);
    const got = item ? decode(item[1]!) : "(nothing)";
    const expected = names.get(code) ?? code;
    if (got !== expected) misses.push({ q, expected, got });
  }
  return { queries: queries.length, hits: queries.length - misses.length, misses };
}
