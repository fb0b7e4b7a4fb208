// A dossier's receipt (form 01) is rendered on its first download and kept in the file store; every later
// download of the same receipt reads the stored bytes. The key is a digest of exactly what the receipt prints
// (DossierReceiptData) and of the build that drew it, so a changed dossier (the officer's receipt sets the
// appointment again) or a new layout gets a new file, never a stale one. Cached files are named by no row: the
// orphan sweep (lib/files/sweep.ts) removes them after its grace period, and the next download draws them again.
import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { FileNotFoundError, fileStorage, sha256Hex, type FileStorage } from "@/lib/files/storage";
import { renderDossierReceipt, type DossierReceiptData } from "./receipt";

let build: string | undefined;

/** The running build (Next's BUILD_ID), so a deployment with another layout never serves an older drawing. */
function buildId(): string {
  if (build === undefined) {
    try {
      build = readFileSync(path.join(process.cwd(), ".next", "BUILD_ID"), "utf8").trim();
    } catch {
      build = "dev";
    }
  }
  return build;
}

/** The store's key of a dossier's receipt as these data print it. */
export function receiptCacheKey(dossierId: string, data: DossierReceiptData): string {
  const digest = sha256Hex(Buffer.from(JSON.stringify({ build: buildId(), data })));
  return `cache/receipts/${dossierId}/${digest}.pdf`;
}

/** The receipt's PDF: the stored drawing when there is one, else drawn now and stored for the next download. */
export async function cachedDossierReceipt(
  dossierId: string,
  data: DossierReceiptData,
  storage: FileStorage = fileStorage(),
): Promise<Uint8Array> {
  const key = receiptCacheKey(dossierId, data);
  try {
    return await storage.get(key);
  } catch (err) {
    // Not drawn yet (or swept): draw it. A store that cannot be read now: draw it all the same.
    if (!(err instanceof FileNotFoundError)) console.warn(`[receipt] cache unreadable: ${String(err)}`);
  }
  const pdf = await renderDossierReceipt(data);
  // A store that cannot take it now costs only the next drawing: the citizen gets the receipt either way.
  await storage.put(key, pdf).catch((err: unknown) => console.warn(`[receipt] not cached: ${String(err)}`));
  return pdf;
}
