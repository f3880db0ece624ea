"use client";

// A filter button that opens a list of values with counts: several can be ticked (multiple) or one chosen.
// Long lists get a filter box. Counts come from the server, so they always describe the whole result set.
import { useId, useState, type ReactNode } from "react";
import { DataTablePopover } from "./data-table-popover";
import { PlusCircleIcon } from "@/components/ui/icons";
import {
  DataTableOptionList,
  handleOptionKeys,
  optionId,
  type DataTableOption,
} from "./data-table-option-list";

/** Above this many options the menu offers a box to narrow them by name. */
const SEARCHABLE_FROM = 13;

export interface DataTableFacetedFilterProps {
  title: string;
  options: readonly DataTableOption[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
  /** Single-choice filters close on pick, and picking the chosen value again clears the filter. */
  multiple?: boolean;
}

export function DataTableFacetedFilter({
  title,
  options,
  selected,
  onChange,
  multiple = true,
}: DataTableFacetedFilterProps) {
  const chosen = options.filter((option) => selected.includes(option.value));
  // A value can be in the URL without an option (a facet with no matching claims left): still name it.
  const unknown = selected.filter((value) => !options.some((option) => option.value === value));
  const labels = [...chosen.map((option) => option.label), ...unknown];

  return (
    <DataTablePopover
      popup={options.length >= SEARCHABLE_FROM ? "dialog" : "listbox"}
      active={labels.length > 0}
      panelClassName="w-72"
      trigger={
        <>
          <PlusCircleIcon className="size-4 text-muted-foreground" />
          {title}
          {labels.length ? (
            <>
              <span aria-hidden="true" className="mx-0.5 h-4 w-px bg-border" />
              {labels.length > 2 ? (
                <FilterBadge>{labels.length} selected</FilterBadge>
              ) : (
                labels.map((label) => <FilterBadge key={label}>{label}</FilterBadge>)
              )}
            </>
          ) : null}
        </>
      }
    >
      {(close) => (
        <FacetedFilterPanel
          title={title}
          options={options}
          selected={selected}
          multiple={multiple}
          onChange={(values) => {
            onChange(values);
            if (!multiple) close();
          }}
        />
      )}
    </DataTablePopover>
  );
}

export function FilterBadge({ children }: { children: ReactNode }) {
  return (
    <span className="max-w-36 truncate rounded bg-brand-soft px-1.5 py-0.5 text-xs font-medium text-brand">
      {children}
    </span>
  );
}

function FacetedFilterPanel({
  title,
  options,
  selected,
  multiple,
  onChange,
}: Required<Omit<DataTableFacetedFilterProps, "onChange">> & { onChange: (values: string[]) => void }) {
  const listId = useId();
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const searchable = options.length >= SEARCHABLE_FROM;
  const needle = text.trim().toLocaleLowerCase();
  const visible = needle
    ? options.filter((option) => option.label.toLocaleLowerCase().includes(needle))
    : options;

  function pick(option: DataTableOption) {
    const isSelected = selected.includes(option.value);
    if (multiple) {
      onChange(isSelected ? selected.filter((v) => v !== option.value) : [...selected, option.value]);
    } else {
      onChange(isSelected ? [] : [option.value]);
    }
  }

  const keys = {
    listId,
    count: visible.length,
    active,
    setActive,
    onPick: (index: number) => {
      const option = visible[index];
      if (option) pick(option);
    },
  };

  return (
    <div className="flex flex-col gap-1">
      {searchable ? (
        <input
          type="text"
          role="combobox"
          aria-label={`Filter ${title.toLocaleLowerCase()} options`}
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={
            active >= 0 && active < visible.length ? optionId(listId, active) : undefined
          }
          data-autofocus
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => handleOptionKeys(event, { ...keys, spacePicks: false })}
          placeholder={`Filter ${title.toLocaleLowerCase()}…`}
          className="h-8 w-full rounded-md border bg-background px-2.5 text-sm outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:outline-none"
        />
      ) : null}
      <DataTableOptionList
        id={listId}
        label={title}
        options={visible}
        selected={selected}
        multiple={multiple}
        active={active}
        onActiveChange={setActive}
        onPick={pick}
        focusable={!searchable}
        onKeyDown={(event) => handleOptionKeys(event, keys)}
        emptyText={`No ${title.toLocaleLowerCase()} matches “${text.trim()}”.`}
      />
      {multiple && selected.length ? (
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
