// What every list shows for a page number past its end (an old link, a list that shrank): says so and offers the
// last page. A client table that runs its own navigation passes `onNavigate`, as it does to the pager.
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber } from "@/lib/format";
import { followWith } from "./data-table-pagination";

export function DataTablePastLastPage({
  page,
  pageCount,
  lastHref,
  onNavigate,
}: {
  page: number;
  pageCount: number;
  lastHref: string;
  onNavigate?: () => void;
}) {
  return (
    <EmptyState title={`There is no page ${formatNumber(page)}`}>
      The list ends at page {formatNumber(pageCount)}.{" "}
      <Link
        href={lastHref}
        onClick={onNavigate ? followWith(onNavigate) : undefined}
        className="font-medium text-brand underline-offset-4 hover:underline"
      >
        Go to the last page
      </Link>
      .
    </EmptyState>
  );
}
