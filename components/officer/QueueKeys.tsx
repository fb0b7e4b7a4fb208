"use client";

// The queue's one client island: keyboard moves between dossiers, and "select all on this page" ticks the rows.
// On the queue, j / ↓ and k / ↑ move the focus from row to row (the row's code link, so Enter opens it, and Tab
// goes on as usual: nothing is trapped); on a dossier page, j and k follow its "next" / "previous" links.
// Letters never fire while typing in a field or with a modifier held. Without JavaScript the page works as is:
// the links are there, and the "select all" box is read by the server.
import { useEffect } from "react";

const ROW_LINK = "a[data-hang-doi-ma]";

function typing(t: EventTarget | null): boolean {
  return t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
}

export function QueueKeys({ mode }: { mode: "queue" | "dossier" }) {
  useEffect(() => {
    // Once the officer has typed or chosen anything in a form of the page, j and k no longer leave it: nothing
    // typed is lost to a stray key (the previous / next links still work, as links).
    let edited = false;
    const onInput = () => {
      edited = true;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || typing(e.target)) return;
      const down = e.key === "j" || e.key === "ArrowDown";
      const up = e.key === "k" || e.key === "ArrowUp";
      if (!down && !up) return;
      if (mode === "dossier") {
        if (e.key.startsWith("Arrow") || edited) return;
        const link = document.querySelector<HTMLAnchorElement>(down ? "a[data-hang-doi-sau]" : "a[data-hang-doi-truoc]");
        if (link) {
          e.preventDefault();
          link.click();
        }
        return;
      }
      const links = [...document.querySelectorAll<HTMLAnchorElement>(ROW_LINK)];
      const at = links.indexOf(document.activeElement as HTMLAnchorElement);
      // Arrows move between rows only from a row (elsewhere they scroll the page, as always).
      if (e.key.startsWith("Arrow") && at < 0) return;
      const to = at < 0 ? (down ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + (down ? 1 : -1)));
      const target = links[to];
      if (target) {
        e.preventDefault();
        target.focus();
        target.scrollIntoView({ block: "nearest" });
      }
    };
    const onChange = (e: Event) => {
      const box = e.target;
      if (!(box instanceof HTMLInputElement) || box.type !== "checkbox") return;
      const rows = [...document.querySelectorAll<HTMLInputElement>("input[data-hang-doi-chon]")];
      const all = document.querySelector<HTMLInputElement>("input[data-hang-doi-chon-tat-ca]");
      if (box === all) rows.forEach((r) => (r.checked = box.checked));
      else if (all && rows.includes(box)) all.checked = rows.every((r) => r.checked);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("change", onChange);
    document.addEventListener("input", onInput);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("change", onChange);
      document.removeEventListener("input", onInput);
    };
  }, [mode]);
  return null;
}
