// Compares the data model of schema.prisma (its DMMF, written by `prisma generate`) with a migrated
// PostgreSQL database: tables, columns, types, nullability, indexes, foreign keys and enums.
// Prisma's own `migrate diff` needs the native schema engine, which cannot run here.
import type pg from "pg";

interface DbColumn {
  table: string;
  column: string;
  type: string;
  nullable: boolean;
}
interface DbIndex {
  table: string;
  name: string;
  columns: string[];
  unique: boolean;
  primary: boolean;
  method: string;
}
interface DbForeignKey {
  table: string;
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
}
export interface SchemaShape {
  columns: DbColumn[];
  indexes: DbIndex[];
  foreignKeys: DbForeignKey[];
  enums: Record<string, string[]>;
}

// --- what the database has ---------------------------------------------------------------------

export async function introspect(client: pg.ClientBase): Promise<SchemaShape> {
  const cols = await client.query<{
    table: string;
    column: string;
    udt: string;
    nullable: string;
    len: number | null;
    prec: number | null;
  }>(`
    SELECT c.table_name AS table, c.column_name AS column, c.udt_name AS udt, c.is_nullable AS nullable,
           c.character_maximum_length AS len, c.datetime_precision AS prec
    FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> '_prisma_migrations'`);
  const idx = await client.query<DbIndex>(`
    SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary, am.amname AS method,
           array(SELECT a.attname::text FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
    FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = i.relam
    -- A partial index (with a predicate) cannot be declared in schema.prisma: it lives in its migration only.
    WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations' AND ix.indpred IS NULL`);
  const fks = await client.query<DbForeignKey>(`
    SELECT t.relname AS table, con.conname AS name, r.relname AS "refTable",
           array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
           array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS "refColumns"
    FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE con.contype = 'f' AND n.nspname = 'public'`);
  const enums = await client.query<{ name: string; value: string }>(`
    SELECT t.typname AS name, e.enumlabel AS value FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
    JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`);
  const enumMap: Record<string, string[]> = {};
  for (const r of enums.rows) (enumMap[r.name] ??= []).push(r.value);
  return {
    columns: cols.rows.map((r) => ({
      table: r.table,
      column: r.column,
      nullable: r.nullable === "YES",
      type: dbType(r.udt, r.len, r.prec),
    })),
    indexes: idx.rows,
    foreignKeys: fks.rows,
    enums: enumMap,
  };
}

function dbType(udt: string, len: number | null, prec: number | null): string {
  if ((udt === "varchar" || udt === "bpchar") && len != null) return `${udt}(${len})`;
  if ((udt === "timestamp" || udt === "timestamptz" || udt === "time" || udt === "timetz") && prec != null) return `${udt}(${prec})`;
  return udt;
}

// --- what schema.prisma says ---------------------------------------------------------------------

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  isList: boolean;
  isRequired: boolean;
  type: string;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationName?: string;
}
interface DmmfModel {
  name: string;
  dbName?: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  algorithm?: string;
  fields: { name: string }[];
}
export interface Dmmf {
  enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[];
  models: DmmfModel[];
  indexes: DmmfIndex[];
}

const SCALAR: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Boolean: "bool",
  DateTime: "timestamp(3)",
  Json: "jsonb",
  Float: "float8",
  Bytes: "bytea",
  Decimal: "numeric",
};

const NATIVE: Record<string, (args: string[]) => string> = {
  VarChar: (a) => (a[0] ? `varchar(${a[0]})` : "varchar"),
  Char: (a) => `bpchar(${a[0] ?? 1})`,
  Text: () => "text",
  Uuid: () => "uuid",
  Date: () => "date",
  Timestamptz: (a) => `timestamptz(${a[0] ?? 6})`,
  Timestamp: (a) => `timestamp(${a[0] ?? 6})`,
  SmallInt: () => "int2",
  Integer: () => "int4",
  BigInt: () => "int8",
  Real: () => "float4",
  DoublePrecision: () => "float8",
  JsonB: () => "jsonb",
  Json: () => "json",
  Inet: () => "inet",
};

