import { clsx } from "clsx";
import Link from "next/link";
import { listHref } from "@/app/(dashboard)/_components/list-href";
import {
  CELL,
  HEAD,
  ListTable,
  ListTableSkeleton,
  PastLastPage,
  ROW,
} from "@/app/(dashboard)/_components/list-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { EntityListQuery, EntityRow, EntitySort } from "@/lib/data/entities";
import type { Paged } from "@/lib/data/paged";
import { DEFAULT_PAGE_SIZE } from "@/lib/validations/url-params";
import { ENTITY_KIND_OPTIONS, labelOf } from "@/lib/domain/options";
import { formatNumber } from "@/lib/format";
import { countryName } from "./entity-format";

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
      <PastLastPage page={page} pageCount={pageCount} lastHref={entitiesHref(query, { page: pageCount })} />
    );
  }

  const sort: EntitySort = query.sort ?? (query.q ? "relevance" : "name");
  const nameDir = sort === "name" && query.dir === "desc" ? "desc" : "asc";
  const claimsDir = sort === "claims" && query.dir === "asc" ? "asc" : "desc";

  return (
    <ListTable
      caption={
        <>
          Entities{query.q ? ` matching “${query.q}”` : ""}
          {query.kind ? `, ${labelOf(ENTITY_KIND_OPTIONS, query.kind)} only` : ""}, sorted by{" "}
          {sort === "relevance" ? "best match" : sort === "name" ? "name" : "number of claims"}
        </>
      }
      head={
        <>
          <SortableHead
            label="Name"
            active={sort === "name"}
            dir={nameDir}
            href={entitiesHref(query, {
              sort: "name",
              dir: sort === "name" && nameDir === "asc" ? "desc" : null,
              page: 1,
            })}
            className="pl-5 sm:pl-6"
          />
          <th scope="col" className={clsx(HEAD, "hidden sm:table-cell")}>
            Kind
          </th>
          <th scope="col" className={clsx(HEAD, "hidden lg:table-cell")}>
            Aliases
          </th>
          <th scope="col" className={clsx(HEAD, "hidden md:table-cell")}>
            Country
          </th>
          <th scope="col" className={clsx(HEAD, "hidden md:table-cell")}>
            Part of
          </th>
          <SortableHead
            label="Claims"
            active={sort === "claims"}
            dir={claimsDir}
            href={entitiesHref(query, {
              sort: "claims",
              dir: sort === "claims" && claimsDir === "desc" ? "asc" : null,
              page: 1,
            })}
            className="pr-5 text-right sm:pr-6"
            align="right"
          />
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
    </ListTable>
  );
}

function SortableHead({
  label,
  active,
  dir,
  href,
  className,
  align = "left",
}: {
  label: string;
  active: boolean;
  dir: "asc" | "desc";
  href: string;
  className?: string;
  align?: "left" | "right";
}) {
  return (
    <th
      scope="col"
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
      className={clsx(HEAD, className)}
    >
      <Link
        href={href}
        className={clsx(
          "inline-flex items-center gap-1 rounded-sm hover:text-foreground",
          align === "right" && "flex-row-reverse",
          active && "text-foreground",
        )}
      >
        {label}
        <SortArrow active={active} dir={dir} />
        <span className="sr-only">
          {active ? `, sorted ${dir === "asc" ? "ascending" : "descending"}; ` : ", "}sort by{" "}
          {label.toLowerCase()}
        </span>
      </Link>
    </th>
  );
}

function SortArrow({ active, dir }: { active: boolean; dir: "asc" | "desc" }) {
  return (
    <svg viewBox="0 0 12 12" aria-hidden="true" className={clsx("size-3", !active && "opacity-40")}>
      {!active || dir === "asc" ? <path d="M6 1.5 9.5 5h-7z" fill="currentColor" /> : null}
      {!active || dir === "desc" ? <path d="M6 10.5 2.5 7h7z" fill="currentColor" /> : null}
    </svg>
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
    <ListTableSkeleton label="Loading entities…" rows={10} align="center" summaryClassName="w-40">
      <Skeleton className="h-4 w-40" />
      <Skeleton className="hidden h-4 w-20 sm:block" />
      <Skeleton className="hidden h-4 w-48 lg:block" />
      <Skeleton className="hidden h-4 w-16 md:block" />
      <Skeleton className="hidden h-4 w-24 md:block" />
      <Skeleton className="ml-auto h-4 w-6" />
    </ListTableSkeleton>
  );
}
