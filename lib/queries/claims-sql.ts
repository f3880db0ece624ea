// The SQL behind the claims table, its facets, the export and the JSON API: one reviewed builder, so every
// consumer filters exactly alike. Pure (no database access), so benchmarks can time the same statements raw.

import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { ClaimsQuery, SortColumn } from "@/lib/validations/claims";

const { sql, join, empty, raw } = Prisma;
export type Sql = Prisma.Sql;

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
  | "assignee"
  | "updatedWeek";

/**
 * A claims query with the names it uses resolved to ids, once per request (resolveNamesSql), so that the page's
 * several statements neither repeat the fuzzy entity match nor join the catalog tables to compare slugs.
 */
export interface ClaimsFilter extends ClaimsQuery {
  sectorIds: number[];
  /** Null when a chosen entity does not exist: no claim names all of them. */
  entityIds: number[] | null;
  /** The entities the search names (empty without a search). */
  matchedEntityIds: number[];
}

export interface ResolvedNames {
  sectorIds: number[];
  entityIds: number[];
  matchedEntityIds: number[];
}

const ids = (values: number[]) => sql`ARRAY[${join(values)}]::int[]`;
const noIds = raw(`'{}'::int[]`);

/** One row of ResolvedNames for the query; pass it to toClaimsFilter. */
export function resolveNamesSql(query: ClaimsQuery): Sql {
  const sectorIds = query.sectors.length
    ? sql`ARRAY(SELECT s."id" FROM "Sector" s WHERE s."slug" IN (${join(query.sectors)}) ORDER BY 1)`
    : noIds;
  const entityIds = query.entities.length
    ? sql`ARRAY(SELECT e."id" FROM "Entity" e WHERE e."slug" IN (${join(query.entities)}) ORDER BY 1)`
    : noIds;
  const matched = query.q ? sql`ARRAY(${matchedEntityIdsSql(query.q)})` : noIds;
  return sql`SELECT ${sectorIds} AS "sectorIds", ${entityIds} AS "entityIds", ${matched} AS "matchedEntityIds"`;
}

export function toClaimsFilter(query: ClaimsQuery, names: ResolvedNames): ClaimsFilter {
  const allEntitiesExist = names.entityIds.length === new Set(query.entities).size;
  return { ...query, ...names, entityIds: allEntitiesExist ? names.entityIds : null };
}

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

function searchCondition(filter: ClaimsFilter): Sql {
  const text = sql`c."searchVector" @@ ${tsQuery(filter.q)}`;
  // Both sides are GIN lookups, which PostgreSQL combines with a BitmapOr.
  return filter.matchedEntityIds.length
    ? sql`(${text} OR c."entityIds" && ${ids(filter.matchedEntityIds)})`
    : text;
}

const yesNo = (value: "yes" | "no", condition: Sql) => (value === "yes" ? condition : sql`NOT ${condition}`);
const HAS_SOURCES = sql`c."sourceCount" > 0`;
const HAS_QUANTITIES = sql`c."quantityCount" > 0`;

/** Enum values typed as the enum, so the comparison can use the column's index (`::text` would not). */
const enumIn = (column: string, type: string, values: string[]) =>
  sql`${raw(column)} IN (${join(values.map((value) => sql`${value}::${raw(`"${type}"`)}`))})`;

function verdictCondition(verdicts: ClaimsQuery["verdicts"]): Sql {
  const values = verdicts.filter((v) => v !== "none");
  const parts = [
    ...(values.length ? [enumIn(`c."verdict"`, "Verdict", values)] : []),
    ...(verdicts.includes("none") ? [sql`c."verdict" IS NULL`] : []),
  ];
  return sql`(${join(parts, " OR ")})`;
}

/**
 * Assignments are for signed-in people, as on the claim page: without a viewer the filter matches nothing, whatever
 * it names, so that its count tells nobody who is assigned what.
 */
function assigneeCondition(assignees: ClaimsQuery["assignees"], viewerId: number | null): Sql {
  if (viewerId === null) return sql`false`;
  const userIds = assignees.flatMap((a) => (a === "me" ? [viewerId] : typeof a === "number" ? [a] : []));
  const parts = [
    ...(userIds.length ? [sql`c."assigneeId" IN (${join(userIds)})`] : []),
    ...(assignees.includes("none") ? [sql`c."assigneeId" IS NULL`] : []),
  ];
  return sql`(${join(parts, " OR ")})`;
}

