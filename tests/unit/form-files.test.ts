// Every form file under prisma/data/forms and every code list under prisma/data/codelists: valid against
// the schema, tied to a real procedure, its papers to that procedure's components to submit, its code lists
// to files that exist.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FormDefinition, definitionProblems, paperFields, allFields } from "@/lib/forms/definition";
import { CodeListFile, listsUsed } from "@/lib/forms/codelists";
import { ProcedureFile } from "@/lib/catalog/records";

const DATA = path.join(process.cwd(), "prisma", "data");
const read = (p: string) => JSON.parse(fs.readFileSync(p, "utf8")) as unknown;
const jsonFiles = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();

const procedures = ProcedureFile.parse(read(path.join(DATA, "procedures.json")));
const byCode = new Map(procedures.map((p) => [p.code, p]));
const formFiles = jsonFiles(path.join(DATA, "forms"));
const listFiles = jsonFiles(path.join(DATA, "codelists"));
const listIds = new Set(listFiles.map((f) => f.slice(0, -5)));

describe("code list files", () => {
  it("include the five standard lists", () => {
    expect([...listIds]).toEqual(expect.arrayContaining(["dan-toc", "quoc-tich", "ton-giao", "quan-he", "giay-to-tuy-than"]));
  });

  it.each(listFiles)("%s parses, its id is its file name, and its codes are unique", (f) => {
    const list = CodeListFile.parse(read(path.join(DATA, "codelists", f)));
    expect(`${list.id}.json`).toBe(f);
    expect(list.source.length).toBeGreaterThan(20);
  });

  it("hold the 54 ethnic groups, Việt Nam first among the nationalities, and 'Không' among the religions", () => {
    const load = (id: string) => CodeListFile.parse(read(path.join(DATA, "codelists", `${id}.json`)));
    expect(load("dan-toc").items).toHaveLength(54);
    const qt = load("quoc-tich").items;
    expect(qt[0]).toEqual({ code: "VN", label: "Việt Nam" });
    expect(qt.length).toBeGreaterThan(240);
    for (const i of qt) expect(i.code).toMatch(/^[A-Z]{2}$/);
    expect(load("ton-giao").items.map((i) => i.label)).toContain("Không");
    expect(load("quan-he").items.map((i) => i.code)).toEqual(expect.arrayContaining(["chu-ho", "vo", "chong", "con", "cha", "me"]));
    expect(load("giay-to-tuy-than").items.map((i) => i.code)).toEqual(expect.arrayContaining(["the-can-cuoc", "ho-chieu"]));
  });
});

describe("form files", () => {
  it("are at least 30", () => {
    expect(formFiles.length).toBeGreaterThanOrEqual(30);
  });

  it.each(formFiles)("%s is a valid form for its procedure", (f) => {
    const code = f.slice(0, -5);
    const procedure = byCode.get(code);
    expect(procedure, `${f}: no procedure ${code} in procedures.json`).toBeDefined();
    const raw = read(path.join(DATA, "forms", f));
    const parsed = FormDefinition.safeParse(raw);
    expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
    const def = parsed.data!;
    expect(definitionProblems(def)).toEqual([]);
    expect(def.source, `${f}: source`).toBeDefined();
    expect(def.title, `${f}: title`).toBeTruthy();
    for (const paper of paperFields(def)) {
      // A paper the procedure record does not list (e.g. proof of a previous divorce) is asked only when an
      // answer calls for it; it is never required of everyone.
      if (paper.component === undefined) {
        expect(paper.required && !paper.showWhen, `${f}: ${paper.id} has no component and is required of everyone`).toBe(false);
        continue;
      }
      const component = procedure!.components[paper.component!];
      expect(component, `${f}: ${paper.id} → component ${paper.component}`).toBeDefined();
      expect(component!.kind, `${f}: ${paper.id} → ${component!.name}`).toBe("submit");
    }
    const components = paperFields(def).flatMap((p) => (p.component === undefined ? [] : [p.component]));
    expect(new Set(components).size, `${f}: two uploads for one paper`).toBe(components.length);
    for (const id of listsUsed(def)) expect(listIds.has(id), `${f}: code list ${id}`).toBe(true);
    // A date field never accepts a date before 1900 unless it says so.
    for (const field of allFields(def).flatMap((x) => [x, ...(x.fields ?? [])]))
      if (field.type === "date" && field.date?.notBefore) expect(field.date.notBefore >= "1900-01-01").toBe(true);
  });

  it("ask conditionally for the papers the procedure record marks conditional", () => {
    // Death registration: the power of attorney only when filing by proxy.
    const death = FormDefinition.parse(read(path.join(DATA, "forms", "1.000656.json")));
    const proxy = paperFields(death).find((p) => p.component === 2)!;
    expect(proxy.required).toBe(false);
    expect(proxy.requiredWhen).toEqual({ field: "uyQuyen", equals: true });
    // Permanent residence: proof of kinship only when registering with relatives.
    const residence = FormDefinition.parse(read(path.join(DATA, "forms", "1.004222.json")));
    expect(paperFields(residence).find((p) => p.component === 2)!.requiredWhen).toEqual({ field: "canCu", equals: "nhan-than" });
  });
});

describe("procedure records", () => {
  it("name only known details as confirmed, and only where a form relies on them", () => {
    const known = new Set(["code", "name", "fees", "processingDays", "components", "legalBasis", "result", "conditions"]);
    const formCodes = new Set(formFiles.map((f) => f.slice(0, -5)));
    const confirmed = procedures.filter((p) => p.confirmed?.length);
    expect(confirmed.length).toBeGreaterThan(0);
    for (const p of confirmed) {
      for (const c of p.confirmed!) expect(known.has(c), `${p.code}: ${c}`).toBe(true);
      // A placeholder code (9.0001xx) is never confirmed.
      if (p.code.startsWith("9.")) expect(p.confirmed).not.toContain("code");
      expect(formCodes.has(p.code), `${p.code} is confirmed but has no form`).toBe(true);
    }
  });
});
