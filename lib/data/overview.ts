// Reads behind the Overview's figures and charts, and the small charts of the entity and sector pages. Each takes
// the claims table's parsed query, runs one transaction of aggregates in PostgreSQL and returns a few dozen numbers.
import "server-only";
import { getDb } from "@/lib/db";
import type { ReviewStatus } from "@/lib/generated/prisma/enums.ts";
import { getClaimFacets } from "@/lib/data/claims";
import { DISPUTED_VERDICTS, SUPPORTED_VERDICTS, VERDICT_OPTIONS } from "@/lib/domain/options";
import { queryRows, type Prisma } from "@/lib/prisma-client";
import {
  claimsSource,
  facetCounts,
  type ClaimFacets,
  type ClaimsAggregate,
  type ResolvedClaimsQuery,
} from "@/lib/queries/claims-sql";
import {
  coMentionsSql,
  reachSql,
  reviewTimelineSql,
  sectionCoverageSql,
  sectorBreakdownSql,
  sectorsSql,
  topEntitiesSql,
  verdictCountsSql,
} from "@/lib/queries/overview-sql";
import type { ClaimsFilterKey, ClaimsQuery, VerdictFilter, YesNo } from "@/lib/validations/claims";

export interface OverviewFigures {
  claims: number;
  reviewed: number;
  supported: number;
  disputed: number;
  citationMissing: number;
  sourced: number;
  /** Sources linked to the matching claims. */
  sources: number;
  /** Entities the matching claims name. */
  entities: number;
  /** Documents the matching claims come from. */
  documents: number;
}

/** How a claim stands for sources; the three exclude each other, in this order of precedence. */
export type Sourcing = "sourced" | "lost" | "unsourced";
export const SOURCINGS: Sourcing[] = ["sourced", "lost", "unsourced"];

export type VerdictCounts = Record<VerdictFilter, number>;
export type SourcingCounts = Record<Sourcing, number>;

export interface SectorBreakdown {
  id: number;
  slug: string;
  name: string;
  total: number;
  verdicts: VerdictCounts;
  sourcing: SourcingCounts;
}

export interface EntityCount {
  slug: string;
  name: string;
  claims: number;
}

export interface CoMentionMatrix {
  entities: EntityCount[];
  /** counts[i][j]: matching claims naming entities i and j; the diagonal holds each entity's own count. */
  counts: number[][];
}

export interface SectionCoverage {
  sections: {
    id: number;
    heading: string;
    documentId: number;
    documentTitle: string;
    sourcing: SourcingCounts;
  }[];
  /** Sections holding any matching claim, of which `sections` shows the largest. */
  totalSections: number;
}

export type ReviewedStatus = Exclude<ReviewStatus, "UNREVIEWED">;
export interface ReviewWeek {
  /** Monday of the week, YYYY-MM-DD (UTC). */
  week: string;
  counts: Record<ReviewedStatus, number>;
}

export const TOP_ENTITIES = 10;
export const MATRIX_ENTITIES = 8;
export const TOP_SECTIONS = 12;
export const TIMELINE_WEEKS = 26;

/**
 * The headline figures, from the Overview's facets (getOverviewFacets): the filter bar's counts, the entities they
 * name and the reach aggregate, all from one pass over the matching claims.
 */
export async function getOverviewFigures(
  query: ClaimsQuery,
  facets: Promise<ClaimFacets>,
): Promise<OverviewFigures> {
  const counted = await facets;
  const [reach] = (counted.extras.reach ?? []) as Pick<OverviewFigures, "sources" | "documents">[];
  if (!reach) throw new Error("getOverviewFigures needs the facets of getOverviewFacets");
  return { ...claimFigures(counted, query), ...reach, entities: counted.entitiesNamed };
}

/**
 * Each facet counts the claims passing every filter but its own, per value; summed over the values its own filter
 * allows, that is the matching claims. So a figure is the facet count of its values within the filter in force.
 */
