"use client";

// The claims table's placeholders, on the claims page and (the toolbar's) on the overview. A client component
// without any state: as one, a page's server payload carries its few props rather than its couple of hundred
// placeholder elements, which server rendering turns into HTML all the same.
import { DataTableSkeleton, DataTableToolbarSkeleton } from "@/components/data-table/data-table-skeleton";

/** Widths of the columns shown by default, in order. */
const COLUMNS = [
  { header: "w-12", cell: "w-[22rem] max-w-full grow", lines: 2 },
  { header: "w-10", cell: "w-16" },
  { header: "w-14", cell: "w-28", className: "hidden md:flex" },
  { header: "w-14", cell: "w-32", className: "hidden md:flex" },
  { header: "w-12", cell: "w-20", className: "hidden lg:flex" },
  { header: "w-12", cell: "w-16", className: "hidden lg:flex" },
  { header: "w-12", cell: "w-8", className: "hidden lg:flex" },
  { header: "w-14", cell: "w-28", className: "hidden lg:flex" },
] as const;

const ACTIONS = ["w-32", "w-32", "w-32", "w-24"] as const;

const FILTERS = ["w-20", "w-24", "w-20", "w-20", "w-22", "w-26", "w-36", "w-32", "w-30"] as const;

export function ClaimsTableSkeleton({ rowCount }: { rowCount: number }) {
  return (
    <DataTableSkeleton columns={COLUMNS} actionWidths={ACTIONS} rowCount={rowCount} label="Loading claims…" />
  );
}

export function ClaimsToolbarSkeleton() {
  return <DataTableToolbarSkeleton filterWidths={FILTERS} />;
}
