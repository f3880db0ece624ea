"use client";

// Placeholders in the shape of the table kit's toolbar and table, so the page does not jump when data arrives.
// A client component without any state: as one, a page's RSC payload carries its few props rather than its couple of
// hundred placeholder elements (35 KB of /claims), which server rendering turns into HTML all the same.
import { clsx } from "clsx";
import { Skeleton } from "@/components/ui/skeleton";

export function DataTableToolbarSkeleton({ filterWidths }: { filterWidths: readonly string[] }) {
  return (
    <div role="status" className="flex flex-wrap items-start gap-2">
      <span className="sr-only">Loading filters…</span>
      <Skeleton className="h-9 w-full sm:w-80" />
      <div className="flex flex-1 flex-wrap gap-2">
        {filterWidths.map((width, index) => (
          <Skeleton key={index} className={clsx("h-8", width)} />
        ))}
      </div>
    </div>
  );
}

/**
 * `columns` gives each column's header and cell placeholder widths (Tailwind classes) in display order;
 * the first column is taken to hold text that wraps onto two lines.
 */
export function DataTableSkeleton({
  columns,
  actionWidths = [],
  rowCount = 10,
  label = "Loading table…",
}: {
  columns: readonly { header: string; cell: string; className?: string }[];
  /** The controls above the table (export, column menu…), right-aligned. */
  actionWidths?: readonly string[];
  rowCount?: number;
  label?: string;
}) {
  return (
    <div role="status" className="flex flex-col gap-3">
      <span className="sr-only">{label}</span>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Skeleton className="h-5 w-40" />
        <div className="flex flex-wrap gap-2">
          {actionWidths.map((width, index) => (
            <Skeleton key={index} className={clsx("h-8", width)} />
          ))}
        </div>
      </div>
      <div className="overflow-hidden rounded-xl border bg-surface">
        <div className="flex gap-4 border-b bg-muted/60 px-4 py-3">
          {columns.map((column, index) => (
            <div key={index} className={clsx("shrink-0", column.cell, column.className)}>
              <Skeleton className={clsx("h-4", column.header)} />
            </div>
          ))}
        </div>
        <div className="divide-y">
          {Array.from({ length: rowCount }, (_, row) => (
            <div key={row} className="flex gap-4 px-4 py-3.5">
              {columns.map((column, index) => (
                <div
                  key={index}
                  className={clsx("flex shrink-0 flex-col gap-1.5", column.cell, column.className)}
                >
                  <Skeleton className="h-4 w-full" />
                  {index === 0 ? <Skeleton className="h-4 w-2/3" /> : null}
                </div>
              ))}
            </div>
          ))}
        </div>
      </div>
      <div className="flex justify-between">
        <Skeleton className="h-8 w-40" />
        <Skeleton className="h-8 w-48" />
      </div>
    </div>
  );
}