function claimFigures(facets: ClaimFacets, query: ClaimsQuery) {
  const allowed = (facet: ClaimsFilterKey, filter: readonly string[], values: readonly string[]) => {
    const counts = facetCounts(facets, facet);
    return values
      .filter((value) => filter.length === 0 || filter.includes(value))
      .reduce((sum, value) => sum + (counts[value] ?? 0), 0);
  };
  const flag = (value: YesNo | null) => (value ? [value] : []);
  return {
    claims: allowed("statuses", query.statuses, Object.keys(facetCounts(facets, "statuses"))),
    reviewed: allowed("statuses", query.statuses, ["REVIEWED"]),
    supported: allowed("verdicts", query.verdicts, SUPPORTED_VERDICTS),
    disputed: allowed("verdicts", query.verdicts, DISPUTED_VERDICTS),
    citationMissing: allowed("citationMissing", flag(query.citationMissing), ["yes"]),
    sourced: allowed("hasSources", flag(query.hasSources), ["yes"]),
  };
}

function emptyVerdicts(): VerdictCounts {
  return Object.fromEntries(
    [...VERDICT_OPTIONS.map((o) => o.value), "none"].map((v) => [v, 0]),
  ) as VerdictCounts;
}

function sourcingOf(hasSources: boolean, citationMissing: boolean): Sourcing {
  return hasSources ? "sourced" : citationMissing ? "lost" : "unsourced";
}

/** Every sector in display order, including those without a matching claim. */
export async function getSectorBreakdown(
  query: ResolvedClaimsQuery,
  db: Prisma = getDb(),
): Promise<SectorBreakdown[]> {
  type Group = {
    sectorId: number;
    verdict: string | null;
    citationMissing: boolean;
    hasSources: boolean;
    count: number;
  };
  const [sectors, groups] = await Promise.all([
    queryRows<{ id: number; slug: string; name: string }>(db, sectorsSql()),
    queryRows<Group>(db, sectorBreakdownSql(claimsSource(query, ["sectors"]))),
  ]);
  const rows = new Map(
    sectors.map((sector) => [
      sector.id,
      { ...sector, total: 0, verdicts: emptyVerdicts(), sourcing: { sourced: 0, lost: 0, unsourced: 0 } },
    ]),
  );
  for (const group of groups) {
    const row = rows.get(group.sectorId);
    if (!row) continue;
    row.total += group.count;
    row.verdicts[(group.verdict ?? "none") as VerdictFilter] += group.count;
    row.sourcing[sourcingOf(group.hasSources, group.citationMissing)] += group.count;
  }
  return [...rows.values()];
}

export async function getVerdictCounts(
  query: ResolvedClaimsQuery,
  db: Prisma = getDb(),
): Promise<VerdictCounts> {
  const rows = await queryRows<{ verdict: VerdictFilter; count: number }>(db, verdictCountsSql(query));
  const counts = emptyVerdicts();
  for (const row of rows) counts[row.verdict] = row.count;
  return counts;
}

export function getTopEntities(
  query: ResolvedClaimsQuery,
  limit = TOP_ENTITIES,
  db: Prisma = getDb(),
): Promise<EntityCount[]> {
  return queryRows<EntityCount>(db, topEntitiesSql(query, limit));
}

/**
 * The most-named entities among the matching claims, from the filter bar's entity facet (the same count, already
 * read for the menu), leaving out those filtered on: every matching claim names them.
 */
export function topEntitiesOfFacets(
  facets: ClaimFacets,
  query: ClaimsQuery,
  limit = TOP_ENTITIES,
): EntityCount[] {
  return (facets.options.entities ?? [])
    .filter((entity) => !query.entities.includes(entity.value) && entity.count > 0)
    .slice(0, limit)
    .map((entity) => ({ slug: entity.value, name: entity.label, claims: entity.count }));
}

