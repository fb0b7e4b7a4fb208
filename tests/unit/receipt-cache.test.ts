// The receipt PDF is drawn on its first download and served from the file store after that; a changed receipt
// (another appointment date) is drawn again under its own key.
import { describe, expect, it } from "vitest";
import { FileNotFoundError, type FileStorage } from "@/lib/files/storage";
import { cachedDossierReceipt, receiptCacheKey } from "@/lib/pdf/receipt-cache";
import type { DossierReceiptData } from "@/lib/pdf/receipt";

const receipt: DossierReceiptData = {
  agencyName: "UBND phường Bến Thành",
  code: "000.00.00.H29-261207-0001",
  applicantName: "Nguyễn Thị Minh Anh",
  serviceName: "Đăng ký khai sinh",
  papers: [{ name: "Giấy chứng sinh", copies: "Bản điện tử" }],
  channelLabel: "Trực tuyến",
  submittedAt: new Date("2026-12-07T03:05:00Z"),
  dueDate: "2026-12-10",
  processingDays: 3,
  feeText: "Không thu phí, lệ phí",
  trackingUrl: "https://dichvucong.example/tra-cuu-ho-so?ma=000.00.00.H29-261207-0001",
};

/** An in-memory store that counts writes. */
function memoryStore(): FileStorage & { puts: string[]; objects: Map<string, Buffer> } {
  const objects = new Map<string, Buffer>();
  const puts: string[] = [];
  return {
    puts,
    objects,
    async put(key, bytes) {
      puts.push(key);
      objects.set(key, Buffer.from(bytes));
    },
    async get(key) {
      const b = objects.get(key);
      if (!b) throw new FileNotFoundError(key);
      return b;
    },
    async remove(key) {
      objects.delete(key);
    },
    async *list() {},
  };
}

describe("the receipt cache", () => {
  const id = "7f1c2a3b-0000-4000-8000-000000000001";

  it("draws the receipt once and serves the stored bytes after", async () => {
    const store = memoryStore();
    const first = await cachedDossierReceipt(id, receipt, store);
    expect(Buffer.from(first).subarray(0, 5).toString()).toBe("%PDF-");
    expect(store.puts).toEqual([receiptCacheKey(id, receipt)]);
    // Mark the stored copy: the second download must be these bytes, not a new drawing.
    const key = store.puts[0]!;
    store.objects.set(key, Buffer.concat([store.objects.get(key)!, Buffer.from("%cached")]));
    const second = await cachedDossierReceipt(id, receipt, store);
    expect(Buffer.from(second).toString("latin1").endsWith("%cached")).toBe(true);
    expect(store.puts).toHaveLength(1);
  });

  it("draws a changed receipt again under its own key, and another dossier's under another", async () => {
    const store = memoryStore();
    await cachedDossierReceipt(id, receipt, store);
    await cachedDossierReceipt(id, { ...receipt, dueDate: "2026-12-11" }, store);
    await cachedDossierReceipt("7f1c2a3b-0000-4000-8000-000000000002", receipt, store);
    expect(new Set(store.puts).size).toBe(3);
    expect(store.puts.every((k) => k.startsWith("cache/receipts/") && k.endsWith(".pdf"))).toBe(true);
  });

  it("still gives the receipt when the store cannot keep it", async () => {
    const store = memoryStore();
    store.put = async () => {
      throw new Error("store down");
    };
    const pdf = await cachedDossierReceipt(id, receipt, store);
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  });
});
