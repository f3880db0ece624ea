import { clsx } from "clsx";
import Link from "next/link";
import { CELL, DataTable, DataTableHead, ROW } from "@/components/data-table/data-table";
import { DataTablePastLastPage } from "@/components/data-table/data-table-past-last-page";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { listHref } from "@/components/data-table/list-href";
import { EmptyState } from "@/components/ui/empty-state";
import { DEFAULT_PAGE_SIZE, type Paged } from "@/lib/data/list-params";
import type { SourceListQuery, SourceRow } from "@/lib/data/sources";
import { SOURCE_KIND_OPTIONS, SOURCE_RELIABILITY_OPTIONS, labelOf } from "@/lib/domain/options";
import { formatDate, formatNumber } from "@/lib/format";

function sourcesHref(query: SourceListQuery, page: number): string {
  return listHref("/sources", {
    q: query.q,
    kind: query.kind,
    size: query.size === DEFAULT_PAGE_SIZE ? null : query.size,
    page: page === 1 ? null : page,
  });
}

export async function SourceTable({
  results,
  query,
}: {
  results: Promise<Paged<SourceRow>>;
  query: SourceListQuery;
}) {
  const { rows, total, pageCount, page, size } = await results;

  if (total === 0) {
    return (
      <EmptyState title={query.q || query.kind ? "No source matches" : "No sources yet"}>
        {query.q || query.kind ? (
          <>
            Try other words, or{" "}
            <Link href="/sources" className="font-medium text-brand underline-offset-4 hover:underline">
              see every source
            </Link>
            .
          </>
        ) : (
          "Sources appear here when an imported document names them."
        )}
      </EmptyState>
    );
  }
  if (rows.length === 0) {
    return (
      <DataTablePastLastPage page={page} pageCount={pageCount} lastHref={sourcesHref(query, pageCount)} />
    );
  }

  return (
    <DataTable
      caption={
        <>
          Sources{query.q ? ` matching “${query.q}”` : ""}
          {query.kind ? `, ${labelOf(SOURCE_KIND_OPTIONS, query.kind)} only` : ""}, by title
        </>
      }
      head={
        <>
          <DataTableHead className="pl-5 sm:pl-6">Title</DataTableHead>
          <DataTableHead className="hidden sm:table-cell">Kind</DataTableHead>
          <DataTableHead className="hidden md:table-cell">Reliability</DataTableHead>
          <DataTableHead className="hidden lg:table-cell">Published</DataTableHead>
          <DataTableHead className="pr-5 text-right sm:pr-6">Claims</DataTableHead>
        </>
      }
      pagination={{
        page,
        pageCount,
        total,
        size,
        noun: total === 1 ? "source" : "sources",
        hrefFor: (number) => sourcesHref(query, number),
      }}
    >
      {rows.map((row) => (
        <tr key={row.id} className={ROW}>
          <th scope="row" className={clsx(CELL, "pl-5 font-normal sm:pl-6")}>
            <Link
              href={`/sources/${row.id}`}
              className="font-medium text-foreground underline-offset-4 hover:text-brand hover:underline"
            >
              {row.title}
            </Link>
            {row.publisher ? (
              <span className="mt-0.5 block text-muted-foreground">{row.publisher}</span>
            ) : null}
            <span className="mt-1 block text-xs text-muted-foreground sm:hidden">
              {labelOf(SOURCE_KIND_OPTIONS, row.kind)} · <Reliability value={row.reliability} />
            </span>
          </th>
          <td className={clsx(CELL, "hidden whitespace-nowrap text-muted-foreground sm:table-cell")}>
            {labelOf(SOURCE_KIND_OPTIONS, row.kind)}
          </td>
          <td className={clsx(CELL, "hidden whitespace-nowrap text-muted-foreground md:table-cell")}>
            <Reliability value={row.reliability} />
          </td>
          <td className={clsx(CELL, "hidden whitespace-nowrap text-muted-foreground lg:table-cell")}>
            {row.publishedAt ? (
              <time dateTime={row.publishedAt.toISOString().slice(0, 10)}>{formatDate(row.publishedAt)}</time>
            ) : (
              "Unknown"
            )}
          </td>
          <td className={clsx(CELL, "pr-5 text-right font-medium tabular-nums sm:pr-6")}>
            {formatNumber(row.claims)}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function Reliability({ value }: { value: SourceRow["reliability"] }) {
  return <>{value ? labelOf(SOURCE_RELIABILITY_OPTIONS, value) : "Not yet rated"}</>;
}

export function SourceTableSkeleton() {
  return (
    <DataTableSkeleton
      label="Loading sources…"
      rowCount={5}
      columns={[
        { header: "w-10", cell: "w-64 max-w-full grow", lines: 2 },
        { header: "w-10", cell: "w-20", className: "hidden sm:flex" },
        { header: "w-16", cell: "w-24", className: "hidden md:flex" },
        { header: "w-16", cell: "w-20", className: "hidden lg:flex" },
        { header: "w-12", cell: "w-12" },
      ]}
    />
  );
}