/** Each active filter as one SQL condition, keyed by the facet it belongs to. */
function filterConditions(filter: ClaimsFilter): [FacetKey | "search", Sql][] {
  const conditions: [FacetKey | "search", Sql][] = [];
  if (filter.q) conditions.push(["search", searchCondition(filter)]);
  if (filter.sectors.length) {
    conditions.push([
      "sector",
      filter.sectorIds.length ? sql`c."sectorIds" && ${ids(filter.sectorIds)}` : sql`false`,
    ]);
  }
  // Several entities narrow the table to claims naming all of them: that is how analysts ask "X and Y".
  if (filter.entities.length) {
    conditions.push([
      "entity",
      filter.entityIds ? sql`c."entityIds" @> ${ids(filter.entityIds)}` : sql`false`,
    ]);
  }
  if (filter.kinds.length) conditions.push(["kind", enumIn(`c."kind"`, "ClaimKind", filter.kinds)]);
  if (filter.documentId) conditions.push(["document", sql`c."documentId" = ${filter.documentId}`]);
  if (filter.sectionIds.length)
    conditions.push(["section", sql`c."sectionId" IN (${join(filter.sectionIds)})`]);
  if (filter.statuses.length)
    conditions.push(["status", enumIn(`c."status"`, "ReviewStatus", filter.statuses)]);
  if (filter.verdicts.length) conditions.push(["verdict", verdictCondition(filter.verdicts)]);
  if (filter.citationMissing) {
    conditions.push(["citationMissing", yesNo(filter.citationMissing, sql`c."citationMissing"`)]);
  }
  if (filter.hasSources) conditions.push(["hasSources", yesNo(filter.hasSources, HAS_SOURCES)]);
  if (filter.hasQuantities) conditions.push(["hasQuantities", yesNo(filter.hasQuantities, HAS_QUANTITIES)]);
  if (filter.assignees.length) {
    conditions.push(["assignee", assigneeCondition(filter.assignees, filter.viewerId)]);
  }
  if (filter.updatedWeek) {
    conditions.push([
      "updatedWeek",
      sql`c."updatedAt" >= ${filter.updatedWeek}::timestamp AND c."updatedAt" < ${filter.updatedWeek}::timestamp + interval '7 days'`,
    ]);
  }
  return conditions;
}

function whereSql(conditions: Sql[]): Sql {
  return conditions.length ? sql`WHERE ${join(conditions, " AND ")}` : empty;
}

/** WHERE clause for the query, optionally ignoring some facets' own filters. */
export function claimsWhereSql(filter: ClaimsFilter, except: FacetKey[] = []): Sql {
  return whereSql(otherConditions(filter, except));
}

function otherConditions(filter: ClaimsFilter, except: readonly string[]): Sql[] {
  return filterConditions(filter)
    .filter(([key]) => !except.includes(key))
    .map(([, c]) => c);
}

function relevanceSql(filter: ClaimsFilter): Sql {
  // A claim about the entity searched for ranks above one that merely contains the word.
  const boost = filter.matchedEntityIds.length
    ? sql` + CASE WHEN c."entityIds" && ${ids(filter.matchedEntityIds)} THEN 1 ELSE 0 END`
    : empty;
  return sql`(ts_rank_cd(${CLAIM_VECTOR}, ${tsQuery(filter.q)})${boost})`;
}

const ORDER_KEYS: Record<Exclude<SortColumn, "relevance">, string> = {
  position: `c."documentId" {dir}, c."startOffset" {dir}`,
  kind: `c."kind" {dir}`,
  status: `c."status" {dir}`,
  verdict: `c."verdict" {dir} NULLS LAST`,
  updated: `c."updatedAt" {dir}`,
};

export function orderBySql(filter: ClaimsFilter): Sql {
  const dir = filter.dir === "desc" ? "DESC" : "ASC";
  // The id breaks ties, so pages never repeat or skip a row.
  if (filter.sort === "relevance" && filter.q) return sql`ORDER BY ${relevanceSql(filter)} DESC, c."id" ASC`;
  const key = ORDER_KEYS[filter.sort === "relevance" ? "position" : filter.sort].replaceAll("{dir}", dir);
  return raw(`ORDER BY ${key}, c."id" ${dir}`);
}

/** The ids of one page of claims, in table order. */
function claimsPageSql(filter: ClaimsFilter): Sql {
  const offset = (filter.page - 1) * filter.size;
  return sql`SELECT c."id" FROM "Claim" c ${claimsWhereSql(filter)} ${orderBySql(filter)}
    LIMIT ${filter.size} OFFSET ${offset}`;
}