export function expectedShape(dmmf: Dmmf): SchemaShape {
  const tableOf = new Map(dmmf.models.map((m) => [m.name, m.dbName ?? m.name]));
  const columnOf = (model: DmmfModel, field: string) => {
    const f = model.fields.find((x) => x.name === field);
    return f?.dbName ?? field;
  };
  const columns: DbColumn[] = [];
  const foreignKeys: DbForeignKey[] = [];
  for (const m of dmmf.models) {
    const table = tableOf.get(m.name)!;
    for (const f of m.fields) {
      if (f.kind === "scalar" || f.kind === "enum") {
        let type = f.kind === "enum" ? (dmmf.enums.find((e) => e.name === f.type)?.dbName ?? f.type) : (SCALAR[f.type] ?? f.type);
        if (f.nativeType) type = NATIVE[f.nativeType[0]]?.(f.nativeType[1]) ?? f.nativeType[0].toLowerCase();
        if (f.isList) type = `_${type.replace(/\(.*\)$/, "")}`;
        columns.push({ table, column: f.dbName ?? f.name, type, nullable: f.isList ? true : !f.isRequired });
      } else if (f.kind === "object" && f.relationFromFields?.length) {
        const target = dmmf.models.find((x) => x.name === f.type)!;
        const cols = f.relationFromFields.map((c) => columnOf(m, c));
        foreignKeys.push({
          table,
          name: `${table}_${cols.join("_")}_fkey`,
          columns: cols,
          refTable: tableOf.get(f.type)!,
          refColumns: (f.relationToFields ?? []).map((c) => columnOf(target, c)),
        });
      }
    }
  }
  const indexes: DbIndex[] = dmmf.indexes
    .filter((i) => i.type !== "fulltext")
    .map((i) => {
      const model = dmmf.models.find((m) => m.name === i.model)!;
      const table = tableOf.get(i.model)!;
      const cols = i.fields.map((f) => columnOf(model, f.name));
      const suffix = i.type === "id" ? "pkey" : i.type === "unique" ? "key" : "idx";
      return {
        table,
        name: i.dbName ?? (i.type === "id" ? `${table}_pkey` : `${table}_${cols.join("_")}_${suffix}`),
        columns: cols,
        unique: i.type !== "normal",
        primary: i.type === "id",
        method: (i.algorithm ?? "btree").toLowerCase(),
      };
    });
  const enums: Record<string, string[]> = {};
  for (const e of dmmf.enums) enums[e.dbName ?? e.name] = e.values.map((v) => v.dbName ?? v.name);
  return { columns, indexes, foreignKeys, enums };
}

// --- the comparison ------------------------------------------------------------------------------

/** Every difference, as a sentence; an empty list means schema.prisma and the database agree. */
export function diffSchemas(expected: SchemaShape, actual: SchemaShape): string[] {
  const out: string[] = [];
  const key = (c: { table: string; column: string }) => `${c.table}.${c.column}`;
  const actualCols = new Map(actual.columns.map((c) => [key(c), c]));
  const expectedCols = new Map(expected.columns.map((c) => [key(c), c]));
  for (const [k, e] of expectedCols) {
    const a = actualCols.get(k);
    if (!a) out.push(`column ${k}: in schema.prisma, missing in the database`);
    else {
      if (a.type !== e.type) out.push(`column ${k}: type ${e.type} in schema.prisma, ${a.type} in the database`);
      if (a.nullable !== e.nullable)
        out.push(
          `column ${k}: ${e.nullable ? "nullable" : "NOT NULL"} in schema.prisma, ${a.nullable ? "nullable" : "NOT NULL"} in the database`,
        );
    }
  }
  for (const k of actualCols.keys()) if (!expectedCols.has(k)) out.push(`column ${k}: in the database, missing in schema.prisma`);

  const idxSig = (i: DbIndex) =>
    `${i.table}:${i.name}(${i.columns.join(",")})${i.unique ? " unique" : ""}${i.primary ? " primary" : ""} ${i.method}`;
  const aIdx = new Set(actual.indexes.map(idxSig));
  const eIdx = new Set(expected.indexes.map(idxSig));
  for (const s of eIdx) if (!aIdx.has(s)) out.push(`index ${s}: in schema.prisma, missing or different in the database`);
  for (const s of aIdx) if (!eIdx.has(s)) out.push(`index ${s}: in the database, missing or different in schema.prisma`);

  const fkSig = (f: DbForeignKey) => `${f.table}:${f.name}(${f.columns.join(",")}) -> ${f.refTable}(${f.refColumns.join(",")})`;
  const aFk = new Set(actual.foreignKeys.map(fkSig));
  const eFk = new Set(expected.foreignKeys.map(fkSig));
  for (const s of eFk) if (!aFk.has(s)) out.push(`foreign key ${s}: in schema.prisma, missing or different in the database`);
  for (const s of aFk) if (!eFk.has(s)) out.push(`foreign key ${s}: in the database, missing or different in schema.prisma`);

  for (const name of new Set([...Object.keys(expected.enums), ...Object.keys(actual.enums)])) {
    const e = expected.enums[name]?.join(",");
    const a = actual.enums[name]?.join(",");
    if (e !== a) out.push(`enum ${name}: [${e ?? "none"}] in schema.prisma, [${a ?? "none"}] in the database`);
  }
  return out;
}
