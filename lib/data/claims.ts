// Reads behind the claims table, the export and the JSON API. Filtering, sorting and paging run in PostgreSQL
// through the one SQL builder in lib/queries/claims-sql.ts; only a page of rows ever leaves the database.
import "server-only";
import { ClaimKind, ReviewStatus, Verdict, type EntityRole } from "@/lib/generated/prisma/enums.ts";
import { getDb } from "@/lib/db";
import { queryRows, type Prisma } from "@/lib/prisma-client";
import { cache } from "react";
import {
  type ClaimsAggregate,
  type ClaimsFilter,
  type ColumnFacet,
  type FacetName,
  type ResolvedNames,
  claimFacetStatements,
  allClaimsCountSql,
  claimRowsSql,
  claimsCountSql,
  COLUMN_FACETS,
  resolveNamesSql,
  toClaimsFilter,
} from "@/lib/queries/claims-sql";
import type { ClaimsQuery } from "@/lib/validations/claims";

export interface ClaimRow {
  id: number;
  text: string;
  kind: ClaimKind;
  status: ReviewStatus;
  verdict: Verdict | null;
  citationMissing: boolean;
  asOfDate: Date | null;
  updatedAt: Date;
  document: { id: number; title: string };
  section: { id: number; heading: string };
  sectors: { slug: string; name: string }[];
  /** Subjects first. */
  entities: { slug: string; name: string; role: EntityRole }[];
  sourceCount: number;
  quantityCount: number;
  /** [start, end) code-point offsets into `text` to mark as search matches, sorted, not overlapping. */
  highlights: [number, number][];
}

export interface ClaimsPage {
  rows: ClaimRow[];
  total: number;
  pageCount: number;
}

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

export interface ClaimFacets {
  /** Claims passing every filter. */
  total: number;
  sectors: FacetOption[];
  entities: (FacetOption & { kind: string })[];
  documents: FacetOption[];
  /** Empty until a document is chosen. */
  sections: (FacetOption & { level: number })[];
  /** Who the claims are assigned to ("none" = unassigned, the viewer as "me"); only for signed-in viewers. */
  assignees: FacetOption[] | null;
  /** Counts by facet and value, e.g. columns.kind.STATISTIC; each ignores its own facet's filter. */
  columns: Record<ColumnFacet, Record<string, number>>;
  /** How many entities the matching claims name. */
  entitiesNamed: number;
  /** The rows of each extra aggregate asked for, by name. */
  extras: Record<string, unknown[]>;
}

/**
 * The query's sector and entity slugs and its search's entity matches as ids. Once per request: the page's list
 * and facets (started side by side for the same parsed query) share it.
 */
export const resolveClaimsFilter = cache(
  async (query: ClaimsQuery, db: Prisma = getDb()): Promise<ClaimsFilter> => {
    const nothingToResolve = !query.sectors.length && !query.entities.length && !query.q;
    const [names] = nothingToResolve
      ? [{ sectorIds: [], entityIds: [], matchedEntityIds: [] }]
      : await queryRows<ResolvedNames>(db, resolveNamesSql(query));
    return toClaimsFilter(query, names!);
  },
);

interface RowRecord {
  id: number;
  text: string;
  kind: ClaimKind;
  status: ReviewStatus;
  verdict: Verdict | null;
  citationMissing: boolean;
  asOfDate: Date | null;
  updatedAt: Date;
  documentId: number;
  documentTitle: string;
  sectionId: number;
  sectionHeading: string;
  sectors: { slug: string; name: string }[];
  entities: { slug: string; name: string; role: EntityRole }[];
  sourceCount: number;
  quantityCount: number;
  marked: string | null;
  mentions: [number, number][];
}

/**
 * The count and the page's rows run side by side as two statements rather than in one transaction: under concurrent
 * edits the total may be a moment older or newer than the rows, which the next page load corrects. `total`: the
 * count when the caller has it already (the page reads it with the facets, from the same pass over the claims).
 */
export async function getClaims(
  query: ClaimsQuery,
  db: Prisma = getDb(),
  total: Promise<number> | null = null,
): Promise<ClaimsPage> {
  // `total` is awaited from the start, beside the filter: awaited only after it, a failed filter would leave the
  // caller's count unwatched, and its failure an unhandledRejection.
  const filter = resolveClaimsFilter(query, db);
  const [totalMatched, records] = await Promise.all([
    total ??
      filter.then((f) => queryRows<{ total: number }>(db, claimsCountSql(f))).then(([row]) => row!.total),
    filter.then((f) => queryRows<RowRecord>(db, claimRowsSql(f))),
  ]);
  return {
    rows: records.map(toClaimRow),
    total: totalMatched,
    pageCount: Math.max(1, Math.ceil(totalMatched / query.size)),
  };
}

function toClaimRow(record: RowRecord): ClaimRow {
  const { documentId, documentTitle, sectionId, sectionHeading, marked, mentions, ...columns } = record;
  return {
    ...columns,
    document: { id: documentId, title: documentTitle },
    section: { id: sectionId, heading: sectionHeading },
    entities: [...record.entities].sort((a, b) =>
      a.role === b.role ? a.name.localeCompare(b.name) : a.role === "SUBJECT" ? -1 : 1,
    ),
    highlights: marked === null ? [] : mergeSpans([...markedSpans(marked), ...mentions]),
  };
}