/** Every claim, whatever the filters: the documents' counts, which triggers keep (a sum of hundreds, not a count of 100k). */
export function allClaimsCountSql(): Sql {
  return sql`SELECT COALESCE(sum("claimCount"), 0)::int AS "total" FROM "Document"`;
}

export function claimsCountSql(filter: ClaimsFilter): Sql {
  return sql`SELECT count(*)::int AS "total" FROM "Claim" c ${claimsWhereSql(filter)}`;
}

/**
 * The table's columns for the page of claims claimsPageSql picks, in its order. With a search, also its highlight
 * spans: search words marked by ts_headline (between \u0002 and \u0003, characters no claim contains) and the mentions
 * of entities it named. The page's ids are picked inside the statement (ARRAY keeps their order, ORDINALITY numbers
 * it) rather than read first: the second round trip waited for the server to take the ids in between rendering other
 * parts of the page.
 */
export function claimRowsSql(filter: ClaimsFilter): Sql {
  const mentions = filter.matchedEntityIds.length
    ? sql`COALESCE((SELECT json_agg(json_build_array(m."startOffset" - c."startOffset", m."endOffset" - c."startOffset"))
        FROM "EntityMention" m WHERE m."claimId" = c."id" AND m."entityId" IN (${join(filter.matchedEntityIds)})), '[]')`
    : raw(`'[]'::json`);
  const highlights = filter.q
    ? sql`ts_headline('english', c."text", ${tsQuery(filter.q)}, 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', HighlightAll=true') AS "marked",
      ${mentions} AS "mentions"`
    : raw(`NULL::text AS "marked", '[]'::json AS "mentions"`);
  return sql`SELECT c."id", c."text", c."kind"::text AS "kind", c."status"::text AS "status",
      c."verdict"::text AS "verdict", c."citationMissing", c."asOfDate", c."updatedAt",
      d."id" AS "documentId", d."title" AS "documentTitle", s."id" AS "sectionId", s."heading" AS "sectionHeading",
      COALESCE((SELECT json_agg(json_build_object('slug', sec."slug", 'name', sec."name") ORDER BY sec."position")
        FROM "Sector" sec WHERE sec."id" = ANY (c."sectorIds")), '[]') AS "sectors",
      COALESCE((SELECT json_agg(json_build_object('slug', e."slug", 'name', e."name", 'role', ce."role"))
        FROM "ClaimEntity" ce JOIN "Entity" e ON e."id" = ce."entityId" WHERE ce."claimId" = c."id"), '[]') AS "entities",
      c."sourceCount", c."quantityCount", ${highlights}
    FROM unnest(ARRAY(${claimsPageSql(filter)})) WITH ORDINALITY AS page("id", "position")
    JOIN "Claim" c ON c."id" = page."id"
    JOIN "Document" d ON d."id" = c."documentId" JOIN "Section" s ON s."id" = c."sectionId"
    ORDER BY page."position"`;
}

/** The facets that are columns of the claim (or flags computed per claim), counted by columnGroupsSql. */
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
 * Where a facet reads the claims it counts: the claims table under some of the filters (`all` when none applies),
 * or the claims passing every filter, read once into MATCHING by claimFacetStatements.
 */
export interface ClaimsSource {
  from: Sql;
  all: boolean;
}

const tableSource = (conditions: Sql[]): ClaimsSource => ({
  from: sql`"Claim" c ${whereSql(conditions)}`,
  all: conditions.length === 0,
});

/** The claims table under every filter of the query (but those of `except`). */
export function claimsSource(filter: ClaimsFilter, except: FacetKey[] = []): ClaimsSource {
  return tableSource(otherConditions(filter, except));
}

/** A statement over a set of claims (`FROM ${source.from}`) that counts under every filter, as a chart does. */
export type ClaimsAggregate = (source: ClaimsSource) => Sql;

/** The columns of the matching claims any facet reads. */
const MATCHING_COLUMNS = raw(
  `c."id", c."kind", c."status", c."verdict", c."citationMissing", c."sourceCount", c."quantityCount", c."documentId", c."sectionId", c."assigneeId", c."updatedAt", c."sectorIds", c."entityIds"`,
);
const MATCHING: ClaimsSource = { from: raw(`"matching" c`), all: false };

/**
 * How many claims share each combination of the column facets' values (a few hundred groups at most); the data
 * layer derives each facet's counts from these groups. One scan serves all six facets.
 */
