"use client";

// The table's search box. It searches as the reader pauses (debounced) or at once on Enter, and keeps what is
// being typed when the answer to an earlier search arrives; a search changed elsewhere (a reset, the back
// button, a removed chip) replaces the box's text.
import { clsx } from "clsx";
import { useEffect, useId, useRef, useState } from "react";
import { SearchIcon } from "@/components/ui/icons";

export function DataTableSearch({
  value,
  onSearch,
  normalize,
  label,
  placeholder,
  pending = false,
  delay = 300,
  className,
}: {
  /** The search the table currently shows. */
  value: string;
  onSearch: (value: string) => void;
  /** The owner's cleaning of a search (trimming, collapsing spaces), so that equal searches compare equal. */
  normalize: (value: string) => string;
  label: string;
  placeholder: string;
  pending?: boolean;
  delay?: number;
  className?: string;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [lastValue, setLastValue] = useState(value);
  const [submitted, setSubmitted] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  if (value !== lastValue) {
    setLastValue(value);
    if (value !== submitted) setDraft(null);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  function submit(text: string) {
    clearTimeout(timer.current);
    const next = normalize(text);
    if (next === value) return;
    setSubmitted(next);
    onSearch(next);
  }

  return (
    <form
      role="search"
      aria-label={label}
      className={clsx("relative", className)}
      onSubmit={(event) => {
        event.preventDefault();
        submit(draft ?? value);
      }}
    >
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
      <input
        id={id}
        type="search"
        value={draft ?? value}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => submit(text), delay);
        }}
        className="h-9 w-full rounded-md border bg-surface pr-9 pl-8 text-sm shadow-xs outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/25 focus-visible:outline-none dark:shadow-none [&::-webkit-search-cancel-button]:cursor-pointer"
      />
      {pending ? (
        <span
          aria-hidden="true"
          className="absolute top-1/2 right-8 size-3.5 -translate-y-1/2 animate-spin rounded-full border-2 border-muted-foreground/30 border-t-brand"
        />
      ) : null}
    </form>
  );
}
