// Loads the reference data: agencies, fields, procedures, and every agency's services.
// Set-based (one statement per table) and idempotent: a second run changes no row.
import fs from "node:fs";
import path from "node:path";
import { level1s } from "dvhcvn";
import type pg from "pg";
import { z } from "zod";
import { AgencyFile, type AgencyRecord } from "@/lib/agencies/records";
import { FormDefinition } from "@/lib/forms/definition";
import { defaultFormDefinition } from "@/lib/forms/default-form";
import { slugify } from "@/lib/catalog/fold";
import { CodeListFile } from "@/lib/forms/codelists";
import { seedSynonyms } from "./synonyms";
import { seedFaq } from "./faq";
import { ProcedureFile, type ProcedureRecord } from "@/lib/catalog/records";
import { seedMilestones } from "./programme";
import { loadAdminUnits2025, loadSuccession2025 } from "@/lib/agencies/admin-map-2025";

const DATA_DIR = path.join(process.cwd(), "prisma", "data");

export function loadAgencyFile(): AgencyRecord[] {
  return AgencyFile.parse(JSON.parse(fs.readFileSync(path.join(DATA_DIR, "agencies.json"), "utf8")));
}

export function loadProcedureFile(): ProcedureRecord[] {
  return ProcedureFile.parse(JSON.parse(fs.readFileSync(path.join(DATA_DIR, "procedures.json"), "utf8")));
}

const ProcedureEnglishFile = z.object({
  note: z.string(),
  procedures: z.array(z.object({ code: z.string().regex(/^\d\.\d{6}$/), name: z.string().min(3), summary: z.string().min(3) })),
});

/** prisma/data/procedures-en.json: the priority procedures' English names and summaries. */
function loadProcedureEnglish() {
  return ProcedureEnglishFile.parse(JSON.parse(fs.readFileSync(path.join(DATA_DIR, "procedures-en.json"), "utf8"))).procedures;
}

const LEVEL: Record<ProcedureRecord["implementingLevel"], string> = {
  central: "CENTRAL",
  province: "PROVINCE",
  district: "DISTRICT",
  commune: "COMMUNE",
};

export interface SeedCounts {
  agencies: number;
  procedures: number;
  services: number;
  calendarDays: number;
  adminUnits: number;
  codeLists: number;
}

/** Every code list file under prisma/data/codelists, validated. */
export function loadCodeListFiles(): CodeListFile[] {
  const dir = path.join(DATA_DIR, "codelists");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const list = CodeListFile.parse(JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")));
      if (`${list.id}.json` !== f) throw new Error(`codelists/${f}: id ${list.id} does not match the file name`);
      return list;
    });
}

const CalendarFile = z.array(
  z.object({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    kind: z.enum(["HOLIDAY", "WORKDAY"]),
    name: z.string().min(1),
    source: z.string().optional(),
  }),
);

interface AdminUnitRow {
  map: "THREE_LEVEL" | "TWO_LEVEL";
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  predecessors: string[];
}

/**
 * Both maps: the three-level one (provinces, districts and wards of the statistics office's list of 2025-03-01,
 * via the dvhcvn package), in force until the reorganisation, kept as history so old addresses resolve; and the
 * two-level one in force from 1 July 2025 (provinces and communes, prisma/data/admin-units-2025.json).
 */
function adminUnits(): AdminUnitRow[] {
  const map2025 = loadAdminUnits2025();
  const until = map2025.source.inForceFrom;
  const old = (code: string, name: string, level: string, parentCode: string | null): AdminUnitRow => ({
    map: "THREE_LEVEL",
    code,
    name,
    level,
    parentCode,
    validFrom: null,
    validTo: until,
    predecessors: [],
  });
  return [
    ...level1s.flatMap((p) => [
      old(p.id, p.name, "PROVINCE", null),
      ...(p.children ?? []).flatMap((d) => [
        old(d.id, d.name, "DISTRICT", p.id),
        ...(d.children ?? []).map((w) => old(w.id, w.name, "WARD", d.id)),
      ]),
    ]),
    ...map2025.provinces.map((p) => ({
      map: "TWO_LEVEL" as const,
      code: p.code,
      name: p.name,
      level: "PROVINCE",
      parentCode: null,
      validFrom: until,
      validTo: null,
      predecessors: p.predecessors,
    })),
    ...map2025.communes.map((c) => ({
      map: "TWO_LEVEL" as const,
      code: c.code,
      name: c.name,
      level: "WARD",
      parentCode: c.province,
      validFrom: until,
      validTo: null,
      predecessors: c.predecessors,
    })),
  ];
}

