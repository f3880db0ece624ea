"use client";

// The list of options inside a filter menu or typeahead, as an ARIA listbox driven by aria-activedescendant:
// focus stays on the listbox (or on the typeahead's input) while the arrow keys move the highlighted option.
import { clsx } from "clsx";
import type { KeyboardEvent } from "react";
import { formatNumber } from "@/lib/format";
import { CheckIcon } from "@/components/ui/icons";

export interface DataTableOption {
  value: string;
  label: string;
  /** A second line, e.g. the alias a search matched or the kind of an entity. */
  description?: string;
  count?: number;
}

export function optionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

/**
 * Arrow keys, Home and End move the highlight; Enter and Space pick. Returns true when it handled the key.
 * Space is left to text inputs (`spacePicks: false`) so that names with spaces can be typed.
 */
export function handleOptionKeys(
  event: KeyboardEvent,
  {
    listId,
    count,
    active,
    setActive,
    onPick,
    spacePicks = true,
  }: {
    listId: string;
    count: number;
    active: number;
    setActive: (index: number) => void;
    onPick: (index: number) => void;
    spacePicks?: boolean;
  },
): boolean {
  const move = (index: number) => {
    setActive(index);
    document.getElementById(optionId(listId, index))?.scrollIntoView({ block: "nearest" });
  };
  switch (event.key) {
    case "ArrowDown":
      move(count ? (active + 1) % count : -1);
      break;
    case "ArrowUp":
      move(count ? (active - 1 + count) % count : -1);
      break;
    case "Home":
      move(count ? 0 : -1);
      break;
    case "End":
      move(count - 1);
      break;
    case "Enter":
      if (active < 0 || active >= count) return false;
      onPick(active);
      break;
    case " ":
      if (!spacePicks || active < 0 || active >= count) return false;
      onPick(active);
      break;
    default:
      return false;
  }
  event.preventDefault();
  return true;
}

export function DataTableOptionList({
  id,
  label,
  options,
  selected,
  multiple,
  active,
  onActiveChange,
  onPick,
  focusable,
  onKeyDown,
  emptyText,
}: {
  id: string;
  label: string;
  options: readonly DataTableOption[];
  selected: readonly string[];
  multiple: boolean;
  active: number;
  onActiveChange: (index: number) => void;
  onPick: (option: DataTableOption) => void;
  /** False when a text input owns the focus and drives the list (a typeahead). */
  focusable: boolean;
  onKeyDown?: (event: KeyboardEvent<HTMLUListElement>) => void;
  emptyText: string;
}) {
  if (!options.length) {
    if (!emptyText) return null;
    return <p className="px-2 py-5 text-center text-sm text-muted-foreground">{emptyText}</p>;
  }
  return (
    <ul
      id={id}
      role="listbox"
      aria-label={label}
      aria-multiselectable={multiple || undefined}
      aria-activedescendant={focusable && active >= 0 ? optionId(id, active) : undefined}
      tabIndex={focusable ? 0 : -1}
      data-autofocus={focusable || undefined}
      onKeyDown={onKeyDown}
      className="max-h-72 overflow-y-auto overscroll-contain rounded-md py-0.5 outline-none focus-visible:ring-2 focus-visible:ring-ring/40 focus-visible:outline-none"
    >
      {options.map((option, index) => {
        const isSelected = selected.includes(option.value);
        return (
          <li
            key={option.value}
            id={optionId(id, index)}
            role="option"
            aria-selected={isSelected}
            onPointerMove={() => active !== index && onActiveChange(index)}
            // Keep focus where it is (the list or the input) instead of moving it to the option.
            onPointerDown={(event) => event.preventDefault()}
            onClick={() => onPick(option)}
            className={clsx(
              "flex cursor-default items-center gap-2.5 rounded-md px-2 py-1.5 select-none",
              index === active && "bg-muted",
              option.count === 0 && !isSelected && "text-muted-foreground",
            )}
          >
            <span
              aria-hidden="true"
              className={clsx(
                "grid size-4 shrink-0 place-items-center border transition-colors",
                multiple ? "rounded-[4px]" : "rounded-full",
                isSelected
                  ? "border-brand bg-brand text-white dark:text-background"
                  : "border-muted-foreground/40 bg-surface",
              )}
            >
              {isSelected ? <CheckIcon className="size-3" strokeWidth={3} /> : null}
            </span>
            <span className="flex min-w-0 flex-1 flex-col">
              <span className="truncate">{option.label}</span>
              {option.description ? (
                <span className="truncate text-xs text-muted-foreground">{option.description}</span>
              ) : null}
            </span>
            {option.count === undefined ? null : (
              <span className="ml-auto shrink-0 font-mono text-xs text-muted-foreground tabular-nums">
                {formatNumber(option.count)}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
