// The SQL behind the claims table, its facets, the export and the JSON API: one reviewed builder, so every
// consumer filters exactly alike. Pure (no database access), so benchmarks can time the same statements raw.

import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { ClaimsQuery, SortColumn } from "@/lib/validations/claims";

const { sql, join, empty, raw } = Prisma;
export type Sql = Prisma.Sql;

/**
 * Run first in the transaction of any claims statement (set_config(..., true) is SET LOCAL):
 * - a typo such as "Hauwei" shares 0.27 of its trigrams with "Huawei", under pg_trgm's default of 0.3;
 * - cost estimates of these statements cross the JIT threshold, and compiling took ~0.8 s of a 1 s search at
 *   100k claims, for statements that run in milliseconds without it.
 */
export const QUERY_SETTINGS_SQL = sql`SELECT set_config('pg_trgm.similarity_threshold', '0.25', true), set_config('jit', 'off', true)`;

/** Short queries ("AI") would be similar to half the catalog; below this length names must match exactly. */
const MIN_FUZZY_LENGTH = 4;
const HAN = /\p{Script=Han}/u;

/** Facets whose counts ignore their own filter, so choosing one value still shows the others' counts. */
export type FacetKey =
  | "sector"
  | "entity"
  | "kind"
  | "status"
  | "verdict"
  | "document"
  | "section"
  | "citationMissing"
  | "hasSources"
  | "hasQuantities"
  | "updatedWeek";

const tsQuery = (q: string) => sql`websearch_to_tsquery('english', ${q})`;
const CLAIM_VECTOR = raw(`c."searchVector"`);

/** A search names a handful of entities; a common word ("semiconductor") is similar to hundreds of names. */
const MAX_MATCHED_ENTITIES = 10;

/**
 * Entities a search names: fuzzy on names and aliases, or by substring for Chinese names (no word boundaries),
 * keeping the closest few. Names and aliases are searched apart, so each `%` can use its own trigram index.
 */
