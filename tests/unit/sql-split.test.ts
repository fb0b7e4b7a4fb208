import { describe, expect, it } from "vitest";
import { splitSqlStatements } from "@/lib/db/sql-split";

describe("splitting migration SQL", () => {
  it("splits on semicolons and reports each statement's line", () => {
    const s = splitSqlStatements(`-- header\nCREATE TABLE a (x int);\n\nCREATE INDEX i ON a(x);\n`);
    expect(s.map((x) => x.sql)).toEqual(["CREATE TABLE a (x int);", "CREATE INDEX i ON a(x);"]);
    expect(s.map((x) => x.line)).toEqual([2, 4]);
  });
  it("keeps semicolons inside strings, identifiers, comments and dollar quotes", () => {
    const sql = `INSERT INTO t VALUES ('a;b', 'it''s;');
CREATE TABLE "we;ird" (x int); /* a; comment */
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'x;y'; RETURN NEW; END $$;
CREATE FUNCTION g() RETURNS text LANGUAGE sql AS $body$ SELECT ';' $body$;`;
    const s = splitSqlStatements(sql);
    expect(s).toHaveLength(4);
    expect(s[2]!.sql).toContain("RETURN NEW; END $$;");
    expect(s[3]!.sql).toContain("$body$ SELECT ';' $body$");
  });
  it("drops comment-only tails", () => {
    expect(splitSqlStatements("SELECT 1;\n-- nothing after\n")).toHaveLength(1);
  });
});
