// The charts of the Overview, the sector page and the entity page. Server components: each awaits its own
// aggregate, turns it into chart data with a drill-down link per number, and hands that to the client chart.
import { ChartCard } from "@/components/charts/chart-card";
import type { ChartDatum } from "@/components/charts/chart-data";
import { ChartDataTable, CountLink } from "@/components/charts/chart-data-table";
import { CoMentionGrid } from "@/components/charts/co-mention-grid";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import type { ChartConfig } from "@/components/ui/chart";
import type { ClaimFacets } from "@/lib/data/claims";
import {
  SOURCINGS,
  type CoMentionMatrix,
  type EntityCount,
  type ReviewedStatus,
  type ReviewWeek,
  type SectionCoverage,
  type SectorBreakdown,
  type VerdictCounts,
} from "@/lib/data/overview";
import {
  CLAIM_KIND_OPTIONS,
  NO_VERDICT_LABEL,
  REVIEW_STATUS_OPTIONS,
  VERDICT_OPTIONS,
} from "@/lib/domain/options";
import { formatNumber, formatPercent } from "@/lib/format";
import {
  claimsHref,
  withEntities,
  withKind,
  withReviewWeek,
  withSection,
  withSector,
  withSourcing,
  withStatus,
  withVerdict,
} from "@/lib/queries/drill-down";
import { hasFilters, type ClaimsQuery, type VerdictFilter } from "@/lib/validations/claims";

const kebab = (value: string) => value.toLowerCase().replaceAll("_", "-");

export const SOURCING_CONFIG: ChartConfig = {
  sourced: { label: "Sourced", color: "var(--chart-sourced)" },
  lost: { label: "Citation lost", color: "var(--chart-lost)" },
  unsourced: { label: "No source", color: "var(--chart-unsourced)" },
};

export const VERDICT_CONFIG: ChartConfig = {
  ...Object.fromEntries(
    VERDICT_OPTIONS.map((option) => [
      option.value,
      { label: option.label, color: `var(--chart-${kebab(option.value)})` },
    ]),
  ),
  none: { label: NO_VERDICT_LABEL, color: "var(--chart-no-verdict)" },
};

const STATUS_CONFIG: ChartConfig = Object.fromEntries(
  REVIEW_STATUS_OPTIONS.map((option) => [
    option.value,
    { label: option.label, color: `var(--chart-${kebab(option.value)})` },
  ]),
);
const REVIEWED_CONFIG: ChartConfig = {
  IN_REVIEW: STATUS_CONFIG.IN_REVIEW!,
  REVIEWED: STATUS_CONFIG.REVIEWED!,
};
const CLAIMS_CONFIG: ChartConfig = { claims: { label: "Claims", color: "var(--bar)" } };

const SOURCING_NOTE =
  "Sourced: a source is linked. Citation lost: none linked, and the document’s citation was stripped.";

/** What an empty chart says: with filters, that they are what to change; without, that there is nothing yet. */
function EmptyChart({ query, children }: { query: ClaimsQuery; children?: string }) {
  return (
    <p className="text-sm text-muted-foreground">
      {hasFilters(query)
        ? (children ?? "No claim matches these filters.") + " Remove a filter or reset them to see more."
        : (children ?? "No claims yet.")}
    </p>
  );
}

