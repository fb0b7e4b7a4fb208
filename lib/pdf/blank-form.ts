// A blank declaration form (tờ khai) to print and fill in by hand, drawn from the same definition the online form
// uses (lib/forms/definition.ts): the national heading, the title, the addressee, each step as a section, each field
// as a label with dotted lines (boxes for choices and the 12 digits of an identity number, a small table for a
// repeating group), the papers to attach, the declaration and the signature. Pure: a definition and names in, bytes out.
import { rgb } from "pdf-lib";
import type { Condition, FormDefinition, FormField } from "@/lib/forms/definition";
import { blankFormText as t } from "@/lib/i18n/vi/blank-form";
import { PdfLayout } from "@/lib/pdf/layout";

export interface BlankFormInfo {
  procedureName: string;
  procedureCode: string;
  /** Who the form is addressed to ("Kính gửi"). */
  agencyName: string;
  /** Names of code lists by id, for the hint beside a field whose choices are a list. */
  listNames?: Record<string, string>;
}

const SIZE = 11;
/** PdfLayout's line height factor. */
const LINE = 1.4;
/** Height of a line written by hand. */
const ROW = 21;
const BOX = 9;
const GREY = rgb(0.35, 0.35, 0.35);
const LIGHT = rgb(0.45, 0.45, 0.45);
const BLACK = rgb(0, 0, 0);
const ROMAN = [
  "I",
  "II",
  "III",
  "IV",
  "V",
  "VI",
  "VII",
  "VIII",
  "IX",
  "X",
  "XI",
  "XII",
  "XIII",
  "XIV",
  "XV",
  "XVI",
  "XVII",
  "XVIII",
  "XIX",
  "XX",
];

/** The title printed on the form: the definition's own, or "TỜ KHAI" and the procedure's name. */
export function blankFormTitle(def: FormDefinition, procedureName: string): string {
  return def.title ?? `${t.declarationWord} ${procedureName.toLocaleUpperCase("vi")}`;
}

export async function renderBlankForm(def: FormDefinition, info: BlankFormInfo): Promise<Uint8Array> {
  const title = blankFormTitle(def, info.procedureName);
  const pdf = await PdfLayout.create({ title, author: "Cổng Dịch vụ công quốc gia", subject: info.procedureName });
  const r = new BlankFormRenderer(pdf, def, info);
  r.render(title);
  r.numberPages();
  return pdf.save();
}

class BlankFormRenderer {
  private readonly byId = new Map<string, FormField>();

  constructor(
    private readonly pdf: PdfLayout,
    private readonly def: FormDefinition,
    private readonly info: BlankFormInfo,
  ) {
    for (const step of def.steps)
      for (const f of step.fields) {
        this.byId.set(f.id, f);
        for (const g of f.fields ?? []) if (!this.byId.has(g.id)) this.byId.set(g.id, g);
      }
  }

  private get right(): number {
    return this.pdf.left + this.pdf.contentWidth;
  }

