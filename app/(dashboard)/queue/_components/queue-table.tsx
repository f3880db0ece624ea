// The reviewer's queue: a tab per status with its count, then one page of claims with the disagreement flag.
import { clsx } from "clsx";
import Link from "next/link";
import { CELL, DataTable, DataTableHead, ROW } from "@/components/data-table/data-table";
import { DataTablePastLastPage } from "@/components/data-table/data-table-past-last-page";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { listHref } from "@/components/data-table/list-href";
import { ReviewStatusBadge, ToneBadge, VerdictBadge } from "@/components/ui/tone-badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { Paged } from "@/lib/data/list-params";
import type { QueueRow } from "@/lib/data/review";
import { labelOf, REVIEW_STATUS_OPTIONS } from "@/lib/domain/options";
import { formatDateTime, formatNumber } from "@/lib/format";
import type { ReviewStatus } from "@/lib/generated/prisma/enums.ts";

export const QUEUE_PAGE_SIZE = 25;

type QueueQuery = { status: ReviewStatus | null; page: number };

function queueHref(status: ReviewStatus | null, page: number): string {
  return listHref("/queue", { status, page: page === 1 ? null : page });
}

export async function QueueTable({
  queue,
  query,
}: {
  queue: Promise<Paged<QueueRow> & { counts: Record<ReviewStatus, number> }>;
  query: QueueQuery;
}) {
  const { rows, total, pageCount, page, size, counts } = await queue;
  const all = counts.UNREVIEWED + counts.IN_REVIEW + counts.REVIEWED;
  const tabs = [
    { status: null, label: "All", count: all },
    ...REVIEW_STATUS_OPTIONS.map((option) => ({
      status: option.value,
      label: option.label,
      count: counts[option.value],
    })),
  ];

  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Filter by status">
        <ul className="flex flex-wrap gap-1">
          {tabs.map((tab) => (
            <li key={tab.label}>
              <Link
                href={queueHref(tab.status, 1)}
                aria-current={tab.status === query.status ? "page" : undefined}
                className={clsx(
                  "inline-flex h-9 items-center gap-2 rounded-md px-3 text-sm font-medium transition-colors",
                  tab.status === query.status ? "bg-brand text-white dark:text-background" : "hover:bg-muted",
                )}
              >
                {tab.label}
                <span className="tabular-nums opacity-80">{formatNumber(tab.count)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {total === 0 ? (
        <EmptyState title={query.status ? "No claim in your queue has this status" : "Your queue is empty"}>
          Open a claim and choose “Take this claim”, or ask an admin to assign you some.
        </EmptyState>
      ) : rows.length === 0 ? (
        <DataTablePastLastPage
          page={page}
          pageCount={pageCount}
          lastHref={queueHref(query.status, pageCount)}
        />
      ) : (
        <DataTable
          caption={`Claims assigned to you${query.status ? `, ${labelOf(REVIEW_STATUS_OPTIONS, query.status).toLowerCase()}` : ""}`}
          head={
            <>
              <DataTableHead>Claim</DataTableHead>
              <DataTableHead>Review</DataTableHead>
              <DataTableHead>Last change</DataTableHead>
            </>
          }
          pagination={{
            page,
            pageCount,
            total,
            size,
            noun: "claims",
            hrefFor: (number) => queueHref(query.status, number),
          }}
        >
          {rows.map((row) => (
            <tr key={row.id} className={ROW}>
              <td className={clsx(CELL, "max-w-xl")}>
                <Link href={`/claims/${row.id}`} className="font-medium hover:text-brand hover:underline">
                  {row.text}
                </Link>
              </td>
              <td className={CELL}>
                <span className="flex flex-wrap gap-1.5">
                  <ReviewStatusBadge status={row.status} />
                  <VerdictBadge verdict={row.verdict} />
                  {row.disagreement ? <ToneBadge tone="caution">Reviewers disagree</ToneBadge> : null}
                </span>
              </td>
              <td className={clsx(CELL, "whitespace-nowrap text-muted-foreground")}>
                <time dateTime={row.updatedAt.toISOString()}>{formatDateTime(row.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}

export function QueueTableSkeleton() {
  return (
    <DataTableSkeleton
      label="Loading your queue…"
      rowCount={5}
      columns={[
        { header: "w-12", cell: "w-full max-w-lg grow", lines: 2 },
        { header: "w-14", cell: "w-32" },
        { header: "w-20", cell: "w-32" },
      ]}
    />
  );
}