/**
 * The registry as of today: agencies.json is the 2016 registry; succession-2025.json ends the provincial
 * committees merged away on 1 July 2025 (naming their successors) and gives the continuing ones the code of
 * their 2025 province.
 */
function agenciesAsOfToday(agencies: AgencyRecord[]) {
  const succession = loadSuccession2025();
  const known = new Set(agencies.map((a) => a.identifier));
  const recoded = new Map(succession.recoded.map((r) => [r.identifier, r.provinceCode]));
  for (const r of [...succession.retired.flatMap((x) => [x.identifier, x.successor]), ...recoded.keys()])
    if (!known.has(r)) throw new Error(`succession-2025.json: unknown agency ${r}`);
  return {
    rows: agencies.map((a) => ({ ...a, provinceCode: recoded.get(a.identifier) ?? a.provinceCode })),
    retired: succession.retired.map((r) => ({ identifier: r.identifier, successor: r.successor, validTo: succession.effective })),
  };
}

/** Procedures the demo files only at the e-ID's level 2 (a demo setting; see above). */
export const DEMO_LEVEL_2_PROCEDURES = ["1.010041", "1.003677", "1.001456"];

export async function seedReference(client: pg.ClientBase): Promise<SeedCounts> {
  const agencies = loadAgencyFile();
  const procedures = loadProcedureFile();
  const known = new Set(agencies.map((a) => a.identifier));
  for (const p of procedures) {
    if (p.agency !== "province" && !known.has(p.agency)) throw new Error(`procedure ${p.code}: unknown agency ${p.agency}`);
  }

  const today = agenciesAsOfToday(agencies);
  const retiredIds = new Set(today.retired.map((r) => r.identifier));

  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO agency (identifier, name, short_name, kind, province_code, sample_identifier)
       SELECT identifier, name, "shortName", kind::"AgencyKind", "provinceCode", "sampleIdentifier"
       FROM jsonb_to_recordset($1::jsonb) AS x(identifier text, name text, "shortName" text, kind text, "provinceCode" text, "sampleIdentifier" boolean)
       ON CONFLICT (identifier) DO UPDATE SET name = excluded.name, short_name = excluded.short_name, kind = excluded.kind,
         province_code = excluded.province_code, sample_identifier = excluded.sample_identifier, updated_at = now()
       WHERE (agency.name, agency.short_name, agency.kind, agency.province_code, agency.sample_identifier)
         IS DISTINCT FROM (excluded.name, excluded.short_name, excluded.kind, excluded.province_code, excluded.sample_identifier)`,
      [JSON.stringify(today.rows)],
    );
    // The committees retired by the 2025 reorganisation: they end, and name their successor, once; an
    // administrator's later change to an agency's end (lib/agencies/registry-admin.ts) is not undone.
    await client.query(
      `UPDATE agency a SET valid_to = x."validTo"::date, successor_id = s.id, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS x(identifier text, successor text, "validTo" text)
       JOIN agency s ON s.identifier = x.successor
       WHERE a.identifier = x.identifier AND a.valid_to IS NULL AND a.successor_id IS NULL`,
      [JSON.stringify(today.retired)],
    );
    await client.query(
      `UPDATE agency a SET parent_id = p.id, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS x(identifier text, "parentIdentifier" text)
       JOIN agency p ON p.identifier = x."parentIdentifier"
       WHERE a.identifier = x.identifier AND a.parent_id IS DISTINCT FROM p.id`,
      [JSON.stringify(agencies.filter((a) => a.parentIdentifier))],
    );

    const fields = [...new Set(procedures.map((p) => p.field))].map((name) => ({ name, slug: slugify(name) }));
    await client.query(
      `INSERT INTO field (name, slug) SELECT name, slug FROM jsonb_to_recordset($1::jsonb) AS x(name text, slug text)
       ON CONFLICT (name) DO UPDATE SET slug = excluded.slug WHERE field.slug IS DISTINCT FROM excluded.slug`,
      [JSON.stringify(fields)],
    );

    const procRows = procedures.map((p) => ({ ...p, level: LEVEL[p.implementingLevel] }));
    await client.query(
      `INSERT INTO procedure (code, name, field_id, implementing_level, online_level, applicants, implementing_agency_name,
                              competent_agency_name, channels, components, steps, legal_basis, result, conditions, sample)
       SELECT x.code, x.name, f.id, x.level::"ImplementingLevel", x."onlineLevel",
              ARRAY(SELECT jsonb_array_elements_text(x.applicants)), x."implementingAgencyName", x."competentAgencyName",
              x.channels, x.components, x.steps, x."legalBasis", x.result, x.conditions, x.sample
       FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, field text, level text, "onlineLevel" int, applicants jsonb,
            "implementingAgencyName" text, "competentAgencyName" text, channels jsonb, components jsonb, steps jsonb,
            "legalBasis" jsonb, result text, conditions text, sample boolean)
       JOIN field f ON f.name = x.field
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, field_id = excluded.field_id, implementing_level = excluded.implementing_level,
         online_level = excluded.online_level, applicants = excluded.applicants, implementing_agency_name = excluded.implementing_agency_name,
         competent_agency_name = excluded.competent_agency_name, channels = excluded.channels, components = excluded.components,
         steps = excluded.steps, legal_basis = excluded.legal_basis, result = excluded.result, conditions = excluded.conditions,
         sample = excluded.sample, updated_at = now()
       WHERE (procedure.name, procedure.field_id, procedure.implementing_level, procedure.online_level, procedure.applicants,
              procedure.implementing_agency_name, procedure.competent_agency_name, procedure.channels, procedure.components,
              procedure.steps, procedure.legal_basis, procedure.result, procedure.conditions, procedure.sample)
         IS DISTINCT FROM (excluded.name, excluded.field_id, excluded.implementing_level, excluded.online_level, excluded.applicants,
              excluded.implementing_agency_name, excluded.competent_agency_name, excluded.channels, excluded.components,
              excluded.steps, excluded.legal_basis, excluded.result, excluded.conditions, excluded.sample)`,
      [JSON.stringify(procRows)],
    );

    // The priority procedures' English name and summary (the portal's own unofficial translation); every
    // other procedure has none (an English page shows its Vietnamese name).
    await client.query(
      `UPDATE procedure p SET name_en = x.name_en, summary_en = x.summary_en, updated_at = now()
       FROM (SELECT k.code, e.name AS name_en, e.summary AS summary_en
             FROM procedure k LEFT JOIN jsonb_to_recordset($1::jsonb) AS e(code text, name text, summary text) ON e.code = k.code) x
       WHERE p.code = x.code AND (p.name_en, p.summary_en) IS DISTINCT FROM (x.name_en, x.summary_en)`,
      [JSON.stringify(loadProcedureEnglish())],
    );

    // The e-ID level filing needs. DEMO SETTING, not official: which procedures need level 2 (Decree 69/2024)
    // is not published as data; these few show the step-up (docs/eid.md). Every other procedure needs level 1.
    await client.query(
      `UPDATE procedure SET assurance_level = CASE WHEN code = ANY($1::text[]) THEN 2 ELSE 1 END, updated_at = now()
       WHERE assurance_level IS DISTINCT FROM CASE WHEN code = ANY($1::text[]) THEN 2 ELSE 1 END`,
      [DEMO_LEVEL_2_PROCEDURES],
    );

    // A procedure's own form where one is written (prisma/data/forms/<code>.json), else the default.
    const formsDir = path.join(DATA_DIR, "forms");
    const formOverrides = new Map(
      fs
        .readdirSync(formsDir)
        .filter((f) => f.endsWith(".json"))
        .map((f) => [f.slice(0, -5), FormDefinition.parse(JSON.parse(fs.readFileSync(path.join(formsDir, f), "utf8")))] as const),
    );
    // Every procedure's form is a national form version (lib/forms/versions.ts): version 1, published, from its
    // file or the default. A later change to a file becomes the next published version on a re-seed, but only
    // while no administrator has touched that form: once an admin has made a draft or published a version,
    // the form is theirs and the file no longer drives it (the seed never overwrites an admin's version).
    const fileForms = procedures.map((p) => ({
      procedure: p.code,
      definition: formOverrides.get(p.code) ?? defaultFormDefinition(p.components.map((c) => ({ name: c.name, kind: c.kind }))),
    }));
    await client.query(
      `INSERT INTO form_version (procedure_id, agency_id, version, status, definition, published_at)
       SELECT p.id, NULL, 1, 'published', x.definition, now()
       FROM jsonb_to_recordset($1::jsonb) AS x(procedure text, definition jsonb)
       JOIN procedure p ON p.code = x.procedure
       WHERE NOT EXISTS (SELECT 1 FROM form_version v WHERE v.procedure_id = p.id AND v.agency_id IS NULL)`,
      [JSON.stringify(fileForms)],
    );
    const changed = await client.query<{ id: number; procedure_id: number; version: number; definition: unknown }>(
      `SELECT v.id, v.procedure_id, v.version, x.definition
       FROM jsonb_to_recordset($1::jsonb) AS x(procedure text, definition jsonb)
       JOIN procedure p ON p.code = x.procedure
       JOIN form_version v ON v.procedure_id = p.id AND v.agency_id IS NULL AND v.status = 'published'
       WHERE v.definition <> x.definition
         AND NOT EXISTS (SELECT 1 FROM form_version o WHERE o.procedure_id = p.id AND o.agency_id IS NULL
                         AND (o.created_by IS NOT NULL OR o.published_by IS NOT NULL))`,
      [JSON.stringify(fileForms)],
    );
    if (changed.rows.length) {
      const rows = JSON.stringify(changed.rows);
      await client.query(`UPDATE form_version SET status = 'retired' WHERE id = ANY($1::int[])`, [changed.rows.map((r) => r.id)]);
      await client.query(
        `WITH made AS (
           INSERT INTO form_version (procedure_id, agency_id, version, status, definition, published_at)
           SELECT x.procedure_id, NULL, x.version + 1, 'published', x.definition, now()
           FROM jsonb_to_recordset($1::jsonb) AS x(id int, procedure_id int, version int, definition jsonb)
           RETURNING id, procedure_id)
         UPDATE service s SET form_version_id = made.id, updated_at = now()
         FROM made, jsonb_to_recordset($1::jsonb) AS x(id int, procedure_id int)
         WHERE made.procedure_id = x.procedure_id AND s.form_version_id = x.id`,
        [rows],
      );
    }

    // Central procedures are offered by their ministry; provincial, district and commune ones by every province.
    const provinces = agencies.filter((a) => a.kind === "PROVINCE");
    const services = procedures.flatMap((p) => {
      const offeredBy = p.agency === "province" ? provinces.map((a) => a.identifier) : [p.agency];
      return offeredBy.map((identifier) => ({
        code: `${p.code}.${identifier}`,
        procedure: p.code,
        agency: identifier,
        name: p.name,
        onlineLevel: p.onlineLevel,
        channels: p.channels,
        // A committee retired in 2025 keeps its services as history (old links and dossiers resolve; filing
        // goes to the successor's service of the same procedure) but no longer offers them.
        published: !retiredIds.has(identifier),
      }));
    });
    await client.query(
      `INSERT INTO service (code, procedure_id, agency_id, name, online_level, channels, form_version_id, published)
       SELECT x.code, p.id, a.id, x.name, x."onlineLevel", x.channels, v.id, x.published
       FROM jsonb_to_recordset($1::jsonb) AS x(code text, procedure text, agency text, name text, "onlineLevel" int, channels jsonb, published boolean)
       JOIN procedure p ON p.code = x.procedure
       JOIN agency a ON a.identifier = x.agency
       JOIN form_version v ON v.procedure_id = p.id AND v.agency_id IS NULL AND v.status = 'published'
       -- A service belongs to its agency once created: agency admins edit it, a re-seed never overwrites it.
       ON CONFLICT (code) DO NOTHING`,
      [JSON.stringify(services)],
    );

    // The official calendar rows; an administrator's later edits win over the file.
    const calendar = CalendarFile.parse(JSON.parse(fs.readFileSync(path.join(DATA_DIR, "holidays.json"), "utf8")));
    await client.query(
      `INSERT INTO calendar_day (date, kind, name, source)
       SELECT date::date, kind::"CalendarDayKind", name, source FROM jsonb_to_recordset($1::jsonb) AS x(date text, kind text, name text, source text)
       ON CONFLICT (date) DO NOTHING`,
      [JSON.stringify(calendar)],
    );

    const units = adminUnits();
    await client.query(
      `INSERT INTO admin_unit (map, code, name, level, parent_code, valid_from, valid_to, predecessors)
       SELECT map::"AdminUnitMap", code, name, level::"AdminUnitLevel", "parentCode", "validFrom"::date, "validTo"::date,
              ARRAY(SELECT jsonb_array_elements_text(predecessors))::varchar(5)[]
       FROM jsonb_to_recordset($1::jsonb) AS x(map text, code text, name text, level text, "parentCode" text, "validFrom" text,
            "validTo" text, predecessors jsonb)
       ON CONFLICT (map, code) DO UPDATE SET name = excluded.name, level = excluded.level, parent_code = excluded.parent_code,
         valid_from = excluded.valid_from, valid_to = excluded.valid_to, predecessors = excluded.predecessors
       WHERE (admin_unit.name, admin_unit.level, admin_unit.parent_code, admin_unit.valid_from, admin_unit.valid_to, admin_unit.predecessors)
         IS DISTINCT FROM (excluded.name, excluded.level, excluded.parent_code, excluded.valid_from, excluded.valid_to, excluded.predecessors)`,
      [JSON.stringify(units)],
    );
    // Code lists: the file's items are added and relabelled; an item dropped from the file is retired, not
    // deleted, so an old dossier's code still resolves.
    const lists = loadCodeListFiles();
    await client.query(
      `INSERT INTO code_list (id, name, source) SELECT id, name, source FROM jsonb_to_recordset($1::jsonb) AS x(id text, name text, source text)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, source = excluded.source
       WHERE (code_list.name, code_list.source) IS DISTINCT FROM (excluded.name, excluded.source)`,
      [JSON.stringify(lists)],
    );
    const items = lists.flatMap((l) =>
      l.items.map((it, position) => ({ list: l.id, code: it.code, label: it.label, position, retired: !!it.retired })),
    );
    await client.query(
      `INSERT INTO code_list_item (list_id, code, label, position, retired)
       SELECT list, code, label, position, retired FROM jsonb_to_recordset($1::jsonb) AS x(list text, code text, label text, position int, retired boolean)
       ON CONFLICT (list_id, code) DO UPDATE SET label = excluded.label, position = excluded.position, retired = excluded.retired
       WHERE (code_list_item.label, code_list_item.position, code_list_item.retired) IS DISTINCT FROM (excluded.label, excluded.position, excluded.retired)`,
      [JSON.stringify(items)],
    );
    await client.query(
      `UPDATE code_list_item i SET retired = true
       WHERE NOT i.retired AND i.list_id = ANY($1::text[])
         AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS x(list text, code text) WHERE x.list = i.list_id AND x.code = i.code)`,
      [lists.map((l) => l.id), JSON.stringify(items)],
    );
    await seedMilestones(client);
    await seedSynonyms(client);
    await seedFaq(client);
    await client.query("COMMIT");
    return {
      agencies: agencies.length,
      procedures: procedures.length,
      services: services.length,
      calendarDays: calendar.length,
      adminUnits: units.length,
      codeLists: lists.length,
    };
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  }
}
