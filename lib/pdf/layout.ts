// Small A4 layout helper over pdf-lib for administrative forms: DejaVu fonts (Vietnamese), wrapped text, rows, tables,
// images, the national header and signature blocks, with a top-down cursor that breaks pages when needed.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type Color, type PDFFont, type PDFPage } from "pdf-lib";
import { TIME_ZONE } from "@/lib/format";

const A4: [number, number] = [595.28, 841.89];
// Decree 30/2020/NĐ-CP margins for administrative documents: left 30 mm, right 20 mm, top and bottom 20 mm.
const MM = 72 / 25.4;
const MARGIN = { left: 30 * MM, right: 20 * MM, top: 20 * MM, bottom: 20 * MM };
const LINE = 1.4;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);

interface FontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
}

// The TTFs are ~1.4 MB together; read them once per process. The promise is cached so concurrent renders share one
// read, and dropped on failure so a transient error is not remembered forever.
let fontBytes: Promise<FontBytes> | null = null;

function loadFonts(): Promise<FontBytes> {
  if (!fontBytes) {
    const dir = path.join(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf");
    fontBytes = Promise.all([readFile(path.join(dir, "DejaVuSans.ttf")), readFile(path.join(dir, "DejaVuSans-Bold.ttf"))])
      .then(([regular, bold]) => ({ regular, bold }))
      .catch((error: unknown) => {
        fontBytes = null;
        throw error;
      });
  }
  return fontBytes;
}

export interface DocumentMeta {
  title: string;
  author: string;
  subject?: string;
}

export type Align = "left" | "center" | "right";

export interface TextOptions {
  size?: number;
  bold?: boolean;
  align?: Align;
  /** Left edge of the text box; defaults to the left margin. */
  x?: number;
  /** Width of the text box; defaults to the rest of the line. */
  width?: number;
  grey?: boolean;
  /** Extra space below the block. */
  after?: number;
}

export interface TableColumn {
  header: string;
  /** Share of the content width; the shares are normalised so they need not add up to 1. */
  share: number;
  align?: Align;
}

export interface NationalHeader {
  agencyName: string;
  /** The governing body printed above the agency, e.g. "UBND QUẬN BA ĐÌNH" above a ward. */
  parentAgencyName?: string;
  /** e.g. "Số: 15/QĐ-UBND". */
  numberLine?: string;
  /** e.g. "Hà Nội, ngày 04 tháng 05 năm 2016". */
  placeAndDate?: string;
}

export interface SignatureColumn {
  title: string;
  note?: string;
  name?: string;
}

// Built once: constructing a DateTimeFormat costs far more than formatting with it. h23, because some ICU versions
// print midnight as "24" with hour12: false.
const VN_CLOCK = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** Calendar and clock fields of an instant as seen in Vietnam, zero-padded. */
export function vnParts(d: Date): { day: string; month: string; year: string; hour: string; minute: string } {
  const parts = VN_CLOCK.formatToParts(d);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? "";
  return { day: get("day"), month: get("month"), year: get("year"), hour: get("hour"), minute: get("minute") };
}

/** "ngày 04 tháng 05 năm 2016", the wording of dates on administrative documents. */
export function vnLongDate(d: Date): string {
  const p = vnParts(d);
  return `ngày ${p.day} tháng ${p.month} năm ${p.year}`;
}

/** "10 giờ 05 phút, ngày 04/05/2016". */
export function vnDateTime(d: Date): string {
  const p = vnParts(d);
  return `${p.hour} giờ ${p.minute} phút, ngày ${p.day}/${p.month}/${p.year}`;
}

/** "2016-05-11" → "11/05/2016"; the appointment is a calendar date, so no time zone applies. */
export function isoDateToVn(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = new Date(`${iso}T00:00:00Z`);
  if (!m || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
    throw new RangeError(`not a yyyy-mm-dd date: ${iso}`);
  }
  return `${m[3]}/${m[2]}/${m[1]}`;
}

export class PdfLayout {
  page: PDFPage;
  /** Top of the next line, in PDF points from the bottom of the page. */
  y: number;
  private readonly widths = new Map<PDFFont, Map<string, number>>();
  /** Font last selected on the current page; see `drawLine`. */
  private pageFont: PDFFont | undefined;

  private constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN.top;
  }

  static async create(meta: DocumentMeta): Promise<PdfLayout> {
    const [fonts, doc] = await Promise.all([loadFonts(), PDFDocument.create()]);
    // A fresh fontkit parse per document is deliberate: sharing one parsed font across documents breaks the ToUnicode
    // map (fontkit caches glyphs first created as composite components of an earlier subset without code points,
    // so "â" in "dân" extracts as "D"). Re-parsing costs about 30 ms a render.
    doc.registerFontkit(fontkit);
    // Subsetting keeps a one-page form around 30 kB instead of carrying both full fonts.
    const [regular, bold] = await Promise.all([
      doc.embedFont(fonts.regular, { subset: true }),
      doc.embedFont(fonts.bold, { subset: true }),
    ]);
    doc.setTitle(meta.title, { showInWindowTitleBar: true });
    doc.setAuthor(meta.author);
    if (meta.subject) doc.setSubject(meta.subject);
    doc.setLanguage("vi");
    doc.setCreator("Cổng Dịch vụ công Quốc gia");
    doc.setProducer("pdf-lib");
    return new PdfLayout(doc, regular, bold);
  }

  get left(): number {
    return MARGIN.left;
  }

  get contentWidth(): number {
    return A4[0] - MARGIN.left - MARGIN.right;
  }

  /** Starts a new page when fewer than `height` points remain above the bottom margin. */
  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.pageFont = undefined;
    this.y = A4[1] - MARGIN.top;
  }

  space(points: number): void {
    this.y -= points;
  }

  /**
   * Width of a single-spaced line. fontkit shapes every string it measures (~0.1 ms a call) and word wrap measures
   * each growing line, so widths are cached per word and summed; pdf-lib draws without kerning, so the sum is exact.
   */
  measure(text: string, font: PDFFont, size: number): number {
    let cache = this.widths.get(font);
    if (!cache) this.widths.set(font, (cache = new Map()));
    let units = 0;
    const words = text.split(" ");
    for (const word of words) {
      let w = cache.get(word);
      if (w === undefined) cache.set(word, (w = font.widthOfTextAtSize(word, 1)));
      units += w;
    }
    return (units + (words.length - 1) * this.spaceWidth(font, cache)) * size;
  }

  private spaceWidth(font: PDFFont, cache: Map<string, number>): number {
    let w = cache.get(" ");
    if (w === undefined) cache.set(" ", (w = font.widthOfTextAtSize(" ", 1)));
    return w;
  }

  /** Greedy word wrap; words longer than the width (URLs, codes) are broken between characters. */
  wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    const fits = (s: string): boolean => this.measure(s, font, size) <= width;
    for (const paragraph of text.normalize("NFC").split("\n")) {
      let line = "";
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (fits(candidate)) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        line = word;
        while (!fits(line)) {
          const chars = Array.from(line);
          let n = chars.length - 1;
          while (n > 1 && !fits(chars.slice(0, n).join(""))) n--;
          lines.push(chars.slice(0, n).join(""));
          line = chars.slice(n).join("");
        }
      }
      lines.push(line);
    }
    return lines;
  }

  /** Writes wrapped text at the cursor and moves the cursor below it. */
  text(text: string, opts: TextOptions = {}): void {
    const size = opts.size ?? 11;
    const font = opts.bold ? this.bold : this.regular;
    const x = opts.x ?? MARGIN.left;
    const width = opts.width ?? A4[0] - MARGIN.right - x;
    for (const line of this.wrap(text, font, size, width)) {
      this.ensure(size * LINE);
      const w = this.measure(line, font, size);
      const dx = opts.align === "center" ? (width - w) / 2 : opts.align === "right" ? width - w : 0;
      // Baseline sits one em below the line top, leaving the rest of the leading under the descenders.
      if (line) this.drawLine(line, x + dx, this.y - size, size, font, opts.grey ? GREY : BLACK);
      this.y -= size * LINE;
    }
    this.y -= opts.after ?? 0;
  }

  heading(text: string, size = 13): void {
    this.text(text, { size, bold: true, align: "center", after: 4 });
  }

  /** A label in a fixed left column and its value wrapped in the rest of the line. */
  keyValue(label: string, value: string, opts: { labelWidth?: number; boldValue?: boolean; size?: number } = {}): void {
    const size = opts.size ?? 11;
    const labelWidth = opts.labelWidth ?? 165;
    const labelLines = this.wrap(label, this.regular, size, labelWidth - 6);
    const valueLines = this.wrap(value, opts.boldValue ? this.bold : this.regular, size, this.contentWidth - labelWidth);
    // Keep a row on one page: a label separated from its value is unreadable.
    this.ensure(Math.max(labelLines.length, valueLines.length) * size * LINE);
    const top = this.y;
    this.text(label, { size, width: labelWidth - 6 });
    const afterLabel = this.y;
    this.y = top;
    this.text(value, { size, bold: opts.boldValue, x: MARGIN.left + labelWidth });
    this.y = Math.min(this.y, afterLabel) - 2;
  }

  /** A bordered table with a bold header row, repeated on each new page. */
  table(columns: TableColumn[], rows: string[][], size = 10): void {
    const total = columns.reduce((sum, c) => sum + c.share, 0);
    const widths = columns.map((c) => (c.share / total) * this.contentWidth);
    const pad = 4;
    const drawRow = (cells: string[], bold: boolean): void => {
      const font = bold ? this.bold : this.regular;
      const wrapped = widths.map((w, i) => this.wrap(cells[i] ?? "", font, size, w - 2 * pad));
      const height = Math.max(...wrapped.map((l) => l.length)) * size * LINE + 2 * pad;
      if (this.y - height < MARGIN.bottom) {
        this.newPage();
        if (!bold)
          drawRow(
            columns.map((c) => c.header),
            true,
          );
      }
      const top = this.y;
      let x = MARGIN.left;
      widths.forEach((w, i) => {
        this.page.drawRectangle({ x, y: top - height, width: w, height, borderColor: BLACK, borderWidth: 0.5 });
        this.y = top - pad;
        this.text((wrapped[i] ?? []).join("\n"), { size, bold, x: x + pad, width: w - 2 * pad, align: columns[i]?.align });
        x += w;
      });
      this.y = top - height;
    };
    drawRow(
      columns.map((c) => c.header),
      true,
    );
    for (const row of rows) drawRow(row, false);
    this.y -= 6;
  }

  /** Embeds a PNG at the given width (keeping its aspect ratio). */
  async image(png: Uint8Array, opts: { width: number; align?: Align }): Promise<void> {
    const image = await this.doc.embedPng(png);
    const height = (image.height / image.width) * opts.width;
    this.ensure(height);
    const free = this.contentWidth - opts.width;
    const dx = opts.align === "center" ? free / 2 : opts.align === "right" ? free : 0;
    this.page.drawImage(image, { x: MARGIN.left + dx, y: this.y - height, width: opts.width, height });
    this.y -= height + 4;
  }

  /**
   * The header every administrative document carries (Decree 30/2020/NĐ-CP): the issuing agency on the left, the
   * national motto on the right, each underlined, then the number and the place and date.
   */
  nationalHeader(h: NationalHeader): void {
    const leftWidth = this.contentWidth * 0.42;
    const rightX = MARGIN.left + leftWidth;
    const rightWidth = this.contentWidth - leftWidth;
    const top = this.y;

    if (h.parentAgencyName) this.text(h.parentAgencyName.toLocaleUpperCase("vi"), { size: 11, width: leftWidth, align: "center" });
    this.text(h.agencyName.toLocaleUpperCase("vi"), { size: 11, bold: true, width: leftWidth, align: "center" });
    this.rule(MARGIN.left + leftWidth / 2, 40);
    const leftBottom = this.y;

    this.y = top;
    this.text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { size: 11, bold: true, x: rightX, width: rightWidth, align: "center" });
    this.text("Độc lập - Tự do - Hạnh phúc", { size: 12, bold: true, x: rightX, width: rightWidth, align: "center" });
    this.rule(rightX + rightWidth / 2, this.measure("Độc lập - Tự do - Hạnh phúc", this.bold, 12) / 2);
    this.y = Math.min(this.y, leftBottom) - 6;

    const row = this.y;
    if (h.numberLine) this.text(h.numberLine, { size: 11, width: leftWidth, align: "center" });
    const numberBottom = this.y;
    this.y = row;
    if (h.placeAndDate) this.text(h.placeAndDate, { size: 11, x: rightX, width: rightWidth, align: "center" });
    this.y = Math.min(this.y, numberBottom) - 14;
  }

  /** Signature blocks side by side, the last one against the right edge (the signer's place on Vietnamese forms). */
  signatures(columns: SignatureColumn[]): void {
    const width = this.contentWidth / 2;
    this.ensure(90);
    const top = this.y;
    let bottom = top;
    columns.forEach((c, i) => {
      const x = MARGIN.left + this.contentWidth - (columns.length - i) * width;
      this.y = top;
      this.text(c.title.toLocaleUpperCase("vi"), { size: 11, bold: true, x, width, align: "center" });
      if (c.note) this.text(c.note, { size: 10, x, width, align: "center", grey: true });
      this.y -= 40;
      if (c.name) this.text(c.name, { size: 11, bold: true, x, width, align: "center" });
      bottom = Math.min(bottom, this.y);
    });
    this.y = bottom - 6;
  }

  /**
   * pdf-lib adds a fresh font resource key each time drawText is given a font (and another when it restores the
   * previous one), so the font is selected on the page only when it changes.
   */
  private drawLine(text: string, x: number, y: number, size: number, font: PDFFont, color: Color): void {
    if (this.pageFont !== font) {
      this.page.setFont(font);
      this.pageFont = font;
    }
    this.page.drawText(text, { x, y, size, color });
  }

  /** A short centred rule under header lines; `half` is half its length. */
  private rule(centerX: number, half: number): void {
    // The cursor is already below the descenders; a little lower still keeps the rule clear of them.
    const y = this.y - 1;
    this.page.drawLine({ start: { x: centerX - half, y }, end: { x: centerX + half, y }, thickness: 0.6, color: BLACK });
    this.y -= 6;
  }

  save(): Promise<Uint8Array> {
    return this.doc.save();
  }
}
