// Reads behind the claims table, the export and the JSON API. Filtering, sorting and paging run in PostgreSQL
// through the one SQL builder in lib/queries/claims-sql.ts; only a page of rows ever leaves the database.
// Every read takes the query resolved once per request by resolveClaimsQuery, so a page's reads share one resolution.
import "server-only";
import type { ClaimKind, EntityRole, ReviewStatus, Verdict } from "@/lib/generated/prisma/enums.ts";
import { getDb } from "@/lib/db";
import { queryRow, queryRows, type Prisma } from "@/lib/prisma-client";
import {
  type ClaimFacets,
  type ClaimsAggregate,
  type ResolvedClaimsQuery,
  type ResolvedNames,
  allClaimsCountSql,
  claimFacetStatements,
  claimRowsSql,
  claimsCountSql,
  readClaimFacets,
  resolveNamesSql,
  toResolvedQuery,
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

/**
 * The query's sector and entity slugs and its search's entity matches as ids. A page resolves its query once and
 * passes the result to each read it starts (rows, facets, charts), so that they neither repeat the fuzzy entity match
 * nor read different ids.
 */
export async function resolveClaimsQuery(
  query: ClaimsQuery,
  db: Prisma = getDb(),
): Promise<ResolvedClaimsQuery> {
  const nothingToResolve = !query.sectors.length && !query.entities.length && !query.q;
  const names = nothingToResolve
    ? { sectorIds: [], entityIds: [], matchedEntityIds: [] }
    : await queryRow<ResolvedNames>(db, resolveNamesSql(query));
  return toResolvedQuery(query, names);
}

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

/** One page of claims, in table order. */
export async function getClaimRows(query: ResolvedClaimsQuery, db: Prisma = getDb()): Promise<ClaimRow[]> {
  return (await queryRows<RowRecord>(db, claimRowsSql(query))).map(toClaimRow);
}

/**
 * A page of claims and how many match: the API's read. The count and the rows run side by side as two statements
 * rather than in one transaction: under concurrent edits the total may be a moment older or newer than the rows,
 * which the next page load corrects. The claims page takes its total from the facets instead (see claimsPage).
 */
export async function getClaims(query: ResolvedClaimsQuery, db: Prisma = getDb()): Promise<ClaimsPage> {
  const [rows, { total }] = await Promise.all([
    getClaimRows(query, db),
    queryRow<{ total: number }>(db, claimsCountSql(query)),
  ]);
  return claimsPage(rows, total, query.size);
}

/** The rows of a page with the number of claims they are a page of. */
export function claimsPage(rows: ClaimRow[], total: number, size: number): ClaimsPage {
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / size)) };
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
  return (await queryRow<{ total: number }>(db, allClaimsCountSql())).total;
}

/**
 * The options of each filter's menu with their counts, and the total. The assignee menu is offered to a signed-in
 * viewer only (forViewer). `extras`: aggregates over the matching claims to read in the same pass (the Overview's).
 */
export async function getClaimFacets(
  query: ResolvedClaimsQuery,
  db: Prisma = getDb(),
  { extras = {} }: { extras?: Record<string, ClaimsAggregate> } = {},
): Promise<ClaimFacets> {
  const answers = await Promise.all(
    claimFacetStatements(query, extras).map(({ sql }) => queryRow<Record<string, unknown>>(db, sql)),
  );
  return readClaimFacets(query, Object.keys(extras), Object.assign({}, ...answers));
}
