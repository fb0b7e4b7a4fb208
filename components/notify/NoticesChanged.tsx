"use client";
// Tells the site header (HeaderUser) that the unread count changed on a page whose address did not (marking
// every notice read answers on /thong-bao itself), so it asks /api/phien again.

import { useEffect } from "react";

export const NOTICES_CHANGED = "portal:notices-changed";

export function NoticesChanged() {
  useEffect(() => {
    window.dispatchEvent(new Event(NOTICES_CHANGED));
  }, []);
  return null;
}
