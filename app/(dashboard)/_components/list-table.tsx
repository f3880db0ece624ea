// The frame the entity and source lists share: a captioned table with the pager under it, the notice for a page
// past the end, and the loading placeholders of the page and the table. Each list brings its own columns.
import { clsx } from "clsx";
import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatNumber } from "@/lib/format";
import { Pagination } from "./pagination";

export const HEAD = "px-4 py-3 font-medium whitespace-nowrap";
export const CELL = "px-4 py-3.5";
export const ROW = "align-top transition-colors hover:bg-muted/40";

export function ListTable({
  caption,
  head,
  children,
  pagination,
}: {
  /** Read by assistive technology only: what the rows are, how they are filtered and sorted. */
  caption: ReactNode;
  /** The header cells. */
  head: ReactNode;
  /** The rows. */
  children: ReactNode;
  pagination: ComponentProps<typeof Pagination>;
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
      <Pagination {...pagination} />
    </div>
  );
}

/** A page number past the end of the list (an old link, a list that shrank): say so and offer the last page. */
export function PastLastPage({
  page,
  pageCount,
  lastHref,
}: {
  page: number;
  pageCount: number;
  lastHref: string;
}) {
  return (
    <EmptyState title={`There is no page ${formatNumber(page)}`}>
      The list ends at page {formatNumber(pageCount)}.{" "}
      <Link href={lastHref} className="font-medium text-brand underline-offset-4 hover:underline">
        Go to the last page
      </Link>
      .
    </EmptyState>
  );
}

export function ListTableSkeleton({
  label,
  rows,
  align,
  summaryClassName,
  children,
}: {
  /** "Loading entities…", for assistive technology. */
  label: string;
  rows: number;
  align: "center" | "start";
  /** The width of the pager's summary line. */
  summaryClassName: string;
  /** The placeholders of one row. */
  children: ReactNode;
}) {
  return (
    <div role="status" className="flex flex-col gap-4">
      <span className="sr-only">{label}</span>
      <Card className="overflow-hidden">
        <div className="h-10 border-b bg-muted/60" />
        <div className="divide-y">
          {Array.from({ length: rows }, (_, index) => (
            <div
              key={index}
              className={clsx(
                "flex gap-4 px-5 py-4 sm:px-6",
                align === "center" ? "items-center" : "items-start",
              )}
            >
              {children}
            </div>
          ))}
        </div>
      </Card>
      <Skeleton className={clsx("h-5", summaryClassName)} />
    </div>
  );
}
