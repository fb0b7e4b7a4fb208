// The message catalog (lib/i18n/messages): Vietnamese and English have the same keys, and each message the
// same ICU arguments (a missing or misspelt argument in either language fails here). That every key used in
// the code exists is checked by the compiler (types/next-intl.d.ts types t("…") against vi.json).
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import vi from "@/lib/i18n/messages/vi.json";

type Tree = { [key: string]: string | Tree };

/** Every message of a catalog by its dotted key. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/**
 * The arguments of an ICU message with their kind ("name", "name:plural", "name:select", …), and whether
 * its braces balance. Enough of ICU for the catalog: no apostrophe-quoted braces.
 */
function icuArguments(message: string): { args: Set<string>; balanced: boolean } {
  const args = new Set<string>();
  let i = 0;
  // Reads message text until an unmatched "}" (or the end); arguments start at "{".
  function text(): boolean {
    while (i < message.length) {
      const c = message[i];
      if (c === "}") return true;
      if (c === "{") {
        i++;
        if (!argument()) return false;
      } else i++;
    }
    return true;
  }
  // After "{": name [, type [, style or options]] "}".
  function argument(): boolean {
    const m = /^\s*([A-Za-z_][\w]*)\s*(?:,\s*([a-z]+)\s*)?/.exec(message.slice(i));
    if (!m) return false;
    i += m[0].length;
    const [, name, kind] = m;
    args.add(kind ? `${name}:${kind}` : name!);
    if (message[i] === "}") {
      i++;
      return true;
    }
    if (message[i] !== ",") return false;
    i++;
    if (kind === "plural" || kind === "select" || kind === "selectordinal") {
      // options: selector "{" message "}" …
      for (;;) {
        const o = /^\s*(=?[\w-]+)\s*/.exec(message.slice(i));
        if (!o) break;
        i += o[0].length;
        if (message[i] !== "{") return false;
        i++;
        if (!text() || message[i] !== "}") return false;
        i++;
      }
      while (/\s/.test(message[i] ?? "")) i++;
    } else {
      // a style (number, date formats): up to the closing brace
      while (i < message.length && message[i] !== "}") i++;
    }
    if (message[i] !== "}") return false;
    i++;
    return true;
  }
  const ok = text() && i === message.length;
  return { args, balanced: ok };
}

const viMessages = flatten(vi as Tree);
const enMessages = flatten(en as Tree);

describe("the message catalog", () => {
  it("has the same keys in Vietnamese and English", () => {
    const missingInEn = [...viMessages.keys()].filter((k) => !enMessages.has(k));
    const missingInVi = [...enMessages.keys()].filter((k) => !viMessages.has(k));
    expect({ missingInEn, missingInVi }).toEqual({ missingInEn: [], missingInVi: [] });
    expect(viMessages.size).toBeGreaterThan(20);
  });

  it("has no empty message", () => {
    const empty = [...viMessages, ...enMessages].filter(([, v]) => v.trim() === "").map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it("has well-formed messages with the same arguments in both languages", () => {
    const problems: string[] = [];
    for (const [key, viText] of viMessages) {
      const enText = enMessages.get(key);
      if (enText === undefined) continue;
      const a = icuArguments(viText);
      const b = icuArguments(enText);
      if (!a.balanced) problems.push(`vi ${key}: malformed`);
      if (!b.balanced) problems.push(`en ${key}: malformed`);
      const sa = [...a.args].sort().join(",");
      const sb = [...b.args].sort().join(",");
      if (sa !== sb) problems.push(`${key}: vi {${sa}} en {${sb}}`);
    }
    expect(problems).toEqual([]);
  });

  it("reads ICU arguments, plural options included", () => {
    expect([...icuArguments("{n, plural, one {# item in {place}} other {# items}} for {who}").args].sort()).toEqual([
      "n:plural",
      "place",
      "who",
    ]);
    expect(icuArguments("{n, plural, one {x}").balanced).toBe(false);
    expect(icuArguments("a } b").balanced).toBe(false);
    expect([...icuArguments("{total, number} ₫").args]).toEqual(["total:number"]);
  });

  it("has no Vietnamese letters in English messages except the way back to Vietnamese", () => {
    const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
    const allowed = new Set(["header.switchLabel", "header.switchTitle"]);
    const found = [...enMessages].filter(([k, v]) => !allowed.has(k) && VIETNAMESE.test(v)).map(([k]) => k);
    expect(found).toEqual([]);
  });
});