export async function SectorChart({
  query,
  sectors,
}: {
  query: ClaimsQuery;
  sectors: Promise<SectorBreakdown[]>;
}) {
  const rows = await sectors;
  const base = (sector: SectorBreakdown): Omit<ChartDatum, "values" | "hrefs"> => ({
    key: sector.slug,
    label: sector.name,
    href: `/sectors/${sector.slug}`,
    muted: query.sectors.length > 0 && !query.sectors.includes(sector.slug),
  });
  const sourcing: ChartDatum[] = rows.map((sector) => ({
    ...base(sector),
    values: sector.sourcing,
    hrefs: Object.fromEntries(
      SOURCINGS.map((s) => [s, claimsHref(withSourcing(withSector(query, sector.slug), s))]),
    ),
  }));
  const verdicts: ChartDatum[] = rows.map((sector) => ({
    ...base(sector),
    values: sector.verdicts,
    hrefs: Object.fromEntries(
      Object.keys(VERDICT_CONFIG).map((v) => [
        v,
        claimsHref(withVerdict(withSector(query, sector.slug), v as VerdictFilter)),
      ]),
    ),
  }));
  const totalHrefs = Object.fromEntries(rows.map((s) => [s.slug, claimsHref(withSector(query, s.slug))]));
  const view = (id: string, label: string, config: ChartConfig, data: ChartDatum[]) => ({
    id,
    label,
    chart: (
      <StackedBarChart
        config={config}
        data={data}
        layout="rows"
        label={`Claims by sector, by ${label.toLowerCase()}`}
      />
    ),
    table: (
      <ChartDataTable
        caption={`Claims by sector and ${label.toLowerCase()}`}
        categoryLabel="Sector"
        config={config}
        data={data}
        totalHrefs={totalHrefs}
      />
    ),
  });
  return (
    <ChartCard
      title="Claims by sector"
      description={
        <>
          How well each sector’s claims are sourced, or how reviewers rated them. A claim can belong to
          several sectors;{" "}
          {query.sectors.length
            ? "sectors outside the sector filter are drawn faintly."
            : "click a bar for its claims."}
        </>
      }
      views={[
        view("sourcing", "Sourcing", SOURCING_CONFIG, sourcing),
        view("verdict", "Verdict", VERDICT_CONFIG, verdicts),
      ]}
      empty={rows.every((s) => s.total === 0) ? <EmptyChart query={query} /> : undefined}
    />
  );
}

export async function SectionChart({
  query,
  coverage,
  className,
}: {
  query: ClaimsQuery;
  coverage: Promise<SectionCoverage>;
  className?: string;
}) {
  const { sections, totalSections } = await coverage;
  const severalDocuments = new Set(sections.map((s) => s.documentId)).size > 1;
  const data: ChartDatum[] = sections.map((section) => ({
    key: String(section.id),
    label: section.heading,
    detail: severalDocuments ? section.documentTitle : undefined,
    values: section.sourcing,
    hrefs: Object.fromEntries(
      SOURCINGS.map((s) => [s, claimsHref(withSourcing(withSection(query, section), s))]),
    ),
  }));
  const totalHrefs = Object.fromEntries(
    sections.map((s) => [String(s.id), claimsHref(withSection(query, s))]),
  );
  return (
    <ChartCard
      className={className}
      title="Citation coverage by section"
      description={
        <>
          {totalSections > sections.length
            ? `The ${sections.length} of ${formatNumber(totalSections)} sections holding most of these claims, in reading order. `
            : "Each section in reading order. "}
          {SOURCING_NOTE}
        </>
      }
      views={[
        {
          id: "sourcing",
          label: "Sourcing",
          chart: (
            <StackedBarChart
              config={SOURCING_CONFIG}
              data={data}
              layout="rows"
              label="Claims by section, by sourcing"
              labelWidth={170}
            />
          ),
          table: (
            <ChartDataTable
              caption="Claims by section and sourcing"
              categoryLabel="Section"
              config={SOURCING_CONFIG}
              data={data}
              totalHrefs={totalHrefs}
            />
          ),
        },
      ]}
      empty={sections.length === 0 ? <EmptyChart query={query} /> : undefined}
    />
  );
}

/** One bar per category in its own colour: the stacked chart with one series per row. */
function singleSeries(
  config: ChartConfig,
  counts: Record<string, number>,
  href: (key: string) => string,
  muted?: (key: string) => boolean,
): ChartDatum[] {
  return Object.entries(config).map(([key, { label }]) => ({
    key,
    label,
    values: { [key]: counts[key] ?? 0 },
    hrefs: { [key]: href(key) },
    muted: muted?.(key),
  }));
}

