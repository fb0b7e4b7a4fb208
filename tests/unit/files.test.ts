// The one content sniffer and the one CSV writer (lib/files): each caller's accepted set, RFC 4180 quoting.
import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/files/csv";
import { DOCUMENT_TYPES, PAPER_TYPES, sniffFile } from "@/lib/files/sniff";

const PDF = new TextEncoder().encode("%PDF-1.7\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00]);

describe("sniffFile", () => {
  it("recognises PDF, PNG and JPEG by their bytes whatever the name says", () => {
    expect(sniffFile(PDF, "anh.png", PAPER_TYPES)).toEqual({ contentType: "application/pdf", ext: "pdf" });
    expect(sniffFile(PNG, "x", PAPER_TYPES)).toEqual({ contentType: "image/png", ext: "png" });
    expect(sniffFile(JPEG, "x.pdf", DOCUMENT_TYPES)).toEqual({ contentType: "image/jpeg", ext: "jpg" });
  });

  it("takes office files (ZIP signature and extension) only where they are accepted", () => {
    expect(sniffFile(ZIP, "Phu-luc.DOCX", DOCUMENT_TYPES)?.ext).toBe("docx");
    expect(sniffFile(ZIP, "bang.ods", DOCUMENT_TYPES)?.contentType).toBe("application/vnd.oasis.opendocument.spreadsheet");
    expect(sniffFile(ZIP, "phu-luc.docx", PAPER_TYPES)).toBeNull();
    expect(sniffFile(ZIP, "nen.zip", DOCUMENT_TYPES)).toBeNull();
  });

  it("refuses anything else, even named like an accepted file", () => {
    expect(sniffFile(EXE, "giay-to.pdf", PAPER_TYPES)).toBeNull();
    expect(sniffFile(EXE, "phu-luc.docx", DOCUMENT_TYPES)).toBeNull();
    expect(sniffFile(new Uint8Array(), "trong.pdf", DOCUMENT_TYPES)).toBeNull();
  });
});

describe("toCsv", () => {
  it("quotes only fields with a quote, comma or line break, ends records with CRLF, and writes null as empty", () => {
    expect(
      toCsv([
        ["Tháng", "Số hồ sơ"],
        ["2026-01", 12],
        ['Có "dấu", phẩy', null],
        ["hai\ndòng", 1.5],
      ]),
    ).toBe('Tháng,Số hồ sơ\r\n2026-01,12\r\n"Có ""dấu"", phẩy",\r\n"hai\ndòng",1.5\r\n');
  });

  it("puts the UTF-8 byte-order mark first only when asked", () => {
    expect(toCsv([["a"]], { bom: true })).toBe("\uFEFFa\r\n");
    expect(toCsv([["a"]]).charCodeAt(0)).toBe(0x61);
  });
});