/** Spans between the \u0002 and \u0003 markers ts_headline put around matched words, in code points. */
function markedSpans(marked: string): [number, number][] {
  const spans: [number, number][] = [];
  let position = 0;
  let start = -1;
  for (const char of marked) {
    if (char === "\u0002") start = position;
    else if (char === "\u0003") {
      if (start >= 0) spans.push([start, position]);
      start = -1;
    } else position++;
  }
  return spans;
}

function mergeSpans(spans: [number, number][]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Every claim, whatever the filters: the "of 43" beside a filtered count. */
export async function getClaimCount(db: Prisma = getDb()): Promise<number> {
  const [row] = await queryRows<{ total: number }>(db, allClaimsCountSql());
  return row!.total;
}

type ColumnGroup = Record<ColumnFacet, string> & { count: number };
type Counted = { value: number; label: string; count: number };
type Assigned = { assigneeId: number | null; name: string | null; count: number };
/** Each facet's rows as its statement returns them. */
interface FacetRows {
  columns: ColumnGroup[];
  sectors: FacetOption[];
  entities: (FacetOption & { kind: string; named: number })[];
  documents: Counted[];
  sections: (Counted & { level: number })[];
  assignees: Assigned[];
}

/**
 * `viewerId`: the signed-in viewer, who also gets the assignee facet (reviewers' names are not shown to people who
 * are signed out); null for them. `extras`: aggregates over the matching claims to read in the same pass (the
 * Overview's).
 */
export async function getClaimFacets(
  query: ClaimsQuery,
  db: Prisma = getDb(),
  viewerId: number | null = null,
  { extras = {} }: { extras?: Record<string, ClaimsAggregate> } = {},
): Promise<ClaimFacets> {
  const filter = await resolveClaimsFilter(query, db);
  const wanted: FacetName[] = ["columns", "sectors", "entities", "documents"];
  if (filter.documentId !== null) wanted.push("sections");
  if (viewerId !== null) wanted.push("assignees");
  const { matching, separate } = claimFacetStatements(filter, wanted, extras);

  const [shared, ...own] = await Promise.all([
    matching ? queryRows<Partial<FacetRows> & { total: number }>(db, matching.sql) : [],
    ...Object.entries(separate).map(
      async ([name, statement]) => [name, await queryRows<unknown>(db, statement)] as const,
    ),
  ]);
  const separateRows = Object.fromEntries(own) as Partial<FacetRows> & { total?: { total: number }[] };
  const rows: Partial<FacetRows> = { ...shared[0], ...separateRows };
  const total = shared[0]?.total ?? separateRows.total![0]!.total;
  return {
    total,
    assignees: rows.assignees ? assigneeOptions(rows.assignees, viewerId!) : null,
    sectors: rows.sectors!,
    entities: rows.entities!.map(({ value, label, kind, count }) => ({ value, label, kind, count })),
    documents: rows.documents!.map((d) => ({ ...d, value: String(d.value) })),
    sections: (rows.sections ?? []).map((s) => ({ ...s, value: String(s.value) })),
    columns: columnCounts(rows.columns!, query),
    entitiesNamed: rows.entities![0]?.named ?? 0,
    extras: Object.fromEntries(
      Object.keys(extras).map((name) => [name, (rows as Record<string, unknown[]>)[name]!]),
    ),
  };
}

function assigneeOptions(
  assigned: { assigneeId: number | null; name: string | null; count: number }[],
  viewerId: number,
): FacetOption[] {
  const count = (id: number | null) => assigned.find((row) => row.assigneeId === id)?.count ?? 0;
  return [
    { value: "me", label: "Me", count: count(viewerId) },
    { value: "none", label: "Unassigned", count: count(null) },
    ...assigned
      .filter((row) => row.assigneeId !== null && row.assigneeId !== viewerId)
      .map((row) => ({
        value: String(row.assigneeId),
        label: row.name ?? `User ${row.assigneeId}`,
        count: row.count,
      })),
  ];
}

/** The values each column facet's filter currently allows, or null when that facet is not filtered. */
function columnFilters(query: ClaimsQuery): Record<ColumnFacet, string[] | null> {
  const list = (values: string[]) => (values.length ? values : null);
  const flag = (value: "yes" | "no" | null) => (value ? [value] : null);
  return {
    kind: list(query.kinds),
    status: list(query.statuses),
    verdict: list(query.verdicts),
    citationMissing: flag(query.citationMissing),
    hasSources: flag(query.hasSources),
    hasQuantities: flag(query.hasQuantities),
  };
}

/** Each facet counts the groups that pass every other column facet's filter (never its own). */
function columnCounts(groups: (Record<ColumnFacet, string> & { count: number })[], query: ClaimsQuery) {
  const filters = columnFilters(query);
  // Every value is listed, so a facet option with no claims shows 0 rather than disappearing.
  const zeros = (values: string[]) => Object.fromEntries(values.map((value) => [value, 0]));
  const columns: ClaimFacets["columns"] = {
    kind: zeros(Object.values(ClaimKind)),
    status: zeros(Object.values(ReviewStatus)),
    verdict: zeros([...Object.values(Verdict), "none"]),
    citationMissing: zeros(["yes", "no"]),
    hasSources: zeros(["yes", "no"]),
    hasQuantities: zeros(["yes", "no"]),
  };
  for (const group of groups) {
    for (const facet of COLUMN_FACETS) {
      const passesOthers = COLUMN_FACETS.every(
        (other) => other === facet || !filters[other] || filters[other].includes(group[other]),
      );
      if (passesOthers) columns[facet][group[facet]] = (columns[facet][group[facet]] ?? 0) + group.count;
    }
  }
  return columns;
}
