// Placeholder: the real sweep comes with the storage work (issue 16). Same signature.
import "server-only";
import type { FileStorage } from "./storage";

export async function sweepOrphanFiles(
  opts: { now?: Date; graceHours?: number; storage?: FileStorage; batchSize?: number } = {},
): Promise<{ scanned: number; removed: number }> {
  void opts;
  return { scanned: 0, removed: 0 };
}
