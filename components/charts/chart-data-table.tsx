// The "show as table" side of a chart: one row per category, one column per series and the total, each count a
// link to the claims behind it. Rendered on the server; it is also the chart for anyone who cannot see it.
import Link from "next/link";
import type { ChartConfig } from "@/components/ui/chart";
import type { ChartDatum } from "@/components/charts/chart-data";
import { formatNumber } from "@/lib/format";

export function ChartDataTable({
  caption,
  categoryLabel,
  config,
  data,
  totalHrefs,
}: {
  caption: string;
  categoryLabel: string;
  config: ChartConfig;
  data: ChartDatum[];
  /** The claims behind a whole row, when they can be listed. */
  totalHrefs?: Record<string, string | undefined>;
}) {
  const series = Object.entries(config);
  const showTotal = series.length > 1;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">
              {categoryLabel}
            </th>
            {series.map(([key, { label }]) => (
              <th key={key} scope="col" className="px-2 py-2 text-right font-medium">
                {label}
              </th>
            ))}
            {showTotal ? (
              <th scope="col" className="py-2 pl-2 text-right font-medium">
                Total
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y">
          {data.map((datum) => {
            const total = Object.values(datum.values).reduce((sum, value) => sum + value, 0);
            return (
              <tr key={datum.key}>
                <th scope="row" className="py-2 pr-3 font-normal">
                  {datum.href ? (
                    <Link
                      href={datum.href}
                      className="font-medium underline-offset-4 hover:text-brand hover:underline"
                    >
                      {datum.label}
                    </Link>
                  ) : (
                    <span className="font-medium">{datum.label}</span>
                  )}
                  {datum.detail ? (
                    <span className="block text-xs text-muted-foreground">{datum.detail}</span>
                  ) : null}
                </th>
                {series.map(([key]) => (
                  <td key={key} className="px-2 py-2 text-right tabular-nums">
                    <CountLink value={datum.values[key] ?? 0} href={datum.hrefs[key]} />
                  </td>
                ))}
                {showTotal ? (
                  <td className="py-2 pl-2 text-right font-medium tabular-nums">
                    <CountLink value={total} href={totalHrefs?.[datum.key]} />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function CountLink({ value, href }: { value: number; href?: string }) {
  if (value === 0 || !href) {
    return <span className={value === 0 ? "text-muted-foreground" : undefined}>{formatNumber(value)}</span>;
  }
  return (
    <Link href={href} prefetch={false} className="text-brand underline-offset-4 hover:underline">
      {formatNumber(value)}
    </Link>
  );
}
