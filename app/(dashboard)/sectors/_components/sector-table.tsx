import { clsx } from "clsx";
import Link from "next/link";
import { CELL, DataTable, DataTableHead, ROW } from "@/components/data-table/data-table";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { Code } from "@/components/ui/code";
import { EmptyState } from "@/components/ui/empty-state";
import type { SectorFigure, SectorSummary } from "@/lib/data/sectors";
import { formatNumber } from "@/lib/format";
import { claimsHref, sectorFigureQuery } from "@/lib/queries/drill-down";

type FigureColumn = {
  figure: SectorFigure;
  label: string;
  /** Completes "12 claims in Hardware & chips" for a screen reader listing the links. */
  qualifier: string;
  /** The narrowest screen with room for the column; narrower ones list the figure under the sector's name. */
  from: keyof typeof SHOWN_FROM | null;
};

/**
 * Per breakpoint: the column's classes, those of its stand-in under the name, and those of its loading
 * placeholder. Literal, for Tailwind to find.
 */
const SHOWN_FROM = {
  sm: { column: "hidden sm:table-cell", standIn: "sm:hidden", placeholder: "hidden sm:flex" },
  lg: { column: "hidden lg:table-cell", standIn: "lg:hidden", placeholder: "hidden lg:flex" },
};

const FIGURE_COLUMNS: FigureColumn[] = [
  { figure: "claims", label: "Claims", qualifier: "", from: null },
  { figure: "citationMissing", label: "Lost citation", qualifier: " with a lost citation", from: "sm" },
  { figure: "sourced", label: "Sourced", qualifier: " with sources", from: "lg" },
  { figure: "supported", label: "Supported", qualifier: " rated supported", from: "lg" },
  { figure: "disputed", label: "Disputed", qualifier: " rated disputed", from: "lg" },
  { figure: "unrated", label: "No verdict yet", qualifier: " with no verdict yet", from: "lg" },
];

export async function SectorTable({ sectors }: { sectors: Promise<SectorSummary[]> }) {
  const rows = await sectors;

  if (rows.length === 0) {
    return (
      <EmptyState title="No sectors yet">
        Sectors come with the catalog: load it with <Code>npm run db:seed</Code>, then reload this page.
      </EmptyState>
    );
  }

  return (
    <DataTable
      caption="Sectors in display order, with their claims: all, with a lost citation, with sources, and by verdict"
      head={
        <>
          <DataTableHead className="pl-5 sm:pl-6">Sector</DataTableHead>
          {FIGURE_COLUMNS.map((column, index) => (
            <DataTableHead
              key={column.figure}
              className={clsx(
                "text-right",
                column.from && SHOWN_FROM[column.from].column,
                index === FIGURE_COLUMNS.length - 1 && "pr-5 sm:pr-6",
              )}
            >
              {column.label}
            </DataTableHead>
          ))}
        </>
      }
      // One page holds every sector: the pager only says how many there are.
      pagination={{
        page: 1,
        pageCount: 1,
        total: rows.length,
        size: rows.length,
        noun: rows.length === 1 ? "sector" : "sectors",
        hrefFor: () => "/sectors",
      }}
    >
      {rows.map((row) => (
        <tr key={row.id} className={ROW}>
          <th scope="row" className={clsx(CELL, "pl-5 font-normal sm:pl-6")}>
            <Link
              href={`/sectors/${row.slug}`}
              className="font-medium text-foreground underline-offset-4 hover:text-brand hover:underline"
            >
              {row.name}
            </Link>
            <span className="mt-0.5 block max-w-md text-muted-foreground text-pretty">{row.description}</span>
            <span className="mt-1 flex flex-wrap gap-x-3 text-xs text-muted-foreground lg:hidden">
              {FIGURE_COLUMNS.map((column) =>
                column.from ? (
                  <span
                    key={column.figure}
                    className={clsx("whitespace-nowrap", SHOWN_FROM[column.from].standIn)}
                  >
                    {formatNumber(row[column.figure])} {column.label.toLowerCase()}
                  </span>
                ) : null,
              )}
            </span>
          </th>
          {FIGURE_COLUMNS.map((column, index) => (
            <td
              key={column.figure}
              className={clsx(
                CELL,
                "text-right tabular-nums",
                column.figure === "claims" && "font-medium",
                column.from && SHOWN_FROM[column.from].column,
                index === FIGURE_COLUMNS.length - 1 && "pr-5 sm:pr-6",
              )}
            >
              <Figure sector={row} column={column} />
            </td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}

/** A count that leads to exactly the claims it counts; a zero has nothing behind it and is no link. */
function Figure({ sector, column }: { sector: SectorSummary; column: FigureColumn }) {
  const value = sector[column.figure];
  if (value === 0) return <span className="text-muted-foreground">0</span>;
  return (
    <Link
      href={claimsHref(sectorFigureQuery(sector.slug, column.figure))}
      className="text-brand underline-offset-4 hover:underline"
    >
      {formatNumber(value)}
      <span className="sr-only">
        {" "}
        {value === 1 ? "claim" : "claims"} in {sector.name}
        {column.qualifier}
      </span>
    </Link>
  );
}

export function SectorTableSkeleton() {
  return (
    <DataTableSkeleton
      label="Loading sectors…"
      columns={[
        { header: "w-14", cell: "w-72 max-w-full grow", lines: 2 },
        ...FIGURE_COLUMNS.map((column) => ({
          header: "w-12",
          cell: "w-12",
          className: column.from ? SHOWN_FROM[column.from].placeholder : undefined,
        })),
      ]}
    />
  );
}