  render(title: string): void {
    const { pdf, def, info } = this;
    // The form's number and instrument, in small print at the top right where official forms carry it.
    const source = def.source;
    const half = pdf.contentWidth * 0.55;
    const sx = this.right - half;
    if (source) {
      pdf.text(t.sourceLine(source.form, source.instrument), { size: 8, x: sx, width: half, align: "right", grey: true });
      if (source.status !== "confirmed") pdf.text(t.sourceUnconfirmed, { size: 8, x: sx, width: half, align: "right", grey: true });
    } else {
      pdf.text(t.genericSource, { size: 8, x: sx, width: half, align: "right", grey: true });
    }
    pdf.space(6);

    pdf.text(t.nation, { size: 12, bold: true, align: "center" });
    pdf.text(t.motto, { size: 13, bold: true, align: "center" });
    const mottoHalf = pdf.measure(t.motto, pdf.bold, 13) / 2;
    const mid = pdf.left + pdf.contentWidth / 2;
    pdf.page.drawLine({
      start: { x: mid - mottoHalf, y: pdf.y - 1 },
      end: { x: mid + mottoHalf, y: pdf.y - 1 },
      thickness: 0.6,
      color: BLACK,
    });
    pdf.space(18);

    pdf.text(title, { size: 14, bold: true, align: "center", after: 2 });
    pdf.text(t.procedureLine(info.procedureName, info.procedureCode), { size: 9, align: "center", grey: true, after: 10 });
    pdf.text(`${t.addressee} ${info.agencyName}`, { size: 12, align: "center", after: 12 });

    let section = 0;
    const papers: FormField[] = [];
    for (const step of def.steps) {
      const fields = step.fields.filter((f) => f.type !== "file");
      papers.push(...step.fields.filter((f) => f.type === "file"));
      if (fields.length === 0) continue;
      this.sectionTitle(section++, step.title);
      if (step.showWhen) pdf.text(t.stepWhen(this.describe(step.showWhen)), { size: 9, grey: true, after: 2 });
      for (const f of fields) this.field(f);
      pdf.space(4);
    }

    if (papers.length > 0) {
      this.sectionTitle(section++, t.papersTitle);
      pdf.text(t.papersHint, { size: 9, grey: true, after: 2 });
      for (const paper of papers) this.paper(paper);
      pdf.space(4);
    }

    pdf.ensure(150);
    pdf.text(t.declaration, { size: SIZE, after: 10 });
    const signWidth = pdf.contentWidth * 0.62;
    pdf.text(t.placeAndDate, { size: 10, x: this.right - signWidth, width: signWidth, align: "center", after: 4 });
    pdf.signatures([{ title: t.signer, note: t.signerNote }]);
  }

  /** "Trang 1/3" at the foot of every page. */
  numberPages(): void {
    const pages = this.pdf.doc.getPages();
    pages.forEach((page, i) => {
      const label = t.page(i + 1, pages.length);
      const w = this.pdf.regular.widthOfTextAtSize(label, 8);
      page.drawText(label, { x: this.pdf.left + (this.pdf.contentWidth - w) / 2, y: 28, size: 8, font: this.pdf.regular, color: GREY });
    });
  }

