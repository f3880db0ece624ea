"use client";

// Bars of claims, stacked by series, where every segment is a link to the claims it counts: an SVG <a> with an
// accessible name, so a keyboard reaches each one with Tab and a screen reader reads what it stands for.
import { useRouter } from "next/navigation";
import type { MouseEvent } from "react";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { ChartContainer, ChartLegend, ChartTooltipContent, type ChartConfig } from "@/components/ui/chart";
import type { ChartDatum } from "@/components/charts/chart-data";
import { formatCount } from "@/lib/format";

const ROW_HEIGHT = 30;
const AXIS_HEIGHT = 28;
const MAX_LABEL = 24;

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** What Recharts passes a custom bar shape; only the fields used here. */
interface ShapeProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  index?: number;
}

export function StackedBarChart({
  config,
  data,
  layout,
  label,
  labelWidth = 150,
  height = 240,
  legend = true,
}: {
  config: ChartConfig;
  data: ChartDatum[];
  /** rows: one horizontal bar per category (long names); columns: vertical bars along a time axis. */
  layout: "rows" | "columns";
  /** The accessible name of the chart. */
  label: string;
  labelWidth?: number;
  /** For columns; rows grow with the number of categories. */
  height?: number;
  /** Off when the axis already names every bar's colour (one series per category). */
  legend?: boolean;
}) {
  const router = useRouter();
  const series = Object.keys(config);
  const rows = data.map((datum) => ({ label: datum.label, ...datum.values }));
  const chartHeight = layout === "rows" ? data.length * ROW_HEIGHT + AXIS_HEIGHT : height;

  function follow(event: MouseEvent, href: string) {
    // A modified click (new tab, new window) keeps the browser's own behaviour.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    router.push(href);
  }

  const segment = (key: string) =>
    function Segment({ x = 0, y = 0, width = 0, height: barHeight = 0, index = 0 }: ShapeProps) {
      const datum = data[index];
      const value = datum?.values[key] ?? 0;
      const href = datum?.hrefs[key];
      if (!datum || value <= 0 || width <= 0 || barHeight <= 0) return <g />;
      const rect = (
        <rect
          x={x}
          y={y}
          width={width}
          height={barHeight}
          fill={`var(--color-${key})`}
          stroke="var(--surface)"
          strokeWidth={1}
          opacity={datum.muted ? 0.35 : 1}
        />
      );
      if (!href) return rect;
      const seriesLabel = config[key]!.label;
      // One series per category (verdicts, kinds) would read its name twice.
      const name = `${datum.label}${series.length > 1 && seriesLabel !== datum.label ? `, ${seriesLabel}` : ""}: ${formatCount(value, "claim", "claims")}`;
      return (
        <a href={href} aria-label={name} onClick={(event) => follow(event, href)} className="chart-link">
          {rect}
        </a>
      );
    };

  const tooltip = (
    <Tooltip
      cursor={{ fill: "var(--muted)", opacity: 0.6 }}
      isAnimationActive={false}
      content={({ active, payload, label: category }) => (
        <ChartTooltipContent active={active} payload={payload} label={category} config={config} />
      )}
    />
  );
  const bars = series.map((key) => (
    <Bar
      key={key}
      dataKey={key}
      name={config[key]!.label}
      stackId="claims"
      fill={`var(--color-${key})`}
      isAnimationActive={false}
      maxBarSize={layout === "rows" ? 22 : 40}
      shape={segment(key)}
    />
  ));

  return (
    <div className="flex flex-col gap-3">
      <ChartContainer config={config} label={label} height={chartHeight}>
        {layout === "rows" ? (
          <BarChart data={rows} layout="vertical" accessibilityLayer={false} margin={{ left: 0, right: 12 }}>
            <CartesianGrid horizontal={false} stroke="var(--border)" />
            <XAxis type="number" allowDecimals={false} tickLine={false} axisLine={false} />
            <YAxis
              type="category"
              dataKey="label"
              width={labelWidth}
              tickLine={false}
              axisLine={false}
              interval={0}
              tickFormatter={(value: string) => truncate(value, MAX_LABEL)}
            />
            {tooltip}
            {bars}
          </BarChart>
        ) : (
          <BarChart data={rows} accessibilityLayer={false} margin={{ left: -16, right: 8 }}>
            <CartesianGrid vertical={false} stroke="var(--border)" />
            <XAxis dataKey="label" tickLine={false} axisLine={false} minTickGap={8} />
            <YAxis allowDecimals={false} tickLine={false} axisLine={false} />
            {tooltip}
            {bars}
          </BarChart>
        )}
      </ChartContainer>
      {legend ? <ChartLegend config={config} /> : null}
    </div>
  );
}
