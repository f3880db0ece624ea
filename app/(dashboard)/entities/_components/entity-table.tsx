import { clsx } from "clsx";
import Link from "next/link";
import { CELL, DataTable, DataTableHead, ROW } from "@/components/data-table/data-table";
import { DataTableColumnHeader, type SortOrder } from "@/components/data-table/data-table-column-header";
import { DataTablePastLastPage } from "@/components/data-table/data-table-past-last-page";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { listHref } from "@/components/data-table/list-href";
import { EmptyState } from "@/components/ui/empty-state";
import type { EntityListQuery, EntityRow, EntitySort } from "@/lib/data/entities";
import { DEFAULT_PAGE_SIZE, type Paged } from "@/lib/data/list-params";
import { ENTITY_KIND_OPTIONS, labelOf } from "@/lib/domain/options";
import { countryName, formatNumber } from "@/lib/format";

/** The URL of the list with `changes` applied; defaults are dropped so links stay short. */
function entitiesHref(query: EntityListQuery, changes: Partial<EntityListQuery>): string {
  const next = { ...query, ...changes };
  return listHref("/entities", {
    q: next.q,
    kind: next.kind,
    sort: next.sort,
    dir: next.dir,
    size: next.size === DEFAULT_PAGE_SIZE ? null : next.size,
    page: next.page === 1 ? null : next.page,
  });
}

export async function EntityTable({
  results,
  query,
}: {
  results: Promise<Paged<EntityRow>>;
  query: EntityListQuery;
}) {
  const { rows, total, pageCount, page, size } = await results;

  if (total === 0) {
    return (
      <EmptyState title="No entity matches">
        {query.q ? <>Nothing is named or known as “{query.q}”</> : <>No entity of this kind</>}
        {query.q && query.kind ? (
          <> among {labelOf(ENTITY_KIND_OPTIONS, query.kind).toLowerCase()} entities</>
        ) : null}
        . Check the spelling, or{" "}
        <Link href="/entities" className="font-medium text-brand underline-offset-4 hover:underline">
          see every entity
        </Link>
        .
      </EmptyState>
    );
  }
  if (rows.length === 0) {
    return (
      <DataTablePastLastPage
        page={page}
        pageCount={pageCount}
        lastHref={entitiesHref(query, { page: pageCount })}
      />
    );
  }

  const sort: EntitySort = query.sort ?? (query.q ? "relevance" : "name");
  const nameDir: SortOrder = sort === "name" && query.dir === "desc" ? "desc" : "asc";
  const claimsDir: SortOrder = sort === "claims" && query.dir === "asc" ? "asc" : "desc";
  const nameSorted = sort === "name" && nameDir;
  const claimsSorted = sort === "claims" && claimsDir;

  return (
    <DataTable
      caption={
        <>
          Entities{query.q ? ` matching “${query.q}”` : ""}
          {query.kind ? `, ${labelOf(ENTITY_KIND_OPTIONS, query.kind)} only` : ""}, sorted by{" "}
          {sort === "relevance" ? "best match" : sort === "name" ? "name" : "number of claims"}
        </>
      }
      head={
        <>
          <DataTableHead sorted={nameSorted} className="pl-5 sm:pl-6">
            {/* Name goes A to Z first, then Z to A; the claim count most first, then fewest. */}
            <DataTableColumnHeader
              label="Name"
              sorted={nameSorted}
              next={nameSorted === "asc" ? "desc" : "asc"}
              href={entitiesHref(query, { sort: "name", dir: nameSorted === "asc" ? "desc" : null, page: 1 })}
            />
          </DataTableHead>
          <DataTableHead className="hidden sm:table-cell">Kind</DataTableHead>
          <DataTableHead className="hidden lg:table-cell">Aliases</DataTableHead>
          <DataTableHead className="hidden md:table-cell">Country</DataTableHead>
          <DataTableHead className="hidden md:table-cell">Part of</DataTableHead>
          <DataTableHead sorted={claimsSorted} className="pr-5 text-right sm:pr-6">
            <DataTableColumnHeader
              label="Claims"
              sorted={claimsSorted}
              next={claimsSorted === "desc" ? "asc" : "desc"}
              href={entitiesHref(query, {
                sort: "claims",
                dir: claimsSorted === "desc" ? "asc" : null,
                page: 1,
              })}
            />
          </DataTableHead>
        </>
      }
      pagination={{
        page,
        pageCount,
        total,
        size,
        noun: total === 1 ? "entity" : "entities",
        hrefFor: (number) => entitiesHref(query, { page: number }),
      }}
    >
      {rows.map((row) => (
        <tr key={row.id} className={ROW}>
          <th scope="row" className={clsx(CELL, "pl-5 font-normal sm:pl-6")}>
            <Link
              href={`/entities/${row.id}`}
              className="font-medium text-foreground underline-offset-4 hover:text-brand hover:underline"
            >
              {row.name}
            </Link>
            {/* Columns hidden on narrow screens move under the name. */}
            <span className="mt-0.5 block text-xs text-muted-foreground sm:hidden">
              {labelOf(ENTITY_KIND_OPTIONS, row.kind)}
              {row.country ? ` · ${countryName(row.country)}` : ""}
            </span>
            {row.aliases.length > 0 ? (
              <span className="mt-1 block text-xs text-muted-foreground lg:hidden">
                <Aliases aliases={row.aliases} />
              </span>
            ) : null}
          </th>
          <td className={clsx(CELL, "hidden whitespace-nowrap text-muted-foreground sm:table-cell")}>
            {labelOf(ENTITY_KIND_OPTIONS, row.kind)}
          </td>
          <td className={clsx(CELL, "hidden max-w-xs text-muted-foreground lg:table-cell")}>
            {row.aliases.length > 0 ? <Aliases aliases={row.aliases} /> : <Dash />}
          </td>
          <td className={clsx(CELL, "hidden whitespace-nowrap text-muted-foreground md:table-cell")}>
            {row.country ? countryName(row.country) : <Dash />}
          </td>
          <td className={clsx(CELL, "hidden md:table-cell")}>
            {row.parent ? (
              <Link
                href={`/entities/${row.parent.id}`}
                className="text-muted-foreground underline-offset-4 hover:text-brand hover:underline"
              >
                {row.parent.name}
              </Link>
            ) : (
              <Dash />
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

function Aliases({ aliases }: { aliases: EntityRow["aliases"] }) {
  return (
    <span className="flex flex-wrap gap-x-2 gap-y-0.5">
      {/* The comma stays outside the lang span, or a Chinese font would draw it full-width. */}
      {aliases.map((alias, index) => (
        <span key={alias.alias}>
          <span lang={alias.language}>{alias.alias}</span>
          {index < aliases.length - 1 ? <span aria-hidden="true">,</span> : null}
        </span>
      ))}
    </span>
  );
}

function Dash() {
  return (
    <>
      <span aria-hidden="true" className="text-muted-foreground/60">
        —
      </span>
      <span className="sr-only">none</span>
    </>
  );
}

export function EntityTableSkeleton() {
  return (
    <DataTableSkeleton
      label="Loading entities…"
      columns={[
        { header: "w-12", cell: "w-40 grow" },
        { header: "w-10", cell: "w-20", className: "hidden sm:flex" },
        { header: "w-14", cell: "w-48", className: "hidden lg:flex" },
        { header: "w-14", cell: "w-16", className: "hidden md:flex" },
        { header: "w-12", cell: "w-24", className: "hidden md:flex" },
        { header: "w-12", cell: "w-12" },
      ]}
    />
  );
}
