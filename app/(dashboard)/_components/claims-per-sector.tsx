import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Code } from "@/components/ui/code";
import { Skeleton } from "@/components/ui/skeleton";
import type { SectorClaimCount } from "@/lib/data/overview";
import { formatCount, formatNumber } from "@/lib/format";

const HEADING_ID = "claims-per-sector-heading";

// Name and count share the first row on phones; from `sm` up the bar sits between them on one line.
const ROW =
  "grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 gap-y-1.5 sm:grid-cols-[13rem_minmax(0,1fr)_3rem]";

function SectorCard({ children }: { children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle id={HEADING_ID}>Claims per sector</CardTitle>
        <CardDescription>A claim can belong to more than one sector.</CardDescription>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

export async function ClaimsPerSector({ sectors }: { sectors: Promise<SectorClaimCount[]> }) {
  const rows = await sectors;

  if (rows.length === 0) {
    return (
      <SectorCard>
        <p className="text-sm text-muted-foreground">
          No sectors defined yet. <Code>npm run db:seed</Code> creates them.
        </p>
      </SectorCard>
    );
  }

  const max = Math.max(...rows.map((row) => row.claims));

  return (
    <SectorCard>
      <ol aria-labelledby={HEADING_ID} className="flex flex-col gap-3.5">
        {rows.map((row) => {
          const width = max > 0 ? (row.claims / max) * 100 : 0;
          return (
            <li key={row.id} className={ROW}>
              <span className="truncate text-sm font-medium" title={row.name}>
                {row.name}
              </span>
              <span className="text-right text-sm tabular-nums sm:col-start-3 sm:row-start-1">
                {formatNumber(row.claims)}
                <span className="sr-only"> {row.claims === 1 ? "claim" : "claims"}</span>
              </span>
              {/* The bar repeats the count above for sighted readers; the text carries it for everyone. */}
              <div
                aria-hidden="true"
                className="col-span-2 h-2.5 overflow-hidden rounded-full bg-muted sm:col-span-1 sm:col-start-2 sm:row-start-1"
              >
                <div
                  className="h-full rounded-full bg-bar"
                  // A sector with a handful of claims still gets a visible sliver next to a large one.
                  style={{ width: row.claims > 0 ? `${Math.max(width, 1.5)}%` : "0%" }}
                />
              </div>
            </li>
          );
        })}
      </ol>
      <p className="mt-5 text-xs text-muted-foreground">
        {formatCount(rows.length, "sector", "sectors")}, bars scaled to the largest.
      </p>
    </SectorCard>
  );
}

export function ClaimsPerSectorSkeleton() {
  return (
    <SectorCard>
      <div role="status" className="flex flex-col gap-3.5">
        <span className="sr-only">Loading claims per sector…</span>
        {Array.from({ length: 8 }, (_, index) => (
          <div key={index} className={ROW}>
            <Skeleton className="h-5 w-32" />
            <Skeleton className="h-5 w-8 justify-self-end sm:col-start-3 sm:row-start-1" />
            <Skeleton className="col-span-2 h-2.5 rounded-full sm:col-span-1 sm:col-start-2 sm:row-start-1" />
          </div>
        ))}
        <Skeleton className="mt-1.5 h-4 w-52" />
      </div>
    </SectorCard>
  );
}