function matchedEntityIdsSql(q: string): Sql {
  const fuzzy = q.length >= MIN_FUZZY_LENGTH;
  // ILIKE without wildcards is a case-insensitive equality the trigram index serves; lower(x) = lower(q) is not.
  const byName = sql`SELECT e."id", similarity(e."name", ${q}) AS "score" FROM "Entity" e
    WHERE e."name" ILIKE ${escapeLike(q)}${fuzzy ? sql` OR e."name" % ${q}` : empty}`;
  const aliasMatch = HAN.test(q)
    ? sql`a."alias" LIKE ${`%${escapeLike(q)}%`}`
    : sql`a."alias" ILIKE ${escapeLike(q)}`;
  const byAlias = sql`SELECT a."entityId", similarity(a."alias", ${q}) FROM "EntityAlias" a
    WHERE ${aliasMatch}${fuzzy ? sql` OR a."alias" % ${q}` : empty}`;
  return sql`SELECT m."id" FROM (${byName} UNION ALL ${byAlias}) m
    GROUP BY m."id" ORDER BY max(m."score") DESC, m."id" LIMIT ${MAX_MATCHED_ENTITIES}`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function searchCondition(q: string): Sql {
  // A union of two index lookups (full-text GIN, then claims of the matched entities); an OR of the two
  // conditions would make PostgreSQL compute every claim's tsvector instead.
  return sql`c."id" IN (
    SELECT t."id" FROM "Claim" t WHERE t."searchVector" @@ ${tsQuery(q)}
    UNION
    SELECT ce."claimId" FROM "ClaimEntity" ce WHERE ce."entityId" IN (${matchedEntityIdsSql(q)}))`;
}

const yesNo = (value: "yes" | "no", condition: Sql) => (value === "yes" ? condition : sql`NOT ${condition}`);
const HAS_SOURCES = sql`EXISTS (SELECT 1 FROM "ClaimSource" s WHERE s."claimId" = c."id")`;
const HAS_QUANTITIES = sql`EXISTS (SELECT 1 FROM "Quantity" qt WHERE qt."claimId" = c."id")`;

function verdictCondition(verdicts: ClaimsQuery["verdicts"]): Sql {
  const values = verdicts.filter((v) => v !== "none");
  const parts = [
    ...(values.length ? [sql`c."verdict"::text IN (${join(values)})`] : []),
    ...(verdicts.includes("none") ? [sql`c."verdict" IS NULL`] : []),
  ];
  return sql`(${join(parts, " OR ")})`;
}

/** Each active filter as one SQL condition, keyed by the facet it belongs to. */
function filterConditions(query: ClaimsQuery): [FacetKey | "search", Sql][] {
  const conditions: [FacetKey | "search", Sql][] = [];
  if (query.q) conditions.push(["search", searchCondition(query.q)]);
  if (query.sectors.length) {
    conditions.push([
      "sector",
      sql`EXISTS (SELECT 1 FROM "ClaimSector" cs JOIN "Sector" sec ON sec."id" = cs."sectorId"
        WHERE cs."claimId" = c."id" AND sec."slug" IN (${join(query.sectors)}))`,
    ]);
  }
  // Several entities narrow the table to claims naming all of them: that is how analysts ask "X and Y".
  for (const slug of query.entities) {
    conditions.push([
      "entity",
      sql`EXISTS (SELECT 1 FROM "ClaimEntity" ce JOIN "Entity" en ON en."id" = ce."entityId"
        WHERE ce."claimId" = c."id" AND en."slug" = ${slug})`,
    ]);
  }
  if (query.kinds.length) conditions.push(["kind", sql`c."kind"::text IN (${join(query.kinds)})`]);
  if (query.documentId) conditions.push(["document", sql`c."documentId" = ${query.documentId}`]);
  if (query.sectionIds.length)
    conditions.push(["section", sql`c."sectionId" IN (${join(query.sectionIds)})`]);
  if (query.statuses.length) conditions.push(["status", sql`c."status"::text IN (${join(query.statuses)})`]);
  if (query.verdicts.length) conditions.push(["verdict", verdictCondition(query.verdicts)]);
  if (query.citationMissing) {
    conditions.push(["citationMissing", yesNo(query.citationMissing, sql`c."citationMissing"`)]);
  }
  if (query.hasSources) conditions.push(["hasSources", yesNo(query.hasSources, HAS_SOURCES)]);
  if (query.hasQuantities) conditions.push(["hasQuantities", yesNo(query.hasQuantities, HAS_QUANTITIES)]);
  if (query.updatedWeek) {
    conditions.push([
      "updatedWeek",
      sql`c."updatedAt" >= ${query.updatedWeek}::timestamp AND c."updatedAt" < ${query.updatedWeek}::timestamp + interval '7 days'`,
    ]);
  }
  return conditions;
}

function whereSql(conditions: Sql[]): Sql {
  return conditions.length ? sql`WHERE ${join(conditions, " AND ")}` : empty;
}

/** WHERE clause for the query, optionally ignoring some facets' own filters. */
export function claimsWhereSql(query: ClaimsQuery, except: FacetKey[] = []): Sql {
  return whereSql(
    filterConditions(query)
      .filter(([key]) => !except.includes(key as FacetKey))
      .map(([, c]) => c),
  );
}

function relevanceSql(q: string): Sql {
  // A claim about the entity searched for ranks above one that merely contains the word.
  return sql`(ts_rank_cd(${CLAIM_VECTOR}, ${tsQuery(q)}) + CASE WHEN EXISTS (
    SELECT 1 FROM "ClaimEntity" ce WHERE ce."claimId" = c."id" AND ce."entityId" IN (${matchedEntityIdsSql(q)})
  ) THEN 1 ELSE 0 END)`;
}

const ORDER_KEYS: Record<Exclude<SortColumn, "relevance">, string> = {
  position: `c."documentId" {dir}, c."startOffset" {dir}`,
  kind: `c."kind" {dir}`,
  status: `c."status" {dir}`,
  verdict: `c."verdict" {dir} NULLS LAST`,
  updated: `c."updatedAt" {dir}`,
};

export function orderBySql(query: ClaimsQuery): Sql {
  const dir = query.dir === "desc" ? "DESC" : "ASC";
  // The id breaks ties, so pages never repeat or skip a row.
  if (query.sort === "relevance" && query.q) return sql`ORDER BY ${relevanceSql(query.q)} DESC, c."id" ASC`;
  const key = ORDER_KEYS[query.sort === "relevance" ? "position" : query.sort].replaceAll("{dir}", dir);
  return raw(`ORDER BY ${key}, c."id" ${dir}`);
}

/** The ids of one page of claims, in table order. */
export function claimsPageSql(query: ClaimsQuery): Sql {
  const offset = (query.page - 1) * query.size;
  return sql`SELECT c."id" FROM "Claim" c ${claimsWhereSql(query)} ${orderBySql(query)}
    LIMIT ${query.size} OFFSET ${offset}`;
}

export function claimsCountSql(query: ClaimsQuery): Sql {
  return sql`SELECT count(*)::int AS "total" FROM "Claim" c ${claimsWhereSql(query)}`;
}

/**
 * Highlight spans for the found claims: search words marked by ts_headline (between \u0002 and \u0003, characters
 * no claim contains) and the mentions of entities the search named.
 */
export function highlightsSql(q: string, ids: number[]): Sql {
  return sql`SELECT c."id",
      ts_headline('english', c."text", ${tsQuery(q)}, 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', HighlightAll=true') AS "marked",
      COALESCE((SELECT json_agg(json_build_array(m."startOffset" - c."startOffset", m."endOffset" - c."startOffset"))
        FROM "EntityMention" m WHERE m."claimId" = c."id" AND m."entityId" IN (${matchedEntityIdsSql(q)})), '[]') AS "mentions"
    FROM "Claim" c WHERE c."id" IN (${join(ids)})`;
}

/** The facets that are columns of the claim (or flags computed per claim), counted by columnFacetGroupsSql. */
export const COLUMN_FACETS = [
  "kind",
  "status",
  "verdict",
  "citationMissing",
  "hasSources",
  "hasQuantities",
] as const;
export type ColumnFacet = (typeof COLUMN_FACETS)[number];

/**
 * How many matching claims share each combination of the column facets' values (a few hundred groups at most),
 * under every filter except the column facets' own; the data layer derives each facet's counts from these groups.
 * One scan serves all six facets.
 */
export function columnFacetGroupsSql(query: ClaimsQuery): Sql {
  const base = filterConditions(query)
    .filter(([key]) => !(COLUMN_FACETS as readonly string[]).includes(key))
    .map(([, c]) => c);
  // Grouping by the plain columns lets the planner see how few groups there are and hash them; grouping by text
  // expressions made it sort all claims instead (0.5 s at 100k claims).
  return sql`SELECT g."kind"::text AS "kind", g."status"::text AS "status", COALESCE(g."verdict"::text, 'none') AS "verdict",
      CASE WHEN g."citationMissing" THEN 'yes' ELSE 'no' END AS "citationMissing",
      CASE WHEN g."hasSources" THEN 'yes' ELSE 'no' END AS "hasSources",
      CASE WHEN g."hasQuantities" THEN 'yes' ELSE 'no' END AS "hasQuantities",
      g."count"
    FROM (
      SELECT c."kind", c."status", c."verdict", c."citationMissing",
        c."id" IN (SELECT "claimId" FROM "ClaimSource") AS "hasSources",
        c."id" IN (SELECT "claimId" FROM "Quantity") AS "hasQuantities",
        count(*)::int AS "count"
      FROM "Claim" c ${whereSql(base)}
      GROUP BY c."kind", c."status", c."verdict", c."citationMissing", 5, 6) g`;
}

/** `c."id" IN (matching ids)` ignoring some facets, or nothing when no other filter is active. */
function matchingClaimsCondition(query: ClaimsQuery, except: FacetKey[], column: string): Sql {
  const conditions = filterConditions(query).filter(([key]) => !except.includes(key as FacetKey));
  if (!conditions.length) return empty;
  return sql`AND ${raw(column)} IN (SELECT c."id" FROM "Claim" c ${whereSql(conditions.map(([, c]) => c))})`;
}

export function sectorFacetSql(query: ClaimsQuery): Sql {
  return sql`SELECT sec."slug" AS "value", sec."name" AS "label", COALESCE(counts."count", 0)::int AS "count"
    FROM "Sector" sec LEFT JOIN (
      SELECT cs."sectorId", count(*) AS "count" FROM "ClaimSector" cs
      WHERE true ${matchingClaimsCondition(query, ["sector"], `cs."claimId"`)}
      GROUP BY cs."sectorId") counts ON counts."sectorId" = sec."id"
    ORDER BY sec."position"`;
}

/** The most-named entities among the matching claims, plus every selected one so its chip shows a count. */
export function entityFacetSql(query: ClaimsQuery, limit = 15): Sql {
  const selected = query.entities.length ? sql`OR en."slug" IN (${join(query.entities)})` : empty;
  return sql`WITH counts AS (
      SELECT ce."entityId", count(*)::int AS "count" FROM "ClaimEntity" ce
      WHERE true ${matchingClaimsCondition(query, [], `ce."claimId"`)}
      GROUP BY ce."entityId")
    SELECT en."slug" AS "value", en."name" AS "label", en."kind"::text AS "kind", COALESCE(counts."count", 0) AS "count"
    FROM "Entity" en LEFT JOIN counts ON counts."entityId" = en."id"
    WHERE en."id" IN (SELECT "entityId" FROM counts ORDER BY "count" DESC, "entityId" LIMIT ${limit}) ${selected}
    ORDER BY "count" DESC, en."name"`;
}

export function documentFacetSql(query: ClaimsQuery): Sql {
  return sql`SELECT d."id" AS "value", d."title" AS "label", count(*)::int AS "count"
    FROM "Claim" c JOIN "Document" d ON d."id" = c."documentId"
    ${claimsWhereSql(query, ["document", "section"])}
    GROUP BY d."id" ORDER BY count(*) DESC, d."title" LIMIT 50`;
}

/** Sections are offered once a document is chosen; across documents their headings would mean little. */
export function sectionFacetSql(query: ClaimsQuery & { documentId: number }): Sql {
  return sql`SELECT s."id" AS "value", s."heading" AS "label", s."level", count(m."id")::int AS "count"
    FROM "Section" s
    LEFT JOIN (SELECT c."id", c."sectionId" FROM "Claim" c ${claimsWhereSql(query, ["section"])}) m ON m."sectionId" = s."id"
    WHERE s."documentId" = ${query.documentId}
    GROUP BY s."id" ORDER BY s."order"`;
}