export async function KindChart({ query, facets }: { query: ClaimsQuery; facets: Promise<ClaimFacets> }) {
  const { columns } = await facets;
  const config = Object.fromEntries(
    CLAIM_KIND_OPTIONS.map((o) => [o.value, { label: o.label, color: "var(--bar)" }]),
  );
  const data = singleSeries(
    config,
    columns.kind,
    (kind) => claimsHref(withKind(query, kind as ClaimsQuery["kinds"][number])),
    (kind) => query.kinds.length > 0 && !query.kinds.includes(kind as ClaimsQuery["kinds"][number]),
  );
  return (
    <ChartCard
      title="Claims by kind"
      description={
        query.kinds.length
          ? "Every kind under the other filters; kinds outside the kind filter are drawn faintly."
          : "What the claims assert: figures, events, judgements, forecasts, quotes."
      }
      views={[
        {
          id: "kind",
          label: "Kind",
          chart: (
            <StackedBarChart
              config={config}
              data={data}
              layout="rows"
              label="Claims by kind"
              labelWidth={100}
              legend={false}
            />
          ),
          table: (
            <ChartDataTable
              caption="Claims by kind"
              categoryLabel="Kind"
              config={CLAIMS_CONFIG}
              data={data.map((d) => ({
                ...d,
                values: { claims: d.values[d.key] ?? 0 },
                hrefs: { claims: d.hrefs[d.key] },
              }))}
            />
          ),
        },
      ]}
      empty={data.every((d) => (d.values[d.key] ?? 0) === 0) ? <EmptyChart query={query} /> : undefined}
    />
  );
}

export async function VerdictChart({
  query,
  verdicts,
  className,
}: {
  query: ClaimsQuery;
  verdicts: Promise<VerdictCounts>;
  className?: string;
}) {
  const counts = await verdicts;
  const data = singleSeries(VERDICT_CONFIG, counts, (v) =>
    claimsHref(withVerdict(query, v as VerdictFilter)),
  );
  return (
    <ChartCard
      className={className}
      title="Claims by verdict"
      description="How reviewers rated these claims."
      views={[
        {
          id: "verdict",
          label: "Verdict",
          chart: (
            <StackedBarChart
              config={VERDICT_CONFIG}
              data={data}
              layout="rows"
              label="Claims by verdict"
              labelWidth={120}
              legend={false}
            />
          ),
          table: (
            <ChartDataTable
              caption="Claims by verdict"
              categoryLabel="Verdict"
              config={CLAIMS_CONFIG}
              data={data.map((d) => ({
                ...d,
                values: { claims: d.values[d.key] ?? 0 },
                hrefs: { claims: d.hrefs[d.key] },
              }))}
            />
          ),
        },
      ]}
      empty={Object.values(counts).every((n) => n === 0) ? <EmptyChart query={query} /> : undefined}
    />
  );
}

export async function TopEntitiesChart({
  query,
  entities,
  title = "Most-named entities",
  description = "The entities these claims name most often, as subject or in passing.",
  className,
}: {
  query: ClaimsQuery;
  entities: Promise<EntityCount[]>;
  title?: string;
  description?: string;
  className?: string;
}) {
  const rows = await entities;
  const data: ChartDatum[] = rows.map((entity) => ({
    key: entity.slug,
    label: entity.name,
    values: { claims: entity.claims },
    hrefs: { claims: claimsHref(withEntities(query, entity.slug)) },
  }));
  return (
    <ChartCard
      className={className}
      title={title}
      description={description}
      views={[
        {
          id: "entities",
          label: "Entities",
          chart: (
            <StackedBarChart
              config={CLAIMS_CONFIG}
              data={data}
              layout="rows"
              label={title}
              labelWidth={140}
            />
          ),
          table: <ChartDataTable caption={title} categoryLabel="Entity" config={CLAIMS_CONFIG} data={data} />,
        },
      ]}
      empty={
        data.length === 0 ? (
          <EmptyChart query={query}>No other entity is named in these claims.</EmptyChart>
        ) : undefined
      }
    />
  );
}

const weekLabel = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

