// The search box's input, with procedures suggested as the citizen types (ARIA 1.2 combobox with a listbox:
// arrows move through the suggestions, Enter opens the one chosen, Escape closes them). Without JavaScript
// it is the plain input of the search form; with it, one small island: one fetch per pause in typing to
// /api/goi-y.
"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

interface Suggestion {
  code: string;
  name: string;
}

const PAUSE_MS = 150;

export function SearchSuggest({
  id,
  defaultValue,
  placeholder,
  autoFocus,
  listLabel,
  procedureBase,
  vietnameseNames,
}: {
  id: string;
  defaultValue: string;
  placeholder: string;
  autoFocus: boolean;
  listLabel: string;
  /** The catalog's path in the page's language ("/thu-tuc", "/en/thu-tuc"): a suggestion opens procedureBase/code. */
  procedureBase: string;
  /** On an English page: the suggested names are the records' Vietnamese ones. */
  vietnameseNames: boolean;
}) {
  const [value, setValue] = useState(defaultValue);
  const [items, setItems] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const asked = useRef("");
  const router = useRouter();

  useEffect(() => {
    const q = value.trim();
    if (q.length < 2) return;
    const timer = setTimeout(() => {
      asked.current = q;
      fetch(`/api/goi-y?q=${encodeURIComponent(q)}`)
        .then((r) => (r.ok ? (r.json() as Promise<Suggestion[]>) : []))
        .then((found) => {
          if (asked.current !== q) return;
          setItems(found);
          setActive(-1);
        })
        .catch(() => setItems([]));
    }, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [value]);

  const listId = `${id}-goi-y`;
  // What was found for a query now too short is no longer shown.
  const visible = value.trim().length < 2 ? [] : items;
  const shown = open && visible.length > 0;
  const go = (s: Suggestion) => router.push(`${procedureBase}/${s.code}`);
  return (
    <div className="relative flex-1">
      <input
        id={id}
        name="q"
        type="search"
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && visible.length) {
            e.preventDefault();
            setOpen(true);
            setActive((a) => (a + 1) % visible.length);
          } else if (e.key === "ArrowUp" && visible.length) {
            e.preventDefault();
            setOpen(true);
            setActive((a) => (a <= 0 ? visible.length - 1 : a - 1));
          } else if (e.key === "Escape" && shown) {
            // Closes the list; a search input's own Escape would also wipe what was typed.
            e.preventDefault();
            setOpen(false);
            setActive(-1);
          } else if (e.key === "Enter" && shown && active >= 0) {
            e.preventDefault();
            go(visible[active]!);
          }
        }}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        placeholder={placeholder}
        className="input w-full"
        autoFocus={autoFocus}
        maxLength={120}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={listLabel}
        hidden={!shown}
        className="z-10 mt-1 w-full sm:absolute overflow-hidden rounded-md border border-slate-300 bg-white shadow-lg"
      >
        {visible.map((s, i) => (
          <li
            key={s.code}
            id={`${listId}-${i}`}
            role="option"
            lang={vietnameseNames ? "vi" : undefined}
            aria-selected={i === active}
            // Chosen on mouse down, before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              go(s);
            }}
            className={`cursor-pointer px-3 py-2 text-sm ${i === active ? "bg-blue-800 text-white" : "text-slate-900 hover:bg-slate-100"}`}
          >
            {s.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
