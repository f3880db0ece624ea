"use client";

// The "Columns" menu: one checkbox item per column that may be hidden. A real ARIA menu, so the arrow keys
// move between items, Home and End jump, Space or Enter toggles and Escape closes.
import type { KeyboardEvent } from "react";
import type { Column_ColumnVisibility } from "@tanstack/react-table";
import { ColumnsIcon, CheckIcon } from "@/components/ui/icons";
import { DataTablePopover } from "./data-table-popover";

export type HideableColumn = Pick<
  Column_ColumnVisibility,
  "getCanHide" | "getIsVisible" | "toggleVisibility"
> & {
  id: string;
  columnDef: { meta?: { label: string } };
};

function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>("[role=menuitemcheckbox]")];
  const index = items.findIndex((item) => item === document.activeElement);
  const target =
    event.key === "ArrowDown"
      ? items[(index + 1) % items.length]
      : event.key === "ArrowUp"
        ? items[(index - 1 + items.length) % items.length]
        : event.key === "Home"
          ? items[0]
          : event.key === "End"
            ? items.at(-1)
            : undefined;
  if (!target) return;
  event.preventDefault();
  target.focus();
}

export function DataTableViewOptions({ columns }: { columns: readonly HideableColumn[] }) {
  const hideable = columns.filter((column) => column.getCanHide());
  const hidden = hideable.filter((column) => !column.getIsVisible()).length;
  return (
    <DataTablePopover
      popup="menu"
      align="end"
      panelClassName="w-52"
      trigger={
        <>
          <ColumnsIcon className="size-4 text-muted-foreground" />
          Columns
          {hidden ? (
            <span className="rounded bg-muted px-1 text-xs text-muted-foreground tabular-nums">
              {hidden} hidden
            </span>
          ) : null}
        </>
      }
    >
      {() => (
        <div role="menu" aria-label="Columns to show" onKeyDown={moveFocus} className="flex flex-col">
          {hideable.map((column, index) => {
            const visible = column.getIsVisible();
            return (
              <button
                key={column.id}
                type="button"
                role="menuitemcheckbox"
                aria-checked={visible}
                // One tab stop for the whole menu; the arrow keys reach the rest.
                tabIndex={index === 0 ? 0 : -1}
                data-autofocus={index === 0 || undefined}
                onClick={() => column.toggleVisibility(!visible)}
                className="flex items-center gap-2.5 rounded-md px-2 py-1.5 text-left hover:bg-muted focus-visible:bg-muted focus-visible:outline-none"
              >
                <span
                  aria-hidden="true"
                  data-checked={visible || undefined}
                  className="grid size-4 shrink-0 place-items-center rounded-[4px] border border-muted-foreground/40 data-checked:border-brand data-checked:bg-brand data-checked:text-white dark:data-checked:text-background"
                >
                  {visible ? <CheckIcon className="size-3" strokeWidth={3} /> : null}
                </span>
                {column.columnDef.meta?.label ?? column.id}
              </button>
            );
          })}
        </div>
      )}
    </DataTablePopover>
  );
}