export async function ReviewChart({
  query,
  facets,
  weeks,
}: {
  query: ClaimsQuery;
  facets: Promise<ClaimFacets>;
  weeks: Promise<ReviewWeek[]>;
}) {
  const [{ columns }, timeline] = await Promise.all([facets, weeks]);
  const total = Object.values(columns.status).reduce((sum, n) => sum + n, 0);
  const data: ChartDatum[] = timeline.map((week) => ({
    key: week.week,
    label: weekLabel.format(new Date(`${week.week}T00:00:00Z`)),
    values: week.counts,
    hrefs: Object.fromEntries(
      Object.keys(REVIEWED_CONFIG).map((status) => [
        status,
        claimsHref(withReviewWeek(query, week.week, status as ReviewedStatus)),
      ]),
    ),
  }));
  return (
    <ChartCard
      title="Review progress"
      description="Claims by review status, and the claims reviewers moved on each week (by the week of a claim’s last change)."
      views={[
        {
          id: "weeks",
          label: "Weeks",
          chart: (
            <div className="flex flex-col gap-4">
              <StatusSummary query={query} counts={columns.status} total={total} />
              {data.length ? (
                <StackedBarChart
                  config={REVIEWED_CONFIG}
                  data={data}
                  layout="columns"
                  label="Claims reviewed per week"
                  height={200}
                />
              ) : (
                <p className="text-sm text-muted-foreground">No claim has been taken into review yet.</p>
              )}
            </div>
          ),
          table: (
            <div className="flex flex-col gap-4">
              <StatusSummary query={query} counts={columns.status} total={total} />
              <ChartDataTable
                caption="Claims reviewed per week"
                categoryLabel="Week of"
                config={REVIEWED_CONFIG}
                data={data}
              />
            </div>
          ),
        },
      ]}
      empty={total === 0 ? <EmptyChart query={query} /> : undefined}
    />
  );
}

function StatusSummary({
  query,
  counts,
  total,
}: {
  query: ClaimsQuery;
  counts: Record<string, number>;
  total: number;
}) {
  return (
    <ul aria-label="Claims by review status" className="grid grid-cols-3 gap-2">
      {REVIEW_STATUS_OPTIONS.map((option) => {
        const value = counts[option.value] ?? 0;
        return (
          <li key={option.value} className="flex flex-col gap-0.5 rounded-lg border px-3 py-2">
            <span className="flex items-center gap-1.5 text-xs text-muted-foreground">
              <span
                aria-hidden="true"
                className="size-2.5 rounded-sm"
                style={{ background: STATUS_CONFIG[option.value]!.color }}
              />
              {option.label}
            </span>
            <span className="text-lg font-semibold tabular-nums">
              <CountLink value={value} href={claimsHref(withStatus(query, option.value))} />
            </span>
            <span className="text-xs text-muted-foreground">
              {total ? formatPercent(value / total) : "—"}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export async function CoMentionChart({
  query,
  matrix,
}: {
  query: ClaimsQuery;
  matrix: Promise<CoMentionMatrix>;
}) {
  const { entities, counts } = await matrix;
  const grid = entities.map((entity) => ({ key: entity.slug, name: entity.name }));
  const hrefs = entities.map((a, i) =>
    entities.map((b, j) =>
      claimsHref(i === j ? withEntities(query, a.slug) : withEntities(query, a.slug, b.slug)),
    ),
  );
  const pairs = entities
    .flatMap((a, i) =>
      entities
        .slice(i + 1)
        .map((b, k) => ({ a, b, count: counts[i]![i + 1 + k]!, href: hrefs[i]![i + 1 + k] })),
    )
    .filter((pair) => pair.count > 0)
    .sort((x, y) => y.count - x.count);
  const pairData: ChartDatum[] = pairs.map((pair) => ({
    key: `${pair.a.slug}+${pair.b.slug}`,
    label: `${pair.a.name} and ${pair.b.name}`,
    values: { claims: pair.count },
    hrefs: { claims: pair.href },
  }));
  return (
    <ChartCard
      title="Entities named together"
      description="How many of these claims name both entities, for the most-named ones; the diagonal counts each alone. Darker means more."
      views={[
        {
          id: "grid",
          label: "Grid",
          chart: (
            <CoMentionGrid
              caption="Claims naming both entities"
              entities={grid}
              counts={counts}
              hrefs={hrefs}
            />
          ),
          table: (
            <ChartDataTable
              caption="Pairs of entities named together"
              categoryLabel="Pair"
              config={CLAIMS_CONFIG}
              data={pairData}
            />
          ),
        },
      ]}
      empty={
        entities.length < 2 ? (
          <EmptyChart query={query}>Fewer than two entities are named in these claims.</EmptyChart>
        ) : undefined
      }
    />
  );
}
