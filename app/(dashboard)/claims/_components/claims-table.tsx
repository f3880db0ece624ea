"use client";

// The claims table: one server page of rows in TanStack Table's manual mode. Sorting and paging do not touch
// the rows here; they become a new URL, and the server sends the page that URL asks for.
import { clsx } from "clsx";
import Link from "next/link";
import { use, useEffect, useMemo, useRef } from "react";
import {
  functionalUpdate,
  useTable,
  type ColumnVisibilityState,
  type PaginationState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { ariaSort } from "@/components/data-table/data-table-column-header";
import { DataTableDensityToggle, useDensity } from "@/components/data-table/data-table-density-toggle";
import { DownloadIcon } from "@/components/ui/icons";
import {
  DataTablePageSize,
  DataTablePagination,
  followWith,
} from "@/components/data-table/data-table-pagination";
import { DataTablePastLastPage } from "@/components/data-table/data-table-past-last-page";
import { DataTableSortSelect } from "@/components/data-table/data-table-sort-select";
import { DataTableViewOptions } from "@/components/data-table/data-table-view-options";
import { useLocalStorage } from "@/components/data-table/use-local-storage";
import { Code } from "@/components/ui/code";
import { EmptyState } from "@/components/ui/empty-state";
import type { ClaimFacets, ClaimsPage } from "@/lib/data/claims";
import { formatCount, formatNumber } from "@/lib/format";
import {
  PAGE_SIZES,
  hasFilters,
  parseClaimsQuery,
  serializeClaimsQuery,
  type ClaimsQuery,
} from "@/lib/validations/claims";
import { useClaimsQuery, withoutFilters } from "@/components/claims/claims-query-context";
import { claimsTableFeatures, getClaimsTableColumns } from "@/components/claims/claims-table-columns";

const HIDDEN_COLUMNS_KEY = "claimdesk:claims-hidden-columns";
/**
 * Nine columns do not fit the page width next to a readable claim. Updated is hidden until asked for: an import
 * stamps every claim alike, so it only tells claims apart once reviewers are at work.
 */
const DEFAULT_HIDDEN_COLUMNS = ["updated"];

export function ClaimsTable({
  claims: claimsPromise,
  facets: facetsPromise,
  allClaims: allClaimsPromise,
  exportAccess,
}: {
  claims: Promise<ClaimsPage>;
  facets: Promise<ClaimFacets>;
  /** The number of claims without any filter; null when nothing is filtered (it is then `total`). */
  allClaims: Promise<number> | null;
  /** Downloads are for analysts and up; someone signed out is offered the sign-in instead. */
  exportAccess: "allowed" | "sign-in" | "forbidden";
}) {
  const { rows, total } = use(claimsPromise);
  const facets = use(facetsPromise);
  const allClaims = allClaimsPromise ? use(allClaimsPromise) : total;
  const { query, pending, navigate, takeFocusTarget } = useClaimsQuery();
  const [density, setDensity] = useDensity();
  const [hiddenColumns, setHiddenColumns] = useLocalStorage(HIDDEN_COLUMNS_KEY);
  const top = useRef<HTMLElement>(null);

  // Mounted afresh for each query: the control that asked for it (a sort header, a page button) gets focus back,
  // so a keyboard user can press it again instead of starting over from the top of the page.
  useEffect(() => {
    const id = takeFocusTarget();
    const target = id ? document.getElementById(id) : null;
    if (target && !target.matches(":disabled") && document.activeElement === document.body) {
      target.focus({ preventScroll: true });
    }
  }, [takeFocusTarget]);

  const sectionFilter = query.documentId !== null || query.sectionIds.length > 0;
  const columns = useMemo(() => getClaimsTableColumns(facets, { sectionFilter }), [facets, sectionFilter]);

  const columnVisibility = useMemo(() => parseHiddenColumns(hiddenColumns), [hiddenColumns]);
  const sortedColumnId = columns.find((column) => column.meta?.sortKey === query.sort)?.id;
  const sorting = useMemo<SortingState>(
    () => (sortedColumnId ? [{ id: sortedColumnId, desc: query.dir === "desc" }] : []),
    [sortedColumnId, query.dir],
  );
  const pagination = useMemo<PaginationState>(
    () => ({ pageIndex: query.page - 1, pageSize: query.size }),
    [query.page, query.size],
  );

  function onSortingChange(updater: Updater<SortingState>) {
    const [next] = functionalUpdate(updater, sorting);
    const sortKey = next && columns.find((column) => column.id === next.id)?.meta?.sortKey;
    // Without a column sort the table goes back to its default: relevance while searching, else reading order.
    const defaults = parseClaimsQuery(query.q ? new URLSearchParams({ q: query.q }) : new URLSearchParams());
    navigate({
      ...query,
      sort: sortKey ?? defaults.sort,
      dir: sortKey ? (next.desc ? "desc" : "asc") : defaults.dir,
      page: 1,
    });
  }

  function onPaginationChange(updater: Updater<PaginationState>) {
    const next = functionalUpdate(updater, pagination);
    const sizeChanged = next.pageSize !== pagination.pageSize;
    navigate({ ...query, size: next.pageSize, page: sizeChanged ? 1 : next.pageIndex + 1 });
    // Paging from the controls under a long table: bring the first of the new rows into view.
    if (top.current && top.current.getBoundingClientRect().top < 0)
      top.current.scrollIntoView({ block: "start" });
  }

  function onColumnVisibilityChange(updater: Updater<ColumnVisibilityState>) {
    const next = functionalUpdate(updater, columnVisibility);
    // Stored even when empty, so that showing every column overrides the default.
    setHiddenColumns(JSON.stringify(Object.keys(next).filter((id) => next[id] === false)));
  }

  const table = useTable({
    features: claimsTableFeatures,
    columns,
    data: rows,
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    state: { sorting, pagination, columnVisibility },
    onSortingChange,
    onPaginationChange,
    onColumnVisibilityChange,
  });

  const visibleColumns = table.getVisibleLeafColumns();
  const filtered = hasFilters(query);
  const summary = filtered
    ? `${formatNumber(total)} of ${formatCount(allClaims, "claim", "claims")} ${total === 1 ? "matches" : "match"}`
    : formatCount(total, "claim", "claims");
  const exportParams = serializeClaimsQuery(query);
  exportParams.delete("page");
  exportParams.delete("size");
  const exportHref = (format: "csv" | "json") =>
    `/api/claims/export?${new URLSearchParams([["format", format], ...exportParams])}`;
  const resetHref = claimsPageHref(withoutFilters(query));
  const pageHref = (page: number) => claimsPageHref({ ...query, page });

  return (
    <section ref={top} aria-label="Results" className="flex scroll-mt-32 flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <p id="claims-summary" role="status" className="text-sm text-muted-foreground">
          <span className="font-semibold text-foreground tabular-nums">{summary}</span>
          {query.sort === "relevance" && total > 1 ? <> · most relevant first</> : null}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          {total > 0 && exportAccess === "sign-in" ? (
            <Link
              href={`/sign-in?callbackUrl=${encodeURIComponent(`/claims?${serializeClaimsQuery(query).toString()}`)}`}
              className="text-sm font-medium text-brand underline-offset-4 hover:underline"
            >
              Sign in to download
            </Link>
          ) : null}
          {total > 0 && exportAccess === "allowed" ? (
            <>
              <ExportLink
                href={exportHref("csv")}
                download={`claimdesk-claims${filtered ? "-filtered" : ""}.csv`}
              >
                CSV
              </ExportLink>
              <ExportLink
                href={exportHref("json")}
                download={`claimdesk-claims${filtered ? "-filtered" : ""}.json`}
              >
                JSON
              </ExportLink>
            </>
          ) : null}
          {rows.length > 1 ? (
            <DataTableSortSelect
              columns={table.getAllLeafColumns()}
              defaultLabel={query.q ? "Most relevant first" : "Reading order"}
              className="md:hidden"
            />
          ) : null}
          <DataTableViewOptions columns={table.getAllLeafColumns()} />
          <DataTableDensityToggle density={density} onChange={setDensity} />
        </div>
      </div>

      {rows.length === 0 ? (
        total > 0 ? (
          <DataTablePastLastPage
            page={query.page}
            pageCount={table.getPageCount()}
            lastHref={pageHref(table.getPageCount())}
            onNavigate={() => table.lastPage()}
          />
        ) : filtered ? (
          <EmptyState title="No claims match">
            No claim matches {query.q ? <>the search “{query.q}”</> : "these filters"}
            {query.q && hasFilters({ ...query, q: "" }) ? " with these filters" : ""}. Remove a filter or try
            another search.{" "}
            <Link
              href={resetHref}
              prefetch={false}
              onClick={followWith(() => navigate(withoutFilters(query)))}
              className="font-medium text-brand underline underline-offset-4"
            >
              Reset filters
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title="No claims yet">
            Import the sample report with <Code>npm run db:seed</Code>, then reload this page.
          </EmptyState>
        )
      ) : (
        <div
          aria-busy={pending}
          className={clsx(
            "relative transition-opacity",
            // Only a slow answer dims the rows; a quick one would just flicker.
            pending && "opacity-60 delay-200 duration-300",
          )}
        >
          {pending ? (
            <div
              aria-hidden="true"
              className="absolute inset-x-3 top-0 z-10 h-0.5 rounded-full bg-brand motion-safe:animate-pulse"
            />
          ) : null}
          {/* One table for every screen: on a phone, globals.css lays each row out as a card that lists the same
              cells under their column's name (data-label), so the rows are rendered and sent once. */}
          <div className="md:overflow-x-auto md:rounded-xl md:border md:bg-surface md:shadow-xs md:dark:shadow-none">
            <table
              aria-describedby="claims-summary"
              data-density={density}
              className={clsx(
                "claims-table w-full text-left",
                density === "compact" ? "md:text-[13px] md:leading-snug" : "md:text-sm",
              )}
            >
              <caption className="sr-only">
                Claims, page {pagination.pageIndex + 1} of {table.getPageCount()}
              </caption>
              <thead className="border-b bg-muted/60 text-xs text-muted-foreground">
                {table.getHeaderGroups().map((group) => (
                  <tr key={group.id}>
                    {group.headers.map((header) => (
                      <th
                        key={header.id}
                        scope="col"
                        aria-sort={ariaSort(header.column.getIsSorted())}
                        className={clsx(
                          "px-2.5 py-2.5 font-medium first:pl-4 last:pr-4",
                          header.column.columnDef.meta?.className,
                        )}
                      >
                        {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                      </th>
                    ))}
                  </tr>
                ))}
              </thead>
              {/* The rows come straight from the page's data and the visible columns' renderCell. With sorting and
                  paging done by the server, TanStack's row model would only copy this page of rows, and its row and
                  cell objects (built on prototypes each table makes afresh, so V8 re-optimises the code reading them
                  on every request) slowed every page measurably (docs/measurements.md). */}
              <tbody className="md:divide-y">
                {rows.map((claim) => (
                  <tr key={claim.id}>
                    {visibleColumns.map((column) => {
                      // The claim names its row, for screen readers moving along a row's cells.
                      const Cell = column.id === "claim" ? "th" : "td";
                      const meta = column.columnDef.meta!;
                      return (
                        <Cell
                          key={column.id}
                          scope={Cell === "th" ? "row" : undefined}
                          data-label={Cell === "td" ? meta.label : undefined}
                          className={meta.className}
                        >
                          {meta.renderCell(claim)}
                        </Cell>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}

      {rows.length > 0 ? (
        <DataTablePagination
          page={query.page}
          pageCount={table.getPageCount()}
          total={total}
          size={query.size}
          noun={total === 1 ? "claim" : "claims"}
          hrefFor={pageHref}
          onNavigate={(page) => table.setPageIndex(page - 1)}
          idPrefix="claims-pagination"
          sizeControl={
            <DataTablePageSize
              id="claims-pagination-size"
              value={query.size}
              sizes={PAGE_SIZES}
              onChange={(size) => table.setPageSize(size)}
            />
          }
        />
      ) : null}
    </section>
  );
}

function ExportLink({ href, download, children }: { href: string; download: string; children: string }) {
  // "Download" is spelt out where there is room and always read out; a phone shows the format alone.
  return (
    <a
      href={href}
      download={download}
      className="inline-flex h-8 items-center gap-1.5 rounded-md border bg-surface px-2.5 text-sm font-medium whitespace-nowrap shadow-xs transition-colors hover:bg-muted dark:shadow-none"
    >
      <DownloadIcon className="size-4 text-muted-foreground" />
      <span className="sr-only sm:not-sr-only">Download </span>
      {children}
    </a>
  );
}

function claimsPageHref(query: ClaimsQuery): string {
  const search = serializeClaimsQuery(query).toString();
  return search ? `/claims?${search}` : "/claims";
}

function parseHiddenColumns(stored: string | null): ColumnVisibilityState {
  const hidden = (ids: unknown[]) =>
    Object.fromEntries(ids.filter((id) => typeof id === "string").map((id) => [id, false]));
  if (stored === null) return hidden(DEFAULT_HIDDEN_COLUMNS);
  try {
    const ids: unknown = JSON.parse(stored);
    return Array.isArray(ids) ? hidden(ids) : hidden(DEFAULT_HIDDEN_COLUMNS);
  } catch {
    // A value from an older version or edited by hand: fall back to the default rather than fail.
    return hidden(DEFAULT_HIDDEN_COLUMNS);
  }
}
