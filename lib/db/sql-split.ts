// Splits a migration file into statements, so that a failure can name the statement that failed.
// Knows enough SQL lexing for migrations: quotes, quoted identifiers, dollar quotes and comments.

export interface SqlStatement {
  sql: string;
  /** 1-based line of the statement's first character in the file. */
  line: number;
}

export function splitSqlStatements(source: string): SqlStatement[] {
  const out: SqlStatement[] = [];
  let start = 0;
  let i = 0;
  const n = source.length;
  const push = (end: number) => {
    const text = source.slice(start, end);
    if (stripComments(text).trim()) {
      // The statement starts at its first token, after any blank lines and comments before it.
      const lead = leadingNoise(text);
      const line = source.slice(0, start + lead).split("\n").length;
      out.push({ sql: text.slice(lead).trim(), line });
    }
  };
  while (i < n) {
    const c = source[i];
    const next = source[i + 1];
    if (c === "-" && next === "-") {
      const eol = source.indexOf("\n", i);
      i = eol === -1 ? n : eol + 1;
    } else if (c === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === "'" || c === '"') {
      i = skipQuoted(source, i, c);
    } else if (c === "$") {
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(source.slice(i));
      if (m) {
        const tag = m[0];
        const end = source.indexOf(tag, i + tag.length);
        i = end === -1 ? n : end + tag.length;
      } else {
        i++;
      }
    } else if (c === ";") {
      push(i + 1);
      start = i + 1;
      i++;
    } else {
      i++;
    }
  }
  push(n);
  return out;
}

function skipQuoted(s: string, i: number, q: string): number {
  let j = i + 1;
  while (j < s.length) {
    if (s[j] === q) {
      if (s[j + 1] === q)
        j += 2; // doubled quote inside the literal
      else return j + 1;
    } else j++;
  }
  return s.length;
}

function leadingNoise(s: string): number {
  let i = 0;
  for (;;) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (s.startsWith("--", i)) {
      const eol = s.indexOf("\n", i);
      i = eol === -1 ? s.length : eol + 1;
    } else if (s.startsWith("/*", i)) {
      const end = s.indexOf("*/", i + 2);
      i = end === -1 ? s.length : end + 2;
    } else return i;
  }
}

function stripComments(s: string): string {
  return s.replace(/--[^\n]*/g, "").replace(/\/\*[\s\S]*?\*\//g, "");
}
