"use client";

// Sorting where there are no column headers to press (the card layout on phones): one select listing each
// sortable column in both directions, plus the table's default order.
import { useId } from "react";
import type { Column_RowSorting, RowData, TableFeatures } from "@tanstack/react-table";

const DEFAULT = "default";

export function DataTableSortSelect({
  columns,
  defaultLabel,
  className,
}: {
  columns: readonly (Pick<
    Column_RowSorting<TableFeatures, RowData>,
    "getCanSort" | "getIsSorted" | "toggleSorting" | "clearSorting"
  > & { id: string; columnDef: { meta?: { label: string } } })[];
  /** What the table shows with no column sort, e.g. "Relevance" or "Reading order". */
  defaultLabel: string;
  className?: string;
}) {
  const id = useId();
  const sortable = columns.filter((column) => column.getCanSort());
  const sorted = sortable.find((column) => column.getIsSorted());
  const value = sorted ? `${sorted.id}:${sorted.getIsSorted()}` : DEFAULT;

  return (
    <div className={className}>
      <label htmlFor={id} className="sr-only">
        Sort by
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          const [columnId, direction] = event.target.value.split(":");
          const column = sortable.find((candidate) => candidate.id === columnId);
          if (column) column.toggleSorting(direction === "desc");
          else sorted?.clearSorting();
        }}
        className="h-8 rounded-md border bg-surface px-2 text-sm font-medium shadow-xs dark:shadow-none"
      >
        <option value={DEFAULT}>{defaultLabel}</option>
        {sortable.flatMap((column) => {
          const label = column.columnDef.meta?.label ?? column.id;
          return [
            <option key={`${column.id}:asc`} value={`${column.id}:asc`}>
              {label}, ascending
            </option>,
            <option key={`${column.id}:desc`} value={`${column.id}:desc`}>
              {label}, descending
            </option>,
          ];
        })}
      </select>
    </div>
  );
}
