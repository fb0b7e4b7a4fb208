// Generates prisma/data/codelists/quoc-tich.json: nationalities as ISO 3166-1 alpha-2 codes with the
// Vietnamese country names of the npm package i18n-iso-countries (MIT licence; names from its langs/vi.json).
// The package is not a dependency of the portal: install it anywhere and pass the path of its vi.json:
//   npm install --prefix /tmp/ic i18n-iso-countries@7.14.0
//   node scripts/codelists/quoc-tich.mjs /tmp/ic/node_modules/i18n-iso-countries/langs/vi.json
// Việt Nam comes first; the others follow in Vietnamese alphabetical order of their names.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const viPath = process.argv[2];
if (!viPath) {
  console.error("usage: node scripts/codelists/quoc-tich.mjs <path to i18n-iso-countries/langs/vi.json>");
  process.exit(2);
}
const pkgPath = join(dirname(viPath), "..", "package.json");
const version = JSON.parse(readFileSync(pkgPath, "utf8")).version;
const { countries } = JSON.parse(readFileSync(viPath, "utf8"));

const items = Object.entries(countries).map(([code, name]) => ({ code, label: Array.isArray(name) ? name[0] : name }));
const vn = items.find((i) => i.code === "VN");
if (!vn) throw new Error("VN missing");
vn.label = "Việt Nam";
const rest = items.filter((i) => i.code !== "VN").sort((a, b) => a.label.localeCompare(b.label, "vi"));

const file = {
  id: "quoc-tich",
  name: "Quốc tịch",
  source: `Mã quốc gia ISO 3166-1 alpha-2; tên tiếng Việt theo gói npm i18n-iso-countries ${version} (giấy phép MIT, tệp langs/vi.json), sinh bằng scripts/codelists/quoc-tich.mjs. The codes are the ISO standard's; the Vietnamese names are the package's (some keep the English spelling) and were not checked against a Vietnamese official list of country names.`,
  status: "partial",
  items: [vn, ...rest],
};
const out = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "prisma", "data", "codelists", "quoc-tich.json");
writeFileSync(out, JSON.stringify(file, null, 2) + "\n");
console.log(`wrote ${out}: ${file.items.length} items`);
