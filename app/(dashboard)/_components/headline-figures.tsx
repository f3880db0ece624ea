import { clsx } from "clsx";
import { Card } from "@/components/ui/card";
import { Code } from "@/components/ui/code";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { OverviewFigures } from "@/lib/data/overview";
import { formatNumber, formatPercent } from "@/lib/format";

type Figure = { label: string; value: number; note?: string; tone?: "warning" };

const GRID = "grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-3 lg:grid-cols-5";

export async function HeadlineFigures({ figures }: { figures: Promise<OverviewFigures> }) {
  const { claims, entities, sources, documents, claimsMissingCitation } = await figures;

  const items: Figure[] = [
    { label: "Claims", value: claims },
    { label: "Entities", value: entities },
    { label: "Sources", value: sources },
    { label: "Documents", value: documents },
    {
      label: "Missing citation",
      value: claimsMissingCitation,
      note: claims > 0 ? `${formatPercent(claimsMissingCitation / claims)} of claims` : "No claims yet",
      tone: claimsMissingCitation > 0 ? "warning" : undefined,
    },
  ];

  return (
    <div className="flex flex-col gap-4">
      {documents === 0 ? (
        <EmptyState title="No documents imported yet">
          Load the sample report with <Code>npm run db:seed</Code>, then reload this page.
        </EmptyState>
      ) : null}
      <dl className={GRID}>
        {items.map((item, index) => (
          <Card
            key={item.label}
            className={clsx(
              "flex flex-wrap items-baseline gap-x-2 gap-y-1 p-4 sm:p-5",
              // Five cards in a two-column grid leave one alone on the last row; let it span the row.
              index === items.length - 1 && "col-span-2 md:col-span-1",
            )}
          >
            <dt className="basis-full text-sm font-medium text-muted-foreground">{item.label}</dt>
            <dd
              className={clsx(
                "text-3xl font-semibold tracking-tight tabular-nums",
                item.tone === "warning" && "text-warning",
              )}
            >
              {formatNumber(item.value)}
            </dd>
            {item.note ? <dd className="text-sm text-muted-foreground">{item.note}</dd> : null}
          </Card>
        ))}
      </dl>
    </div>
  );
}

export function HeadlineFiguresSkeleton() {
  return (
    <div role="status" className={GRID}>
      <span className="sr-only">Loading figures…</span>
      {Array.from({ length: 5 }, (_, index) => (
        <Card
          key={index}
          className={clsx("flex flex-col gap-3 p-4 sm:p-5", index === 4 && "col-span-2 md:col-span-1")}
        >
          <Skeleton className="h-4 w-20" />
          <Skeleton className="h-8 w-16" />
        </Card>
      ))}
    </div>
  );
}
