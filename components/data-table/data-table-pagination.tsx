"use client";

// Page navigation and page size for a table whose rows are paged elsewhere (the server): it only calls the
// table's pagination API, and the owner turns those calls into a new request.
import { clsx } from "clsx";
import { useId } from "react";
import type { PaginationState, RowData, TableFeatures, Table_RowPagination } from "@tanstack/react-table";
import { formatNumber } from "@/lib/format";
import {
  ChevronLeftIcon,
  ChevronRightIcon,
  ChevronsLeftIcon,
  ChevronsRightIcon,
} from "@/components/ui/icons";

export type PaginatedTable = Pick<
  Table_RowPagination<TableFeatures, RowData>,
  | "getPageCount"
  | "getCanPreviousPage"
  | "getCanNextPage"
  | "firstPage"
  | "previousPage"
  | "nextPage"
  | "lastPage"
  | "setPageSize"
>;

const BUTTON =
  "grid size-8 place-items-center rounded-md border bg-surface text-muted-foreground shadow-xs transition-colors hover:bg-muted hover:text-foreground disabled:pointer-events-none disabled:opacity-40 dark:shadow-none";

export function DataTablePagination({
  table,
  pagination,
  pageSizes,
  idPrefix,
  className,
}: {
  table: PaginatedTable;
  pagination: PaginationState;
  pageSizes: readonly number[];
  /** Stable ids for the controls, so an owner that re-creates the table can give focus back to them. */
  idPrefix?: string;
  className?: string;
}) {
  const generatedId = useId();
  const prefix = idPrefix ?? generatedId;
  const sizeId = `${prefix}-size`;
  const pageCount = table.getPageCount();
  const canPrevious = table.getCanPreviousPage();
  const canNext = table.getCanNextPage();
  const buttons = [
    { id: "first", label: "First page", Icon: ChevronsLeftIcon, enabled: canPrevious, wide: true },
    { id: "previous", label: "Previous page", Icon: ChevronLeftIcon, enabled: canPrevious, wide: false },
    { id: "next", label: "Next page", Icon: ChevronRightIcon, enabled: canNext, wide: false },
    { id: "last", label: "Last page", Icon: ChevronsRightIcon, enabled: canNext, wide: true },
  ] as const;
  const go = {
    first: () => table.firstPage(),
    previous: () => table.previousPage(),
    next: () => table.nextPage(),
    last: () => table.lastPage(),
  };

  return (
    <nav
      aria-label="Pagination"
      className={clsx("flex flex-wrap items-center justify-between gap-x-6 gap-y-3 text-sm", className)}
    >
      <div className="flex items-center gap-2">
        <label htmlFor={sizeId} className="text-muted-foreground">
          Rows per page
        </label>
        <select
          id={sizeId}
          value={pagination.pageSize}
          onChange={(event) => table.setPageSize(Number(event.target.value))}
          className="h-8 rounded-md border bg-surface px-2 text-sm font-medium tabular-nums shadow-xs dark:shadow-none"
        >
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-3">
        <p className="font-medium tabular-nums" aria-live="polite">
          Page {formatNumber(pagination.pageIndex + 1)} of {formatNumber(Math.max(pageCount, 1))}
        </p>
        <div className="flex items-center gap-1">
          {buttons.map(({ id, label, Icon, enabled, wide }) => (
            <button
              key={id}
              id={`${prefix}-${id}`}
              type="button"
              aria-label={label}
              title={label}
              disabled={!enabled}
              onClick={() => go[id]()}
              // First and last take room a phone does not have; previous and next are enough there.
              className={clsx(BUTTON, wide && "hidden sm:grid")}
            >
              <Icon className="size-4" />
            </button>
          ))}
        </div>
      </div>
    </nav>
  );
}
