// Placeholders in the shape of the table kit's toolbar and tables, so the page does not jump when data arrives.
// No client code: a client table that wants its placeholders out of the page's server payload wraps them in a
// client component of its own (components/claims/claims-table-skeleton.tsx).
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

export type SkeletonColumn = {
  /** Tailwind width classes of the header's and of a cell's placeholder. */
  header: string;
  cell: string;
  /** Where the column is shown (e.g. "hidden md:flex"), to match the list's own breakpoints. */
  className?: string;
  /** Lines of text a cell holds (a title over its publisher); 1 unless given. */
  lines?: number;
};

/** `columns` in display order; `actionWidths` are the controls above the table (export, column menu…). */
export function DataTableSkeleton({
  columns,
  label,
  rowCount = 10,
  actionWidths,
}: {
  columns: readonly SkeletonColumn[];
  /** "Loading entities…", for assistive technology. */
  label: string;
  rowCount?: number;
  actionWidths?: readonly string[];
}) {
  return (
    <div role="status" className="flex flex-col gap-3">
      <span className="sr-only">{label}</span>
      {actionWidths ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <Skeleton className="h-5 w-40" />
          <div className="flex flex-wrap gap-2">
            {actionWidths.map((width, index) => (
              <Skeleton key={index} className={clsx("h-8", width)} />
            ))}
          </div>
        </div>
      ) : null}
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
                  {Array.from({ length: column.lines ?? 1 }, (_, line) => (
                    <Skeleton key={line} className={clsx("h-4", line === 0 ? "w-full" : "w-2/3")} />
                  ))}
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
