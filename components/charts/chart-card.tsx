"use client";

// A chart's card: its title and what it counts, a switch between its views (e.g. sectors by sourcing or by
// verdict), and "Show as table" for the same numbers as links. The chart and table arrive rendered; this only
// chooses which one shows.
import { clsx } from "clsx";
import { useId, useState, type ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export interface ChartView {
  id: string;
  label: string;
  chart: ReactNode;
  table: ReactNode;
}

export function ChartCard({
  title,
  description,
  views,
  empty,
  className,
}: {
  title: string;
  description?: ReactNode;
  views: ChartView[];
  /** Shown instead of the chart when there is nothing to draw, saying what to change. */
  empty?: ReactNode;
  className?: string;
}) {
  const titleId = useId();
  const [viewId, setViewId] = useState(views[0]?.id);
  const [asTable, setAsTable] = useState(false);
  const view = views.find((candidate) => candidate.id === viewId) ?? views[0];

  return (
    // min-w-0: in a grid, a wide table (the co-mention grid) scrolls inside its card instead of widening the page.
    <Card className={clsx("min-w-0", className)}>
      <section aria-labelledby={titleId} className="flex h-full flex-col">
        <CardHeader className="flex-row flex-wrap items-start justify-between gap-x-4 gap-y-2">
          <div className="flex min-w-0 flex-col gap-1">
            <CardTitle id={titleId}>{title}</CardTitle>
            {description ? <CardDescription>{description}</CardDescription> : null}
          </div>
          {empty ? null : (
            <div className="flex flex-wrap items-center gap-2">
              {views.length > 1 ? (
                <div role="group" aria-label={`${title}: view`} className="flex rounded-md border p-0.5">
                  {views.map((candidate) => (
                    <button
                      key={candidate.id}
                      type="button"
                      aria-pressed={candidate.id === view?.id}
                      onClick={() => setViewId(candidate.id)}
                      className={clsx(
                        "h-7 rounded px-2.5 text-xs font-medium",
                        candidate.id === view?.id
                          ? "bg-brand-soft text-brand"
                          : "text-muted-foreground hover:text-foreground",
                      )}
                    >
                      {candidate.label}
                    </button>
                  ))}
                </div>
              ) : null}
              <button
                type="button"
                aria-pressed={asTable}
                onClick={() => setAsTable((value) => !value)}
                className="h-8 rounded-md border px-2.5 text-xs font-medium text-muted-foreground hover:bg-muted hover:text-foreground aria-pressed:bg-brand-soft aria-pressed:text-brand"
              >
                Show as table
              </button>
            </div>
          )}
        </CardHeader>
        <CardContent className="flex-1 pt-4 sm:pt-4">
          {empty ?? (asTable ? view?.table : view?.chart)}
        </CardContent>
      </section>
    </Card>
  );
}
