// A column heading that sorts. A client table hands it its TanStack column and it is a button; a server-rendered
// list hands it the URL of the next order and it is a link, which works before any script loads. Both look and
// read alike: the cell carries aria-sort (see ariaSort), and the control says what a press will do next, since
// its visible arrow only shows the current order.
import { clsx } from "clsx";
import Link from "next/link";
import type { Column_RowSorting, RowData, TableFeatures } from "@tanstack/react-table";
import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon } from "@/components/ui/icons";

export type SortOrder = "asc" | "desc";

export type SortableColumn = Pick<
  Column_RowSorting<TableFeatures, RowData>,
  "getCanSort" | "getIsSorted" | "getNextSortingOrder" | "toggleSorting"
>;

export function ariaSort(sorted: SortOrder | false): "ascending" | "descending" | undefined {
  if (sorted === "asc") return "ascending";
  if (sorted === "desc") return "descending";
  return undefined;
}

type Sorting =
  | { column: SortableColumn }
  | {
      sorted: SortOrder | false;
      /** The order the link leads to; false for the list's default order. */
      next: SortOrder | false;
      href: string;
    };

export function DataTableColumnHeader({
  label,
  id,
  className,
  ...sorting
}: {
  label: string;
  /** A stable id lets an owner that re-creates the table give focus back to the header that was pressed. */
  id?: string;
  className?: string;
} & Sorting) {
  if ("column" in sorting && !sorting.column.getCanSort()) return <span className={className}>{label}</span>;
  const sorted = "column" in sorting ? sorting.column.getIsSorted() : sorting.sorted;
  const next = "column" in sorting ? sorting.column.getNextSortingOrder() : sorting.next;
  const nextLabel =
    next === "asc"
      ? `Sort by ${label.toLocaleLowerCase()}, ascending`
      : next === "desc"
        ? `Sort by ${label.toLocaleLowerCase()}, descending`
        : "Back to the default order";
  const Arrow = sorted === "asc" ? ArrowUpIcon : sorted === "desc" ? ArrowDownIcon : ArrowUpDownIcon;
  const content = (
    <>
      {label}
      <Arrow className={clsx("size-3.5", !sorted && "opacity-50")} />
      <span className="sr-only">. {nextLabel}</span>
    </>
  );
  const classes = clsx(
    "-mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-0.5 whitespace-nowrap transition-colors hover:bg-muted hover:text-foreground",
    sorted && "text-foreground",
    className,
  );
  if ("column" in sorting) {
    const { column } = sorting;
    return (
      // Without arguments the column steps through its own cycle: first order, the other, then the default.
      <button
        id={id}
        type="button"
        title={nextLabel}
        onClick={() => column.toggleSorting()}
        className={classes}
      >
        {content}
      </button>
    );
  }
  return (
    <Link id={id} href={sorting.href} title={nextLabel} className={classes}>
      {content}
    </Link>
  );
}
