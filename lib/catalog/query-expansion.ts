// A search query in the words of the official names: what citizens type ("sổ đỏ", "bằng lái", "CCCD")
// rewritten with the synonyms administrators keep (lib/catalog/synonyms.ts). Pure.
import { fold } from "./fold";

export interface Synonym {
  /** fold(what people type). */
  phraseKey: string;
  /** fold(the official words it stands for). */
  officialKey: string;
}

/** The words of a folded text: letters and digits only, so punctuation never stops a match. */
export function words(folded: string): string[] {
  return folded.split(/[^a-z0-9]+/).filter(Boolean);
}

/**
 * What makes a procedure's name a variant of a more common one: renewing, replacing, reissuing, deleting,
 * a mobile service, a special audience, a higher level of government. A name holding one of these that the
 * query does not ask for ranks after the names without: "tạm trú" finds "Đăng ký tạm trú" before "Gia hạn
 * tạm trú" and "Xóa đăng ký tạm trú". Folded phrases, matched as whole words.
 */
const VARIANT_MARKERS = [
  "gia han",
  "xoa dang ky",
  "cap lai",
  "dang ky lai",
  "cap doi",
  "doi giay",
  "luu dong",
  "trinh bao mat",
  "khoi phuc",
  "thu hoi",
  "cham dut",
  "dieu chinh",
  "dinh chinh",
  "sua doi",
  "duoi 14 tuoi",
  "cap trung uong",
  "nguoi dich",
  "cho co quan",
  "yeu to nuoc ngoai",
  "ket hop",
  "lien thong",
] as const;

/** The variant markers a query does not itself hold: the names holding one of them rank lower. */
export function variantMarkersFor(alts: readonly string[]): string[] {
  return VARIANT_MARKERS.filter((m) => !alts.some((a) => ` ${a} `.includes(` ${m} `)));
}

/** The folded key a phrase is stored and matched under: its words, single-spaced. */
export function phraseKeyOf(phrase: string): string {
  return words(fold(phrase)).join(" ");
}

/**
 * The query as typed (folded), then the same query with every synonym it holds as whole words replaced by
 * its official words (longest phrase first, each part of the query replaced at most once). A query
 * without synonyms gives one alternative.
 */
export function expandQuery(q: string, synonyms: readonly Synonym[]): string[] {
  const typed = words(fold(q)).join(" ");
  if (!typed) return [];
  const tokens = typed.split(" ");
  const byLength = [...synonyms]
    .map((s) => ({ from: words(s.phraseKey), to: words(s.officialKey).join(" ") }))
    .filter((s) => s.from.length > 0 && s.to)
    .sort((a, b) => b.from.length - a.from.length);
  const out: string[] = [];
  let replaced = false;
  for (let i = 0; i < tokens.length;) {
    const hit = byLength.find((s) => s.from.every((w, j) => tokens[i + j] === w));
    if (hit) {
      out.push(hit.to);
      i += hit.from.length;
      replaced = true;
    } else {
      out.push(tokens[i]!);
      i += 1;
    }
  }
  const expanded = out.join(" ");
  return replaced && expanded !== typed ? [typed, expanded] : [typed];
}
