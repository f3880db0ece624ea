// A chart card while its numbers load, in the shape of the chart to come: rows of bars, columns, or a grid.
import { clsx } from "clsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

// Fixed widths, so the server and the client draw the same placeholder.
const WIDTHS = ["w-11/12", "w-3/4", "w-2/3", "w-1/2", "w-5/12", "w-1/3", "w-1/4", "w-1/5"];
const HEIGHTS = ["h-1/3", "h-1/2", "h-2/3", "h-3/4", "h-2/5", "h-5/6", "h-1/4", "h-3/5"];

export function ChartCardSkeleton({
  title,
  description,
  shape,
  count = 8,
  className,
}: {
  title: string;
  description?: string;
  shape: "rows" | "columns" | "grid";
  count?: number;
  className?: string;
}) {
  return (
    <Card className={className}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent className="pt-4 sm:pt-4">
        <div role="status" className="flex flex-col gap-2.5">
          <span className="sr-only">Loading {title.toLocaleLowerCase()}…</span>
          {shape === "rows"
            ? Array.from({ length: count }, (_, index) => (
                <div key={index} className="grid grid-cols-[8rem_minmax(0,1fr)] items-center gap-3">
                  <Skeleton className="h-3.5 w-24" />
                  <Skeleton className={clsx("h-5", WIDTHS[index % WIDTHS.length])} />
                </div>
              ))
            : null}
          {shape === "columns" ? (
            <div className="flex h-52 items-end gap-2">
              {Array.from({ length: count }, (_, index) => (
                <Skeleton key={index} className={clsx("flex-1", HEIGHTS[index % HEIGHTS.length])} />
              ))}
            </div>
          ) : null}
          {shape === "grid" ? (
            <div
              className="grid gap-1"
              style={{ gridTemplateColumns: `repeat(${count + 1}, minmax(0, 1fr))` }}
            >
              {Array.from({ length: (count + 1) * (count + 1) }, (_, index) => (
                <Skeleton key={index} className="aspect-square" />
              ))}
            </div>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}
