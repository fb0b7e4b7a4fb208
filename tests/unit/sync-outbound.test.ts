// Issue 17 (sync-out): a dossier delivered to the agency's one-stop system offers no portal action; the delivery
// queue's first retry wait is configurable within bounds.
import { describe, expect, it } from "vitest";
import { officerActionMenu, officerActionRefusal, processedInAgencySystem } from "@/lib/dossiers/officer-actions";
import { QUEUES, RETRY_DELAY_SECONDS, syncRetryDelaySeconds } from "@/lib/jobs/queues";

describe("outbound dossier sync, pure parts", () => {
  it("a delivered dossier is processed in the agency's system: no action offered, whatever its status", () => {
    expect(processedInAgencySystem({ origin: "PORTAL", deliveryState: null })).toBe(false);
    expect(processedInAgencySystem({ origin: "AGENCY_SYSTEM", deliveryState: null })).toBe(true);
    for (const s of ["PENDING", "DELIVERED", "ACKNOWLEDGED"])
      expect(processedInAgencySystem({ origin: "PORTAL", deliveryState: s })).toBe(true);
    for (const status of [1, 2, 4, 9]) {
      expect(officerActionMenu({ status, holder: true, mayProcess: true, processedElsewhere: true })).toEqual({ primary: null, more: [] });
      expect(officerActionRefusal("receive", { status, holder: true, mayProcess: true, processedElsewhere: true })).toBe(
        "processed_elsewhere",
      );
    }
    expect(officerActionMenu({ status: 1, holder: true, mayProcess: true }).primary).toBe("receive");
  });

  it("SYNC_RETRY_DELAY_SECONDS sets the delivery queue's first wait, 1–300 s, else the outbox default", () => {
    expect(syncRetryDelaySeconds({ SYNC_RETRY_DELAY_SECONDS: "1" })).toBe(1);
    expect(syncRetryDelaySeconds({ SYNC_RETRY_DELAY_SECONDS: "0" })).toBe(RETRY_DELAY_SECONDS);
    expect(syncRetryDelaySeconds({ SYNC_RETRY_DELAY_SECONDS: "abc" })).toBe(RETRY_DELAY_SECONDS);
    expect(syncRetryDelaySeconds({})).toBe(RETRY_DELAY_SECONDS);
    const deliver = QUEUES.find(([name]) => name === "dossier-deliver")?.[1];
    expect(deliver).toMatchObject({ retryBackoff: true, deadLetter: "outbox-dead" });
  });
});
