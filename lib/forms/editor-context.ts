// What the form editor offers besides the definition: the procedure's dossier components (a file field picks
// the one it collects; only papers to submit) and the seeded code lists (a choice field may use one). Public
// reference data; the page has already checked the editor's permission.
import "server-only";
import { z } from "zod";
import { Component } from "@/lib/catalog/records";
import { db } from "@/lib/db/client";

interface EditorContext {
  components: { name: string; kind: "submit" | "show" }[];
  lists: { id: string; name: string }[];
}

export async function editorContext(procedureCode: string): Promise<EditorContext> {
  const [procedure, lists] = await Promise.all([
    db.procedure.findUnique({ where: { code: procedureCode }, select: { components: true } }),
    db.codeList.findMany({ select: { id: true, name: true }, orderBy: { id: "asc" } }),
  ]);
  const parsed = z.array(Component).safeParse(procedure?.components ?? []);
  return { components: parsed.success ? parsed.data.map((c) => ({ name: c.name, kind: c.kind })) : [], lists };
}