function columnGroupsSql(source: ClaimsSource): Sql {
  // Grouping by the plain columns lets the planner see how few groups there are and hash them; grouping by text
  // expressions made it sort all claims instead (0.5 s at 100k claims).
  return sql`SELECT g."kind"::text AS "kind", g."status"::text AS "status", COALESCE(g."verdict"::text, 'none') AS "verdict",
      CASE WHEN g."citationMissing" THEN 'yes' ELSE 'no' END AS "citationMissing",
      CASE WHEN g."hasSources" THEN 'yes' ELSE 'no' END AS "hasSources",
      CASE WHEN g."hasQuantities" THEN 'yes' ELSE 'no' END AS "hasQuantities",
      g."count"
    FROM (
      SELECT c."kind", c."status", c."verdict", c."citationMissing", ${HAS_SOURCES} AS "hasSources",
        ${HAS_QUANTITIES} AS "hasQuantities", count(*)::int AS "count"
      FROM ${source.from}
      GROUP BY c."kind", c."status", c."verdict", c."citationMissing", 5, 6) g`;
}

/**
 * Filtered, claims are grouped by their whole set of sectors (a few hundred distinct sets) before the sets are
 * unnested, which took half the time of unnesting each claim's sectors; unfiltered, each sector's own count (kept
 * by triggers on the link table) answers.
 */
function sectorsSql(source: ClaimsSource): Sql {
  if (source.all) {
    return sql`SELECT sec."slug" AS "value", sec."name" AS "label", sec."claimCount" AS "count"
      FROM "Sector" sec ORDER BY sec."position"`;
  }
  const counts = sql`SELECT s."id", sum(g."count")::int AS "count"
    FROM (SELECT c."sectorIds", count(*) AS "count" FROM ${source.from} GROUP BY 1) g
    CROSS JOIN LATERAL unnest(g."sectorIds") AS s("id") GROUP BY 1`;
  return sql`SELECT sec."slug" AS "value", sec."name" AS "label", COALESCE(counts."count", 0)::int AS "count"
    FROM "Sector" sec LEFT JOIN (${counts}) counts ON counts."id" = sec."id"
    ORDER BY sec."position"`;
}

const ENTITY_FACET_SIZE = 15;

/**
 * The most-named entities among the claims, plus every selected one so its chip shows a count, each row with how
 * many entities the claims name in all (`named`, the Overview's reach). Unfiltered, each entity's own count answers.
 * unnest() in the select list, not a lateral join: a function scan per claim took twice as long (a sector's 26k
 * claims at 100k).
 */
function entitiesSql(source: ClaimsSource, filter: ClaimsFilter): Sql {
  const counts = source.all
    ? sql`SELECT x."id", x."claimCount" AS "count" FROM "Entity" x WHERE x."claimCount" > 0`
    : sql`SELECT l."id", count(*)::int AS "count"
        FROM (SELECT unnest(c."entityIds") AS "id" FROM ${source.from}) l GROUP BY 1`;
  const selected = filter.entityIds?.length ? sql`OR en."id" IN (${join(filter.entityIds)})` : empty;
  return sql`WITH counts AS (${counts})
    SELECT en."slug" AS "value", en."name" AS "label", en."kind"::text AS "kind", COALESCE(counts."count", 0) AS "count",
      (SELECT count(*)::int FROM counts) AS "named"
    FROM "Entity" en LEFT JOIN counts ON counts."id" = en."id"
    WHERE en."id" IN (SELECT "id" FROM counts ORDER BY "count" DESC, "id" LIMIT ${ENTITY_FACET_SIZE}) ${selected}
    ORDER BY "count" DESC, en."name"`;
}

/** Unfiltered (or filtered by document alone), each document's own count (kept by triggers on Claim) answers. */
function documentsSql(source: ClaimsSource): Sql {
  if (source.all) {
    return sql`SELECT d."id" AS "value", d."title" AS "label", d."claimCount" AS "count"
      FROM "Document" d WHERE d."claimCount" > 0
      ORDER BY d."claimCount" DESC, d."title" LIMIT 50`;
  }
  return sql`SELECT d."id" AS "value", d."title" AS "label", counts."count"
    FROM (SELECT c."documentId", count(*)::int AS "count" FROM ${source.from} GROUP BY 1) counts
    JOIN "Document" d ON d."id" = counts."documentId"
    ORDER BY counts."count" DESC, d."title" LIMIT 50`;
}