  private sectionTitle(index: number, title: string): void {
    this.pdf.ensure(SIZE * LINE * 2 + ROW);
    this.pdf.space(4);
    this.pdf.text(`${ROMAN[index] ?? index + 1}. ${title.toLocaleUpperCase("vi")}`, { size: SIZE, bold: true, after: 4 });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Fields

  private field(f: FormField): void {
    switch (f.type) {
      case "textarea":
        this.dotted(f.label, 4);
        break;
      case "address":
        this.dotted(f.label, 2);
        break;
      case "date":
        this.date(f.label);
        break;
      case "cccd":
        this.digitBoxes(f.label, 12);
        break;
      case "checkbox":
        this.checkbox(f.label);
        break;
      case "select":
      case "radio":
        if (f.options?.length)
          this.choices(
            f.label,
            f.options.map((o) => o.label),
            f.type === "radio" || f.type === "select",
          );
        else this.dotted(f.label, 1);
        break;
      case "group":
        this.group(f);
        break;
      default:
        // text, number, year, phone, email
        this.dotted(f.label, 1);
    }
    const hints: string[] = [];
    if ((f.type === "select" || f.type === "radio") && f.list)
      hints.push(t.listHint(this.info.listNames?.[f.list] ?? t.lists[f.list] ?? f.list));
    if (f.showWhen) hints.push(t.fieldWhen(this.describe(f.showWhen)));
    if (f.help) hints.push(f.help);
    if (hints.length) this.pdf.text(hints.join(" "), { size: 8.5, grey: true, x: this.pdf.left + 12, after: 2 });
  }

  /** The label, then a dotted line to the right margin; `lines` dotted lines in all. */
  private dotted(label: string, lines: number): void {
    const { pdf } = this;
    const labelLines = pdf.wrap(`${label}:`, pdf.regular, SIZE, pdf.contentWidth);
    pdf.ensure((labelLines.length - 1) * SIZE * LINE + ROW * Math.min(lines, 2));
    labelLines.slice(0, -1).forEach((l) => pdf.text(l, { size: SIZE }));
    const last = labelLines[labelLines.length - 1] ?? "";
    const top = pdf.y;
    pdf.text(last, { size: SIZE });
    const baseline = top - SIZE;
    let start = pdf.left + pdf.measure(last, pdf.regular, SIZE) + 4;
    let y = baseline;
    // Too little room after a long label: the writing line starts on the next line.
    if (this.right - start < 60) {
      y -= ROW;
      start = pdf.left;
    }
    this.dots(start, this.right, y - 1);
    pdf.y = y - (ROW - SIZE);
    for (let i = 1; i < lines; i++) {
      pdf.ensure(ROW);
      this.dots(pdf.left, this.right, pdf.y - SIZE - 1);
      pdf.y -= ROW;
    }
  }

  /** "Label: ……… / ……… / ………" with the words day, month, year under the blanks. */
  private date(label: string): void {
    const { pdf } = this;
    const text = `${label}:`;
    const labelLines = pdf.wrap(text, pdf.regular, SIZE, pdf.contentWidth - 200);
    pdf.ensure(Math.max(labelLines.length * SIZE * LINE, ROW) + 10);
    const top = pdf.y;
    for (const l of labelLines) pdf.text(l, { size: SIZE, width: pdf.contentWidth - 200 });
    const afterLabel = pdf.y;
    const lastWidth = pdf.measure(labelLines[labelLines.length - 1] ?? "", pdf.regular, SIZE);
    const baseline = top - (labelLines.length - 1) * SIZE * LINE - SIZE;
    let x = pdf.left + lastWidth + 8;
    const widths = [34, 34, 50];
    t.dateParts.forEach((part, i) => {
      const w = widths[i] ?? 34;
      this.dots(x, x + w, baseline - 1);
      this.inline(part, x, baseline - 9, 7, true, w);
      x += w;
      if (i < 2) {
        this.inline("/", x + 2, baseline, SIZE);
        x += 10;
      }
    });
    pdf.y = Math.min(afterLabel, baseline - 10) - (ROW - SIZE * LINE);
  }

  /** The label, then `n` boxes for one digit each (a 12-digit identity number). */
  private digitBoxes(label: string, n: number): void {
    const { pdf } = this;
    const w = 15;
    const h = 16;
    const labelLines = pdf.wrap(`${label}:`, pdf.regular, SIZE, pdf.contentWidth);
    pdf.ensure(labelLines.length * SIZE * LINE + h + 6);
    labelLines.slice(0, -1).forEach((l) => pdf.text(l, { size: SIZE }));
    const last = labelLines[labelLines.length - 1] ?? "";
    const top = pdf.y;
    pdf.text(last, { size: SIZE });
    let x = pdf.left + pdf.measure(last, pdf.regular, SIZE) + 8;
    let boxTop = top + 3;
    if (x + n * w > this.right) {
      x = pdf.left;
      boxTop = pdf.y;
    }
    for (let i = 0; i < n; i++)
      pdf.page.drawRectangle({ x: x + i * w, y: boxTop - h, width: w, height: h, borderColor: BLACK, borderWidth: 0.6 });
    pdf.y = Math.min(pdf.y, boxTop - h) - 6;
  }

  private checkbox(label: string): void {
    const { pdf } = this;
    const lines = pdf.wrap(label, pdf.regular, SIZE, pdf.contentWidth - BOX - 6);
    pdf.ensure(lines.length * SIZE * LINE + 4);
    this.box(pdf.left, pdf.y - 2);
    pdf.text(lines.join("\n"), { size: SIZE, x: pdf.left + BOX + 6, after: 4 });
  }

  /** The label, then a box before each choice, flowing across the line. */
  private choices(label: string, options: string[], one: boolean): void {
    const { pdf } = this;
    pdf.ensure(SIZE * LINE * 2 + 4);
    pdf.text(`${label}: ${one ? t.chooseOne : t.chooseMany}`, { size: SIZE, after: 1 });
    const indent = pdf.left + 12;
    let x = indent;
    let top = pdf.y;
    const gap = 16;
    for (const option of options) {
      const fits = (width: number) => x + width <= this.right;
      const width = BOX + 5 + pdf.measure(option, pdf.regular, SIZE);
      if (!fits(width) && x > indent) {
        top -= SIZE * LINE + 2;
        x = indent;
      }
      if (top - SIZE * LINE < 60) {
        pdf.newPage();
        top = pdf.y;
        x = indent;
      }
      this.box(x, top - 2);
      // A choice wider than the line wraps within it.
      const textWidth = Math.min(width - BOX - 5, this.right - x - BOX - 5);
      const saved = pdf.y;
      pdf.y = top;
      pdf.text(option, { size: SIZE, x: x + BOX + 5, width: textWidth + 1 });
      const used = top - pdf.y;
      pdf.y = saved;
      if (used > SIZE * LINE + 1) {
        top -= used + 2;
        x = indent;
      } else {
        x += width + gap;
      }
    }
    pdf.y = (x === indent ? top : top - SIZE * LINE) - 4;
  }

  /** A repeating group: its label, then a table with a column per field and a few empty rows. */
  private group(f: FormField): void {
    const { pdf } = this;
    const inner = f.fields ?? [];
    const rows = Math.max(1, Math.min(Math.max(f.minItems ?? 0, 3), f.maxItems ?? 6, 6));
    pdf.ensure(SIZE * LINE + 30 + rows * 22);
    pdf.text(`${f.label}:`, { size: SIZE, after: 2 });
    const header = (g: FormField): string => {
      const choices = g.options?.length ? ` (${g.options.map((o) => o.label).join("/")})` : "";
      return `${g.label}${g.type === "checkbox" ? " (x)" : choices}`;
    };
    const columns = [
      { header: t.groupNumber, share: 0.45, align: "center" as const },
      ...inner.map((g) => ({
        header: header(g),
        share: g.type === "checkbox" ? 0.7 : g.type === "textarea" || g.type === "address" ? 1.6 : 1,
      })),
    ];
    const empty = Array.from({ length: rows }, (_, i) => [String(i + 1), ...inner.map(() => "")]);
    pdf.table(columns, empty, 9);
  }

  private paper(f: FormField): void {
    const { pdf } = this;
    let suffix = "";
    if (f.requiredWhen) suffix = ` ${t.paperWhen(this.describe(f.requiredWhen))}`;
    else if (f.showWhen) suffix = ` ${t.paperWhen(this.describe(f.showWhen))}`;
    else if (!f.required && !/nếu có/i.test(f.label)) suffix = ` ${t.paperIfAny}`;
    this.checkbox(`${f.label}${suffix}`);
    if (f.help) pdf.text(f.help, { size: 8.5, grey: true, x: pdf.left + BOX + 6, after: 2 });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Drawing

  private dots(x1: number, x2: number, y: number): void {
    if (x2 - x1 < 4) return;
    this.pdf.page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness: 0.7, color: LIGHT, dashArray: [0.7, 2.3] });
  }

