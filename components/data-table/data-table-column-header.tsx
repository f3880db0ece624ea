"use client";

// A column heading that sorts when the column allows it. The <th> carries aria-sort (see ariaSort); the
// button says what a press will do next, since its visible arrow only shows the current order.
import { clsx } from "clsx";
import type { Column_RowSorting, RowData, TableFeatures } from "@tanstack/react-table";
import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon } from "@/components/ui/icons";

export type SortableColumn = Pick<
  Column_RowSorting<TableFeatures, RowData>,
  "getCanSort" | "getIsSorted" | "getNextSortingOrder" | "toggleSorting"
>;

export function ariaSort(sorted: false | "asc" | "desc"): "ascending" | "descending" | undefined {
  if (sorted === "asc") return "ascending";
  if (sorted === "desc") return "descending";
  return undefined;
}

export function DataTableColumnHeader({
  column,
  label,
  id,
  className,
}: {
  column: SortableColumn;
  label: string;
  /** A stable id lets an owner that re-creates the table give focus back to the header that was pressed. */
  id?: string;
  className?: string;
}) {
  if (!column.getCanSort()) return <span className={className}>{label}</span>;
  const sorted = column.getIsSorted();
  const next = column.getNextSortingOrder();
  const nextLabel =
    next === "asc"
      ? `Sort by ${label.toLocaleLowerCase()}, ascending`
      : next === "desc"
        ? `Sort by ${label.toLocaleLowerCase()}, descending`
        : "Back to the default order";
  const Arrow = sorted === "asc" ? ArrowUpIcon : sorted === "desc" ? ArrowDownIcon : ArrowUpDownIcon;
  return (
    <button
      id={id}
      type="button"
      title={nextLabel}
      // Without arguments the column steps through its own cycle: first order, the other, then the default.
      onClick={() => column.toggleSorting()}
      className={clsx(
        "-mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-0.5 whitespace-nowrap transition-colors hover:bg-muted hover:text-foreground",
        sorted && "text-foreground",
        className,
      )}
    >
      {label}
      <Arrow className={clsx("size-3.5", !sorted && "opacity-50")} />
      <span className="sr-only">. {nextLabel}</span>
    </button>
  );
}