/** Sections are offered once a document is chosen; across documents their headings would mean little. */
function sectionsSql(source: ClaimsSource, documentId: number): Sql {
  return sql`SELECT s."id" AS "value", s."heading" AS "label", s."level", COALESCE(counts."count", 0)::int AS "count"
    FROM "Section" s
    LEFT JOIN (SELECT c."sectionId", count(*)::int AS "count" FROM ${source.from} GROUP BY 1) counts
      ON counts."sectionId" = s."id"
    WHERE s."documentId" = ${documentId}
    ORDER BY s."order"`;
}

/** Claims per assignee (null = unassigned), with the assignee's name. */
function assigneesSql(source: ClaimsSource): Sql {
  return sql`SELECT counts."assigneeId", u."name", counts."count"
    FROM (SELECT c."assigneeId", count(*)::int AS "count" FROM ${source.from} GROUP BY 1) counts
    LEFT JOIN "User" u ON u."id" = counts."assigneeId"
    ORDER BY counts."assigneeId" IS NOT NULL, counts."count" DESC, u."name"`;
}

export type FacetName = "columns" | "sectors" | "entities" | "documents" | "sections" | "assignees";

/** Each facet's statement and the filters it ignores: its own, so choosing one value still shows the others. */
const FACETS: Record<
  FacetName,
  { own: readonly string[]; sql(source: ClaimsSource, filter: ClaimsFilter): Sql }
> = {
  columns: { own: COLUMN_FACETS, sql: columnGroupsSql },
  sectors: { own: ["sector"], sql: sectorsSql },
  // Several entities narrow to claims naming all of them, so the counts under all filters are what adding one does.
  entities: { own: [], sql: entitiesSql },
  documents: { own: ["document", "section"], sql: documentsSql },
  sections: { own: ["section"], sql: (source, filter) => sectionsSql(source, filter.documentId!) },
  assignees: { own: ["assignee"], sql: assigneesSql },
};

export interface FacetStatements {
  /**
   * With any filter in force: one statement that reads the claims passing every filter once, and from them counts
   * the total, each facet whose own filter is not in force and each extra (JSON arrays named after them, and "total").
   */
  matching: { sql: Sql; facets: string[] } | null;
  /** A statement each for the facets whose own filter is in force, and for the total and extras when no filter is. */
  separate: Record<string, Sql>;
}

/**
 * The statements behind the facets `wanted` (sections only with a document chosen) and `extras` (aggregates that
 * count under every filter, such as the Overview's charts). A sector's 26k claims were read once per facet, chart
 * and the total; now once for all of those whose counts agree on the filters.
 */
export function claimFacetStatements(
  filter: ClaimsFilter,
  wanted: FacetName[],
  extras: Record<string, ClaimsAggregate> = {},
): FacetStatements {
  const conditions = filterConditions(filter);
  const active = new Set(conditions.map(([key]) => key));
  const ownInForce = (name: FacetName) => FACETS[name].own.some((key) => active.has(key as FacetKey));
  // The entity counts (a few entities per claim, unnested and hashed) cost as much as the rest together, so they run
  // beside the shared statement on a connection of their own: on two cores a large sector's page waited ~40 ms less.
  const shared = conditions.length ? wanted.filter((name) => !ownInForce(name) && name !== "entities") : [];
  const separate: FacetStatements["separate"] = {};
  for (const name of wanted.filter((name) => !shared.includes(name))) {
    separate[name] = FACETS[name].sql(tableSource(otherConditions(filter, FACETS[name].own)), filter);
  }
  if (!conditions.length) {
    for (const [name, aggregate] of Object.entries(extras)) separate[name] = aggregate(tableSource([]));
    return { matching: null, separate: { ...separate, total: claimsCountSql(filter) } };
  }
  const statements: [string, Sql][] = [
    ...shared.map((name): [string, Sql] => [name, FACETS[name].sql(MATCHING, filter)]),
    ...Object.entries(extras).map(([name, aggregate]): [string, Sql] => [name, aggregate(MATCHING)]),
  ];
  const columns = statements.map(
    ([name, statement]) =>
      sql`(SELECT COALESCE(json_agg(f), '[]') FROM (${statement}) f) AS ${raw(`"${name}"`)}`,
  );
  return {
    matching: {
      facets: statements.map(([name]) => name),
      sql: sql`WITH "matching" AS MATERIALIZED (SELECT ${MATCHING_COLUMNS} FROM "Claim" c ${claimsWhereSql(filter)})
        SELECT ${join([sql`(SELECT count(*)::int FROM "matching") AS "total"`, ...columns], ", ")}`,
    },
    separate,
  };
}
