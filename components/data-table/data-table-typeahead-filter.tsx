"use client";

// A filter whose values are too many to list: a button opening a typeahead. With the box empty it offers
// the suggestions it was given (e.g. the values most frequent in the current results); typing asks `load`.
import { useEffect, useId, useRef, useState } from "react";
import { FilterBadge } from "./data-table-faceted-filter";
import { PlusCircleIcon, SearchIcon } from "@/components/ui/icons";
import {
  DataTableOptionList,
  handleOptionKeys,
  optionId,
  type DataTableOption,
} from "./data-table-option-list";
import { DataTablePopover } from "./data-table-popover";

/** Long enough to skip the requests of a fast typist, short enough to feel immediate. */
const LOAD_DELAY_MS = 200;

export interface DataTableTypeaheadFilterProps {
  title: string;
  placeholder: string;
  /** Chosen values with their labels, for the trigger's badges and the ticks in the list. */
  selected: readonly DataTableOption[];
  suggestions: readonly DataTableOption[];
  suggestionsLabel: string;
  load: (text: string, signal: AbortSignal) => Promise<DataTableOption[]>;
  onChange: (values: string[]) => void;
}

export function DataTableTypeaheadFilter(props: DataTableTypeaheadFilterProps) {
  const { title, selected } = props;
  return (
    <DataTablePopover
      popup="dialog"
      label={selected.length ? undefined : title}
      active={selected.length > 0}
      panelClassName="w-80"
      trigger={
        <>
          <PlusCircleIcon className="size-4 text-muted-foreground" />
          {title}
          {selected.length ? (
            <>
              <span aria-hidden="true" className="mx-0.5 h-4 w-px bg-border" />
              {selected.length > 2 ? (
                <FilterBadge>{selected.length} selected</FilterBadge>
              ) : (
                selected.map((option) => <FilterBadge key={option.value}>{option.label}</FilterBadge>)
              )}
            </>
          ) : null}
        </>
      }
    >
      {() => <TypeaheadPanel {...props} />}
    </DataTablePopover>
  );
}

type Results =
  | { status: "idle" }
  | { status: "loading"; text: string }
  | { status: "done"; text: string; options: DataTableOption[] }
  | { status: "error"; text: string };

function TypeaheadPanel({
  title,
  placeholder,
  selected,
  suggestions,
  suggestionsLabel,
  load,
  onChange,
}: DataTableTypeaheadFilterProps) {
  const listId = useId();
  const statusId = useId();
  const [text, setText] = useState("");
  const [results, setResults] = useState<Results>({ status: "idle" });
  const [active, setActive] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const request = useRef<AbortController>(undefined);

  // The panel can close while a request is on its way; its answer must not land in an unmounted list.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      request.current?.abort();
    },
    [],
  );

  function search(value: string) {
    setText(value);
    setActive(0);
    clearTimeout(timer.current);
    request.current?.abort();
    const needle = value.trim();
    if (!needle) {
      setResults({ status: "idle" });
      return;
    }
    setResults({ status: "loading", text: needle });
    timer.current = setTimeout(() => {
      const controller = new AbortController();
      request.current = controller;
      load(needle, controller.signal).then(
        (options) => setResults({ status: "done", text: needle, options }),
        (error: unknown) => {
          if (!controller.signal.aborted) setResults({ status: "error", text: needle });
          if (!(error instanceof DOMException && error.name === "AbortError")) console.error(error);
        },
      );
    }, LOAD_DELAY_MS);
  }

  const selectedValues = selected.map((option) => option.value);
  const options = results.status === "done" ? results.options : results.status === "idle" ? suggestions : [];

  function pick(option: DataTableOption) {
    onChange(
      selectedValues.includes(option.value)
        ? selectedValues.filter((value) => value !== option.value)
        : [...selectedValues, option.value],
    );
  }

  const status =
    results.status === "idle"
      ? suggestions.length
        ? suggestionsLabel
        : ""
      : results.status === "loading"
        ? "Searching…"
        : results.status === "error"
          ? `${title} search is unavailable right now.`
          : results.options.length
            ? `${results.options.length} ${results.options.length === 1 ? "match" : "matches"}`
            : "";

  return (
    <div className="flex flex-col gap-1">
      <div className="relative">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
        <input
          type="text"
          role="combobox"
          aria-label={`Find ${title.toLocaleLowerCase()}`}
          aria-expanded="true"
          aria-controls={listId}
          aria-describedby={statusId}
          aria-autocomplete="list"
          aria-activedescendant={
            active >= 0 && active < options.length ? optionId(listId, active) : undefined
          }
          data-autofocus
          value={text}
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => search(event.target.value)}
          onKeyDown={(event) =>
            handleOptionKeys(event, {
              listId,
              count: options.length,
              active,
              setActive,
              spacePicks: false,
              onPick: (index) => {
                const option = options[index];
                if (option) pick(option);
              },
            })
          }
          className="h-9 w-full rounded-md border bg-background pr-2.5 pl-8 text-sm outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:outline-none"
        />
      </div>
      <p
        id={statusId}
        role="status"
        className="px-2 pt-1 text-xs font-medium text-muted-foreground empty:hidden"
      >
        {status}
      </p>
      <DataTableOptionList
        id={listId}
        label={title}
        options={options}
        selected={selectedValues}
        multiple
        active={active}
        onActiveChange={setActive}
        onPick={pick}
        focusable={false}
        emptyText={
          results.status === "done"
            ? `No ${title.toLocaleLowerCase()} matches “${results.text}”.`
            : results.status === "idle"
              ? `Type a name to find ${title.toLocaleLowerCase()}.`
              : ""
        }
      />
      {selected.length ? (
        <button
          type="button"
          onClick={() => onChange([])}
          className="mt-0.5 h-8 rounded-md border-t pt-px text-center text-sm font-medium text-muted-foreground hover:bg-muted hover:text-foreground"
        >
          Clear {title.toLocaleLowerCase()} filter
        </button>
      ) : null}
    </div>
  );
}
