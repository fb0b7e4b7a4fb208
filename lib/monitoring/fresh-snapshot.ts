// Keeps a cached snapshot's "as of" stamp honest (lib/monitoring/public-cached.ts). Pure: no I/O of its own.

/**
 * A reader that never answers a snapshot older than `maxAgeMs`: `read` (the shared cache, possibly stale) first,
 * and if its snapshot is too old, `compute` in the foreground, shared by the requests asking meanwhile.
 */
export function freshSnapshots<T extends { takenAt: string }>(
  read: () => Promise<T>,
  compute: () => Promise<T>,
  maxAgeMs: number,
  clock: () => number = Date.now,
): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  return async () => {
    const cached = await read();
    const age = clock() - Date.parse(cached.takenAt);
    // A stamp slightly ahead of this clock (another node's) is fresh, not stale.
    if (age <= maxAgeMs) return cached;
    inFlight ??= compute().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}
