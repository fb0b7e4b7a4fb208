// Vietnamese text folding for search: lower case, no diacritics, đ → d. The SQL function
// portal_fold() does the same in the database (unaccent); this twin serves slugs and highlighting.
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** A search query as typed: trimmed, inner whitespace collapsed, bounded in length. */
export function cleanQuery(q: string | undefined | null): string {
  return (q ?? "").replace(/\s+/g, " ").trim().slice(0, 120);
}
