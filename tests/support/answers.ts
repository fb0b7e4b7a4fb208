// Test data for filing that needs nothing of the request or the session: a minimal PDF and valid answers to a
// form (the end-to-end harness tests/support/file-dossier.ts uses them outside vitest too).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { FormDefinition, FormField } from "@/lib/forms/definition";

/** The first code of a seeded code list (prisma/data/codelists/<list>.json). */
function firstCode(list: string): string {
  const file = JSON.parse(readFileSync(path.join(process.cwd(), "prisma", "data", "codelists", `${list}.json`), "utf8")) as {
    items: { code: string }[];
  };
  return file.items[0]!.code;
}

export const PDF_BYTES = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/** Valid answers for every non-file field of a form. */
export function validAnswers(form: FormDefinition): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const value = (f: FormField): unknown => {
    switch (f.type) {
      case "cccd":
        return "079190012345";
      case "phone":
        return "0912345678";
      case "email":
        return "congdan@dichvucong.example";
      case "date":
        return "1990-05-12";
      case "number":
        return String(f.min ?? 1);
      case "year":
        return "1990";
      case "group":
        return [validAnswers({ format: 2, steps: [{ id: "x", title: "x", fields: f.fields ?? [] }] } as FormDefinition)];
      case "checkbox":
        return true;
      case "select":
      case "radio":
        return f.options?.[0]?.value ?? (f.list ? firstCode(f.list) : undefined);
      case "address":
        return { province: "79", district: "760", ward: "26734", street: "12 Lê Lợi" };
      case "file":
        return undefined;
      default:
        return "Nguyễn Thị Minh Anh";
    }
  };
  for (const f of form.steps.flatMap((s) => s.fields)) {
    const v = value(f);
    if (v !== undefined) out[f.id] = v;
  }
  return out;
}
