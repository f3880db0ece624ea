"use client";

// A thin frame around Recharts, after shadcn/ui's chart.tsx: a config names each series with its label and colour
// (a CSS variable, so light and dark mode follow the theme), the container exposes them as --color-<series> and
// sizes the chart to its parent, and the tooltip and legend read labels and colours from the same config.
import { clsx } from "clsx";
import type { ReactElement } from "react";
import { ResponsiveContainer } from "recharts";
import { formatCount, formatNumber } from "@/lib/format";

export type ChartConfig = Record<string, { label: string; color: string }>;

export function ChartContainer({
  config,
  label,
  height,
  className,
  children,
}: {
  config: ChartConfig;
  /** The chart's accessible name. */
  label: string;
  height: number;
  className?: string;
  children: ReactElement;
}) {
  const colours = Object.fromEntries(
    Object.entries(config).map(([key, { color }]) => [`--color-${key}`, color]),
  );
  return (
    <div
      role="figure"
      aria-label={label}
      className={clsx(
        "text-xs [&_.recharts-cartesian-axis-tick_text]:fill-muted-foreground [&_.recharts-surface]:overflow-visible",
        className,
      )}
      style={colours}
    >
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 640, height }}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

interface TooltipItem {
  dataKey?: string | number | ((...args: never[]) => unknown);
  value?: unknown;
}

/** Recharts hands this its payload; only the series with a value are listed, then the total. */
export function ChartTooltipContent({
  active,
  payload,
  label,
  config,
  unit = ["claim", "claims"],
}: {
  active?: boolean;
  payload?: readonly TooltipItem[];
  label?: string | number;
  config: ChartConfig;
  unit?: [string, string];
}) {
  if (!active || !payload?.length) return null;
  const items = payload.flatMap((item) => {
    const key = String(item.dataKey);
    const value = typeof item.value === "number" ? item.value : 0;
    return config[key] && value > 0 ? [{ key, value, ...config[key] }] : [];
  });
  const total = items.reduce((sum, item) => sum + item.value, 0);
  return (
    <div className="min-w-40 rounded-lg border bg-surface px-3 py-2 text-xs shadow-lg">
      <p className="mb-1.5 font-medium text-foreground">{label}</p>
      <ul className="flex flex-col gap-1">
        {items.map((item) => (
          <li key={item.key} className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className="size-2.5 shrink-0 rounded-sm"
              style={{ background: item.color }}
            />
            <span className="text-muted-foreground">{item.label}</span>
            <span className="ml-auto font-medium text-foreground tabular-nums">
              {formatNumber(item.value)}
            </span>
          </li>
        ))}
      </ul>
      {items.length > 1 ? (
        <p className="mt-1.5 border-t pt-1.5 text-right font-medium text-foreground tabular-nums">
          {formatCount(total, ...unit)}
        </p>
      ) : null}
    </div>
  );
}

/** The series in config order, as an HTML list under the chart (it wraps on a phone, unlike an SVG legend). */
export function ChartLegend({ config, className }: { config: ChartConfig; className?: string }) {
  const entries = Object.entries(config);
  if (entries.length < 2) return null;
  return (
    <ul
      aria-label="Legend"
      className={clsx("flex flex-wrap gap-x-4 gap-y-1.5 text-xs text-muted-foreground", className)}
    >
      {entries.map(([key, { label, color }]) => (
        <li key={key} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="size-2.5 rounded-sm" style={{ background: color }} />
          {label}
        </li>
      ))}
    </ul>
  );
}