/** The co-mention grid of the first `size` of `entities` (the most named ones, as getTopEntities returns them). */
export async function getCoMentions(
  query: ResolvedClaimsQuery,
  entities: EntityCount[],
  size = MATRIX_ENTITIES,
  db: Prisma = getDb(),
): Promise<CoMentionMatrix> {
  const shown = entities.slice(0, size);
  if (shown.length === 0) return { entities: [], counts: [] };
  const pairs = await queryRows<{ a: string; b: string; claims: number }>(
    db,
    coMentionsSql(
      query,
      shown.map((entity) => entity.slug),
    ),
  );
  const index = new Map(shown.map((entity, i) => [entity.slug, i]));
  const counts = shown.map((row, i) => shown.map((_, j) => (i === j ? row.claims : 0)));
  for (const pair of pairs) {
    const i = index.get(pair.a)!;
    const j = index.get(pair.b)!;
    counts[i]![j] = pair.claims;
    counts[j]![i] = pair.claims;
  }
  return { entities: shown, counts };
}

type SectionRow = {
  id: number;
  heading: string;
  documentId: number;
  documentTitle: string;
  sections: number;
} & SourcingCounts;

export async function getSectionCoverage(
  query: ResolvedClaimsQuery,
  limit = TOP_SECTIONS,
  db: Prisma = getDb(),
): Promise<SectionCoverage> {
  return toSectionCoverage(await queryRows<SectionRow>(db, sectionCoverageSql(claimsSource(query), limit)));
}

/** The Overview's coverage chart (TOP_SECTIONS sections), read in its facets' pass over the matching claims. */
export async function sectionCoverageOf(facets: Promise<ClaimFacets>): Promise<SectionCoverage> {
  return toSectionCoverage((await facets).extras.sections as SectionRow[]);
}

function toSectionCoverage(rows: SectionRow[]): SectionCoverage {
  return {
    sections: rows.map(({ id, heading, documentId, documentTitle, sourced, lost, unsourced }) => ({
      id,
      heading,
      documentId,
      documentTitle,
      sourcing: { sourced, lost, unsourced },
    })),
    totalSections: rows[0]?.sections ?? 0,
  };
}

/**
 * The Overview's charts that count the matching claims under every filter, read in the pass over them that also
 * counts the filter bar's facets (lib/queries/claims-sql.ts claimFacetStatements) rather than each reading them again.
 */
const OVERVIEW_AGGREGATES: Record<string, ClaimsAggregate> = {
  reach: reachSql,
  sections: (source) => sectionCoverageSql(source, TOP_SECTIONS),
  review: reviewTimelineSql,
};

/** The Overview's facets: the filter bar's, the headline figures' reach, and the charts' aggregates above. */
export function getOverviewFacets(query: ResolvedClaimsQuery, db: Prisma = getDb()): Promise<ClaimFacets> {
  return getClaimFacets(query, db, { extras: OVERVIEW_AGGREGATES });
}

const DAY_MS = 86_400_000;

type WeekRow = { week: string; status: ReviewedStatus; count: number };

/** The latest weeks with review activity, every week between them included (a quiet week shows as zero). */
export async function getReviewTimeline(
  query: ResolvedClaimsQuery,
  weeks = TIMELINE_WEEKS,
  db: Prisma = getDb(),
): Promise<ReviewWeek[]> {
  return toReviewTimeline(await queryRows<WeekRow>(db, reviewTimelineSql(claimsSource(query))), weeks);
}

/** The Overview's review chart, read in its facets' pass over the matching claims. */
export async function reviewTimelineOf(
  facets: Promise<ClaimFacets>,
  weeks = TIMELINE_WEEKS,
): Promise<ReviewWeek[]> {
  return toReviewTimeline((await facets).extras.review as WeekRow[], weeks);
}

function toReviewTimeline(rows: WeekRow[], weeks: number): ReviewWeek[] {
  if (rows.length === 0) return [];
  const last = Date.parse(`${rows.at(-1)!.week}T00:00:00Z`);
  const first = Math.max(Date.parse(`${rows[0]!.week}T00:00:00Z`), last - (weeks - 1) * 7 * DAY_MS);
  const byWeek = new Map<string, ReviewWeek>();
  for (let time = first; time <= last; time += 7 * DAY_MS) {
    const week = new Date(time).toISOString().slice(0, 10);
    byWeek.set(week, { week, counts: { IN_REVIEW: 0, REVIEWED: 0 } });
  }
  for (const row of rows) {
    const week = byWeek.get(row.week);
    if (week) week.counts[row.status] = row.count;
  }
  return [...byWeek.values()];
}