  private box(x: number, top: number): void {
    this.pdf.page.drawRectangle({ x, y: top - BOX - 1, width: BOX, height: BOX, borderColor: BLACK, borderWidth: 0.6 });
  }

  /** Text at a position without moving the cursor; `top` is the top of the text line. */
  private inline(text: string, x: number, baseline: number, size: number, grey = false, width?: number): void {
    const saved = this.pdf.y;
    this.pdf.y = baseline + size;
    this.pdf.text(text, { size, x, width: width ?? this.right - x, align: width ? "center" : "left", grey });
    this.pdf.y = saved;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Conditions in words

  private describe(c: Condition): string {
    const c2 = t.condition;
    if ("all" in c) return c.all.map((x) => this.describe(x)).join(c2.and);
    if ("any" in c) return c.any.map((x) => this.describe(x)).join(c2.or);
    if ("not" in c) return c2.not(this.describe(c.not));
    const f = this.byId.get(c.field);
    const label = f?.label ?? c.field;
    const option = (v: string) => f?.options?.find((o) => o.value === v)?.label ?? v;
    if ("filled" in c) return c.filled ? c2.filled(label) : c2.empty(label);
    if ("in" in c) return c.in.map((v) => c2.equals(label, option(v))).join(c2.or);
    if (typeof c.equals === "boolean") return c.equals ? c2.checked(label) : c2.unchecked(label);
    return c2.equals(label, option(String(c.equals)));
  }
}
