"use client";

// "Chọn từ kho giấy tờ của tôi" beside a file field: the papers of the same kind in the citizen's document
// store (or all of them, on request); choosing one answers the field without uploading it again.
import { use, useId, useRef, useState } from "react";
import type { FormField } from "@/lib/forms/definition";
import { formatDate } from "@/lib/format";
import { papersText as t } from "@/lib/i18n/vi/papers";
import type { PaperChoice } from "@/lib/papers/choice";
import { PaperStoreContext } from "./paper-store";

type Listing = { state: "loading" } | { state: "failed" } | { state: "ready"; papers: PaperChoice[]; all: boolean };

export function StorePicker({ field }: { field: FormField }) {
  const store = use(PaperStoreContext);
  const panelId = useId();
  const [listing, setListing] = useState<Listing | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  if (!store) return null;

  const load = async (all: boolean) => {
    setListing({ state: "loading" });
    const papers = await store.list(field.id, all);
    setListing(papers ? { state: "ready", papers, all } : { state: "failed" });
  };
  const choose = async (paper: PaperChoice) => {
    setBusy(true);
    const done = await store.choose(field, paper);
    setBusy(false);
    if (done) {
      setListing(null);
      toggle.current?.focus();
    }
  };

  return (
    <div className="space-y-2">
      <button
        ref={toggle}
        type="button"
        className="btn btn-secondary px-3 py-1 text-sm"
        aria-expanded={listing !== null}
        aria-controls={panelId}
        onClick={() => (listing ? setListing(null) : void load(false))}
      >
        {t.pick}
      </button>
      <div id={panelId} hidden={listing === null}>
        {listing?.state === "loading" && (
          <p role="status" className="text-sm">
            {t.pickLoading}
          </p>
        )}
        {listing?.state === "failed" && (
          <p role="alert" className="text-sm font-semibold text-red-800">
            {t.pickFailed}
          </p>
        )}
        {listing?.state === "ready" && (
          <fieldset className="space-y-2 rounded border border-slate-300 p-2">
            <legend className="px-1 text-sm font-medium">{t.pickLegend(field.label)}</legend>
            {listing.papers.length === 0 ? (
              <p className="text-sm" role="status">
                {t.pickNone}
              </p>
            ) : (
              <ul className="space-y-1" data-testid={`kho-${field.id}`}>
                {listing.papers.map((p) => (
                  <li key={p.id} className="flex flex-wrap items-center gap-2 text-sm">
                    <button type="button" className="btn btn-secondary px-2 py-0.5" disabled={busy} onClick={() => void choose(p)}>
                      {t.pickUse(p.fileName)}
                    </button>
                    <span className="text-slate-700">
                      {t.pickDescribe(p.kind, formatDate(p.createdAt.slice(0, 10)))}
                      {p.validUntil && `, ${t.validUntil.toLowerCase()} ${formatDate(p.validUntil)}`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {!listing.all && (
              <button type="button" className="text-sm underline" onClick={() => void load(true)}>
                {t.pickShowAll}
              </button>
            )}
          </fieldset>
        )}
      </div>
    </div>
  );
}
