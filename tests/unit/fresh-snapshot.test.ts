// The public statistics' "as of" stamp (lib/monitoring/public-cached.ts): Next's data cache serves a stale entry
// once its minute has passed (stale-while-revalidate), so after a quiet hour the page showed figures an hour old.
// freshSnapshots never answers a snapshot older than the stated interval.
import { describe, expect, it } from "vitest";
import { freshSnapshots } from "@/lib/monitoring/fresh-snapshot";

const MINUTE = 60_000;
const T0 = Date.parse("2026-12-07T08:00:00Z");

/** A stand-in for unstable_cache: answers what it holds whatever its age, as Next does for a stale entry. */
function staleWhileRevalidate(initial: { takenAt: string; n: number }) {
  let held = initial;
  return {
    read: async () => held,
    store: (s: { takenAt: string; n: number }) => {
      held = s;
    },
  };
}

describe("the public statistics' snapshot age", () => {
  it("serves the cached snapshot while it is within the interval, without computing", async () => {
    let now = T0 + 30_000;
    let computed = 0;
    const cache = staleWhileRevalidate({ takenAt: new Date(T0).toISOString(), n: 1 });
    const get = freshSnapshots(
      cache.read,
      async () => ({ takenAt: new Date(now).toISOString(), n: ++computed + 1 }),
      70_000,
      () => now,
    );
    expect((await get()).n).toBe(1);
    now = T0 + 70_000;
    expect((await get()).n).toBe(1);
    expect(computed).toBe(0);
  });

  it("recomputes at once when the cache answers a snapshot older than the interval: the stamp is now, not an hour ago", async () => {
    const now = T0 + 60 * MINUTE;
    let computed = 0;
    const cache = staleWhileRevalidate({ takenAt: new Date(T0).toISOString(), n: 1 });
    const get = freshSnapshots(
      cache.read,
      async () => {
        computed++;
        return { takenAt: new Date(now).toISOString(), n: 2 };
      },
      70_000,
      () => now,
    );
    const s = await get();
    expect(s.n).toBe(2);
    expect(Date.parse(s.takenAt)).toBe(now);
    expect(now - Date.parse(s.takenAt)).toBeLessThanOrEqual(70_000);
    expect(computed).toBe(1);
  });

  it("computes once for many requests asking at the same moment, and again only when that one is old", async () => {
    let now = T0 + 10 * MINUTE;
    let computed = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const cache = staleWhileRevalidate({ takenAt: new Date(T0).toISOString(), n: 0 });
    const get = freshSnapshots(
      cache.read,
      async () => {
        computed++;
        await gate;
        return { takenAt: new Date(now).toISOString(), n: computed };
      },
      70_000,
      () => now,
    );
    const answers = Promise.all(Array.from({ length: 20 }, () => get()));
    release();
    expect((await answers).every((s) => s.n === 1)).toBe(true);
    expect(computed).toBe(1);
    // Next's background revalidation stored the new one: later requests read it from the cache.
    cache.store({ takenAt: new Date(now).toISOString(), n: 1 });
    now += 30_000;
    expect((await get()).n).toBe(1);
    expect(computed).toBe(1);
  });

  it("takes a stamp slightly ahead of this node's clock (another node's) as fresh", async () => {
    const cache = staleWhileRevalidate({ takenAt: new Date(T0 + 2_000).toISOString(), n: 1 });
    const get = freshSnapshots(
      cache.read,
      async () => ({ takenAt: new Date(T0).toISOString(), n: 2 }),
      70_000,
      () => T0,
    );
    expect((await get()).n).toBe(1);
  });
});
