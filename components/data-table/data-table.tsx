// The table frame of every server-rendered list (entities, sources, sectors, documents, the queue): a captioned
// table in a card, with the pager under it. Each list brings its own header cells and rows, so which columns give
// way on a narrow screen, and what moves under the row's name instead, stays the list's choice.
import { clsx } from "clsx";
import type { ComponentProps, ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { ariaSort, type SortOrder } from "./data-table-column-header";
import { DataTablePagination } from "./data-table-pagination";

export const CELL = "px-4 py-3.5";
export const ROW = "align-top transition-colors hover:bg-muted/40";

export function DataTable({
  caption,
  head,
  children,
  pagination,
}: {
  /** Read by assistive technology only: what the rows are, how they are filtered and sorted. */
  caption: ReactNode;
  /** The header cells, DataTableHead each. */
  head: ReactNode;
  /** The rows. */
  children: ReactNode;
  /** Left out by a list that is never more than its one page and says nothing about its size. */
  pagination?: ComponentProps<typeof DataTablePagination>;
}) {
  return (
    <div className="flex flex-col gap-4">
      <Card className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b bg-muted/60 text-xs text-muted-foreground">
            <tr>{head}</tr>
          </thead>
          <tbody className="divide-y">{children}</tbody>
        </table>
      </Card>
      {pagination ? <DataTablePagination {...pagination} /> : null}
    </div>
  );
}

/** A column's header cell; `sorted` puts the column's order on the cell, where screen readers look for it. */
export function DataTableHead({
  sorted = false,
  className,
  children,
}: {
  sorted?: SortOrder | false;
  className?: string;
  children: ReactNode;
}) {
  return (
    <th
      scope="col"
      aria-sort={ariaSort(sorted)}
      className={clsx("px-4 py-3 font-medium whitespace-nowrap", className)}
    >
      {children}
    </th>
  );
}
