// Autosave of the filing form's draft: shortly after the last change, and whenever the step changes. Only
// changes the citizen made are saved (`markDirty`), not the draft as it was loaded.
import { useEffect, useRef, useState } from "react";
import { useFilingText } from "./text";
import type { SaveDraft } from "./types";

const DELAY_MS = 1200;

export function useDraftAutosave(
  saveDraft: SaveDraft,
  serviceCode: string,
  answers: Record<string, unknown>,
  step: number,
  /** Issue 15: for whom the draft is filed (saved with it; undefined: not asked). */
  principal?: unknown,
) {
  const t = useFilingText();
  const [saved, setSaved] = useState<string>();
  const [failed, setFailed] = useState(false);
  const dirty = useRef(false);

  useEffect(() => {
    if (!dirty.current) return;
    const timer = setTimeout(() => {
      dirty.current = false;
      saveDraft(serviceCode, answers, step, principal ?? undefined).then(
        (r) => {
          if (r.ok && r.data) {
            setSaved(
              new Date(r.data.savedAt).toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Ho_Chi_Minh" }),
            );
            setFailed(false);
          } else setFailed(true);
        },
        () => setFailed(true),
      );
    }, DELAY_MS);
    return () => clearTimeout(timer);
  }, [saveDraft, serviceCode, answers, step, principal]);

  return {
    /** The status line: saved at hh:mm, failed, or nothing yet. */
    status: failed ? t.draftFailed : saved ? t.draftSaved(saved) : "",
    markDirty: () => {
      dirty.current = true;
    },
  };
}
