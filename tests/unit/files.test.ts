// The one content sniffer, the one CSV writer and the one download response (lib/files).
import { describe, expect, it } from "vitest";
import { csvDownload, toCsv } from "@/lib/files/csv";
import { fileDownload, notFoundText } from "@/lib/files/download";
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

describe("fileDownload", () => {
  it("names an ASCII file plainly and a Vietnamese one with filename*, with its length, private by default", async () => {
    const plain = fileDownload(new Uint8Array([1, 2, 3]), { contentType: "application/pdf", fileName: "bien-lai-1.pdf" });
    expect(plain.headers.get("Content-Disposition")).toBe('attachment; filename="bien-lai-1.pdf"');
    expect(plain.headers.get("Content-Length")).toBe("3");
    expect(plain.headers.get("Cache-Control")).toBe("private, no-store");
    const vi = fileDownload("x", { contentType: "text/plain", fileName: "Giấy tờ.pdf" });
    expect(vi.headers.get("Content-Disposition")).toBe("attachment; filename*=UTF-8''Gi%E1%BA%A5y%20t%E1%BB%9D.pdf");
  });

  it("sends a CSV with exactly one byte-order mark, and a 404 that says only 'not found'", async () => {
    for (const text of ["a\r\n", "\uFEFFa\r\n"]) {
      const bytes = new Uint8Array(await csvDownload(text, "t.csv", "public, max-age=60").arrayBuffer());
      expect([...bytes]).toEqual([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]);
    }
    const missing = notFoundText("Không tìm thấy tệp.");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("Không tìm thấy tệp.");
  });
});
