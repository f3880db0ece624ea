// The SQL behind the claims table, its facets, the export and the JSON API: one reviewed builder, so every
// consumer filters exactly alike. Pure (no database access), so benchmarks can time the same statements raw.
// FILTER_SQL holds each filter's WHERE condition and facet, keyed like CLAIMS_FILTERS (lib/validations/claims.ts).

import { Prisma } from "@/lib/generated/prisma/client.ts";
import { ENTITY_KIND_OPTIONS } from "@/lib/domain/options";
import {
  CLAIMS_FILTERS,
  CLAIMS_FILTER_KEYS,
  filterValues,
  isFilterSet,
  type ClaimsFilterKey,
  type ClaimsFilters,
  type ClaimsQuery,
  type SortColumn,
  type YesNo,
} from "@/lib/validations/claims";

const { sql, join, empty, raw } = Prisma;
export type Sql = Prisma.Sql;

/** Short queries ("AI") would be similar to half the catalog; below this length names must match exactly. */
const MIN_FUZZY_LENGTH = 4;
const HAN = /\p{Script=Han}/u;

/**
 * A claims query with the names it uses resolved to ids, once per request (resolveNamesSql), so that the page's
 * several statements neither repeat the fuzzy entity match nor join the catalog tables to compare slugs.
 */
export interface ResolvedClaimsQuery extends ClaimsQuery {
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

/** One row of ResolvedNames for the query; pass it to toResolvedQuery. */
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

export function toResolvedQuery(query: ClaimsQuery, names: ResolvedNames): ResolvedClaimsQuery {
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

function searchCondition(query: ResolvedClaimsQuery): Sql {
  const text = sql`c."searchVector" @@ ${tsQuery(query.q)}`;
  // Both sides are GIN lookups, which PostgreSQL combines with a BitmapOr.
  return query.matchedEntityIds.length
    ? sql`(${text} OR c."entityIds" && ${ids(query.matchedEntityIds)})`
    : text;
}

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

const yesNo = (value: YesNo | null, condition: Sql) => (value === "no" ? sql`NOT ${condition}` : condition);

/**
 * Where a facet reads the claims it counts: the claims table under some of the filters (`all` when none applies),
 * or the claims passing every filter, read once into MATCHING by claimFacetStatements.
 */
export interface ClaimsSource {
  from: Sql;
  all: boolean;
}

/** One option of a filter's menu, with how many claims it would show under the other filters. */
export interface FacetOption {
  value: string;
  label: string;
  description?: string;
  count: number;
}

/** A facet statement's row; a value the filter's own options name takes its label from them. */
interface FacetRow {
  value: string;
  label?: string | null;
  description?: string | null;
  count: number;
}

/**
 * How a filter's menu counts its options. Each count ignores the filter's own choice, so that choosing one value
 * still shows the others' counts.
 */
type Facet =
  /**
   * A value of each claim, counted in one grouped pass with the other column facets (columnGroupsSql): claims are
   * grouped by `column` (a plain column or a flag, so the planner hashes a few hundred groups), and `value` turns a
   * group's column into the filter's URL value.
   */
  | { column: Sql; value: (group: Sql) => Sql }
  /** A statement of its own: FacetRows over `source`. */
  | {
      rows: (source: ClaimsSource, query: ResolvedClaimsQuery) => Sql;
      /** The filters its counts ignore; its own unless said otherwise. */
      ignores?: readonly ClaimsFilterKey[];
      /** Whether the menu is offered for the query; always unless said otherwise. */
      offered?: (query: ResolvedClaimsQuery) => boolean;
      /** Runs beside the pass over the matching claims rather than in it (see claimFacetStatements). */
      alone?: boolean;
    };

interface FilterSql {
  /** The filter's condition, once it is set. */
  where: (query: ResolvedClaimsQuery) => Sql;
  /** How its menu counts; none for a filter without a menu. */
  facet?: Facet;
}

const flagColumn = (condition: Sql): Facet => ({
  column: condition,
  value: (group) => sql`CASE WHEN ${group} THEN 'yes' ELSE 'no' END`,
});
const CITATION_MISSING = sql`c."citationMissing"`;
const HAS_SOURCES = sql`c."sourceCount" > 0`;
const HAS_QUANTITIES = sql`c."quantityCount" > 0`;
/** A deleted note still shows in its thread, but says nothing about the claim any more. */
const HAS_NOTES = sql`c."id" IN (SELECT a."claimId" FROM "Annotation" a WHERE a."deletedAt" IS NULL)`;

/** Each filter's WHERE condition and facet, keyed like CLAIMS_FILTERS: a filter without its SQL does not compile. */
const FILTER_SQL: Record<ClaimsFilterKey, FilterSql> = {
  sectors: {
    where: (query) => (query.sectorIds.length ? sql`c."sectorIds" && ${ids(query.sectorIds)}` : sql`false`),
    facet: { rows: sectorsSql },
  },
  entities: {
    // Several entities narrow the table to claims naming all of them: that is how analysts ask "X and Y".
    where: (query) => (query.entityIds ? sql`c."entityIds" @> ${ids(query.entityIds)}` : sql`false`),
    // So the counts under all filters, its own included, are what adding one more entity does. They cost as much as
    // the other facets together (a few entities per claim, unnested and hashed), so they run on a connection of their
    // own beside the shared pass.
    facet: { rows: entitiesSql, ignores: [], alone: true },
  },
  kinds: {
    where: (query) => enumIn(`c."kind"`, "ClaimKind", query.kinds),
    facet: { column: sql`c."kind"`, value: (group) => sql`${group}::text` },
  },
  documentId: {
    where: (query) => sql`c."documentId" = ${query.documentId}`,
    facet: { rows: documentsSql, ignores: ["documentId", "sectionIds"] },
  },
  sectionIds: {
    where: (query) => sql`c."sectionId" IN (${join(query.sectionIds)})`,
    // Sections are offered once a document is chosen; across documents their headings would mean little.
    facet: { rows: sectionsSql, offered: (query) => query.documentId !== null },
  },
  statuses: {
    where: (query) => enumIn(`c."status"`, "ReviewStatus", query.statuses),
    facet: { column: sql`c."status"`, value: (group) => sql`${group}::text` },
  },
  verdicts: {
    where: (query) => verdictCondition(query.verdicts),
    facet: { column: sql`c."verdict"`, value: (group) => sql`COALESCE(${group}::text, 'none')` },
  },
  assignees: {
    where: (query) => assigneeCondition(query.assignees, query.viewerId),
    // Reviewers' names are not shown to people who are signed out.
    facet: { rows: assigneesSql, offered: (query) => query.viewerId !== null },
  },
  citationMissing: {
    where: (query) => yesNo(query.citationMissing, CITATION_MISSING),
    facet: flagColumn(CITATION_MISSING),
  },
  hasSources: { where: (query) => yesNo(query.hasSources, HAS_SOURCES), facet: flagColumn(HAS_SOURCES) },
  hasQuantities: {
    where: (query) => yesNo(query.hasQuantities, HAS_QUANTITIES),
    facet: flagColumn(HAS_QUANTITIES),
  },
  // Not a column facet: the grouped pass reads the claims' covering index alone, which holds no claim id.
  hasNotes: { where: (query) => yesNo(query.hasNotes, HAS_NOTES), facet: { rows: notesSql } },
  updatedWeek: {
    where: (query) =>
      sql`c."updatedAt" >= ${query.updatedWeek}::timestamp AND c."updatedAt" < ${query.updatedWeek}::timestamp + interval '7 days'`,
  },
};

function conditionsOf(query: ResolvedClaimsQuery, except: readonly ClaimsFilterKey[] = []): Sql[] {
  return [
    ...(query.q ? [searchCondition(query)] : []),
    ...CLAIMS_FILTER_KEYS.filter((key) => isFilterSet(query, key) && !except.includes(key)).map((key) =>
      FILTER_SQL[key].where(query),
    ),
  ];
}

function whereSql(conditions: Sql[]): Sql {
  return conditions.length ? sql`WHERE ${join(conditions, " AND ")}` : empty;
}

/** WHERE clause for the query, optionally ignoring some filters. */
export function claimsWhereSql(query: ResolvedClaimsQuery, except: readonly ClaimsFilterKey[] = []): Sql {
  return whereSql(conditionsOf(query, except));
}

function relevanceSql(query: ResolvedClaimsQuery): Sql {
  // A claim about the entity searched for ranks above one that merely contains the word.
  const boost = query.matchedEntityIds.length
    ? sql` + CASE WHEN c."entityIds" && ${ids(query.matchedEntityIds)} THEN 1 ELSE 0 END`
    : empty;
  return sql`(ts_rank_cd(${CLAIM_VECTOR}, ${tsQuery(query.q)})${boost})`;
}

const ORDER_KEYS: Record<Exclude<SortColumn, "relevance">, string> = {
  position: `c."documentId" {dir}, c."startOffset" {dir}`,
  kind: `c."kind" {dir}`,
  status: `c."status" {dir}`,
  verdict: `c."verdict" {dir} NULLS LAST`,
  updated: `c."updatedAt" {dir}`,
};

export function orderBySql(query: ResolvedClaimsQuery): Sql {
  const dir = query.dir === "desc" ? "DESC" : "ASC";
  // The id breaks ties, so pages never repeat or skip a row.
  if (query.sort === "relevance" && query.q) return sql`ORDER BY ${relevanceSql(query)} DESC, c."id" ASC`;
  const key = ORDER_KEYS[query.sort === "relevance" ? "position" : query.sort].replaceAll("{dir}", dir);
  return raw(`ORDER BY ${key}, c."id" ${dir}`);
}

/** The ids of one page of claims, in table order. */
function claimsPageSql(query: ResolvedClaimsQuery): Sql {
  const offset = (query.page - 1) * query.size;
  return sql`SELECT c."id" FROM "Claim" c ${claimsWhereSql(query)} ${orderBySql(query)}
    LIMIT ${query.size} OFFSET ${offset}`;
}

/** Every claim, whatever the filters: the documents' counts, which triggers keep (a sum of hundreds, not a count of all claims). */
export function allClaimsCountSql(): Sql {
  return sql`SELECT COALESCE(sum("claimCount"), 0)::int AS "total" FROM "Document"`;
}

export function claimsCountSql(query: ResolvedClaimsQuery): Sql {
  return sql`SELECT count(*)::int AS "total" FROM "Claim" c ${claimsWhereSql(query)}`;
}

/**
 * The table's columns for the page of claims claimsPageSql picks, in its order. With a search, also its highlight
 * spans: search words marked by ts_headline (between \u0002 and \u0003, characters no claim contains) and the mentions
 * of entities it named. The page's ids are picked inside the statement (ARRAY keeps their order, ORDINALITY numbers
 * it) rather than read first: the second round trip waited for the server to take the ids in between rendering other
 * parts of the page.
 */
export function claimRowsSql(query: ResolvedClaimsQuery): Sql {
  const mentions = query.matchedEntityIds.length
    ? sql`COALESCE((SELECT json_agg(json_build_array(m."startOffset" - c."startOffset", m."endOffset" - c."startOffset"))
        FROM "EntityMention" m WHERE m."claimId" = c."id" AND m."entityId" IN (${join(query.matchedEntityIds)})), '[]')`
    : raw(`'[]'::json`);
  const highlights = query.q
    ? sql`ts_headline('english', c."text", ${tsQuery(query.q)}, 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', HighlightAll=true') AS "marked",
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
    FROM unnest(ARRAY(${claimsPageSql(query)})) WITH ORDINALITY AS page("id", "position")
    JOIN "Claim" c ON c."id" = page."id"
    JOIN "Document" d ON d."id" = c."documentId" JOIN "Section" s ON s."id" = c."sectionId"
    ORDER BY page."position"`;
}

const tableSource = (conditions: Sql[]): ClaimsSource => ({
  from: sql`"Claim" c ${whereSql(conditions)}`,
  all: conditions.length === 0,
});

/** The claims table under every filter of the query (but those of `except`). */
export function claimsSource(
  query: ResolvedClaimsQuery,
  except: readonly ClaimsFilterKey[] = [],
): ClaimsSource {
  return tableSource(conditionsOf(query, except));
}

/** A statement over a set of claims (`FROM ${source.from}`) that counts under every filter, as a chart does. */
export type ClaimsAggregate = (source: ClaimsSource) => Sql;

/** The columns of the matching claims any facet reads. */
const MATCHING_COLUMNS = raw(
  `c."id", c."kind", c."status", c."verdict", c."citationMissing", c."sourceCount", c."quantityCount", c."documentId", c."sectionId", c."assigneeId", c."updatedAt", c."sectorIds", c."entityIds"`,
);
const MATCHING: ClaimsSource = { from: raw(`"matching" c`), all: false };

type ColumnFacet = Extract<Facet, { column: Sql }>;
type RowsFacet = Extract<Facet, { rows: unknown }>;

const COLUMN_FACETS = CLAIMS_FILTER_KEYS.flatMap((key): [ClaimsFilterKey, ColumnFacet][] => {
  const facet = FILTER_SQL[key].facet;
  return facet && "column" in facet ? [[key, facet]] : [];
});
const ROWS_FACETS = CLAIMS_FILTER_KEYS.flatMap((key): [ClaimsFilterKey, RowsFacet][] => {
  const facet = FILTER_SQL[key].facet;
  return facet && "rows" in facet ? [[key, facet]] : [];
});

/** Claims sharing one value of every column facet, and how many they are. */
interface ColumnGroup {
  values: Partial<Record<ClaimsFilterKey, string>>;
  count: number;
}

/**
 * How many claims share each combination of the column facets' values (a few hundred groups at most); each column
 * facet's counts are derived from these groups (columnCounts), so one scan serves them all.
 */
function columnGroupsSql(source: ClaimsSource): Sql {
  // Grouping by the plain columns lets the planner see how few groups there are and hash them; grouping by the text
  // values made it sort all the claims instead.
  const columns = COLUMN_FACETS.map(([key, facet]) => sql`${facet.column} AS ${raw(`"${key}"`)}`);
  const values = COLUMN_FACETS.map(([key, facet]) => sql`${key}::text, ${facet.value(raw(`g."${key}"`))}`);
  return sql`SELECT json_build_object(${join(values, ", ")}) AS "values", g."count"
    FROM (
      SELECT ${join(columns, ", ")}, count(*)::int AS "count"
      FROM ${source.from}
      GROUP BY ${raw(COLUMN_FACETS.map((_, index) => index + 1).join(", "))}) g`;
}

/**
 * Filtered, claims are grouped by their whole set of sectors (a few hundred distinct sets) before the sets are
 * unnested, which is quicker than unnesting each claim's sectors; unfiltered, each sector's own count (kept by
 * triggers on the link table) answers.
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
/** Each entity kind's label, the second line of an entity's option. */
const ENTITY_KIND_LABELS = sql`(VALUES ${join(ENTITY_KIND_OPTIONS.map((o) => sql`(${o.value}, ${o.label})`))})`;

/**
 * The most-named entities among the claims, plus every selected one so its chip shows a count, each row with how
 * many entities the claims name in all (`named`, the Overview's reach). Unfiltered, each entity's own count answers.
 * unnest() in the select list, not a lateral join: a function scan per claim is slower.
 */
function entitiesSql(source: ClaimsSource, query: ResolvedClaimsQuery): Sql {
  const counts = source.all
    ? sql`SELECT x."id", x."claimCount" AS "count" FROM "Entity" x WHERE x."claimCount" > 0`
    : sql`SELECT l."id", count(*)::int AS "count"
        FROM (SELECT unnest(c."entityIds") AS "id" FROM ${source.from}) l GROUP BY 1`;
  const selected = query.entityIds?.length ? sql`OR en."id" IN (${join(query.entityIds)})` : empty;
  return sql`WITH counts AS (${counts})
    SELECT en."slug" AS "value", en."name" AS "label", k."label" AS "description",
      COALESCE(counts."count", 0) AS "count", (SELECT count(*)::int FROM counts) AS "named"
    FROM "Entity" en LEFT JOIN counts ON counts."id" = en."id"
    LEFT JOIN ${ENTITY_KIND_LABELS} AS k("kind", "label") ON k."kind" = en."kind"::text
    WHERE en."id" IN (SELECT "id" FROM counts ORDER BY "count" DESC, "id" LIMIT ${ENTITY_FACET_SIZE}) ${selected}
    ORDER BY "count" DESC, en."name"`;
}

/**
 * Unfiltered (or filtered by document alone), each document's own count (kept by triggers on Claim) answers. Only
 * documents with claims are listed, which leaves drafts out: their claims are candidates until published.
 */
function documentsSql(source: ClaimsSource): Sql {
  if (source.all) {
    return sql`SELECT d."id"::text AS "value", d."title" AS "label", d."claimCount" AS "count"
      FROM "Document" d WHERE d."claimCount" > 0
      ORDER BY d."claimCount" DESC, d."title" LIMIT 50`;
  }
  return sql`SELECT d."id"::text AS "value", d."title" AS "label", counts."count"
    FROM (SELECT c."documentId", count(*)::int AS "count" FROM ${source.from} GROUP BY 1) counts
    JOIN "Document" d ON d."id" = counts."documentId"
    ORDER BY counts."count" DESC, d."title" LIMIT 50`;
}

/**
 * The chosen document's sections in reading order, each with its claims. A draft's are left out: its claims are not
 * in the table yet, and its headings are for reviewers, not for whoever types its id into the URL.
 */
function sectionsSql(source: ClaimsSource, query: ResolvedClaimsQuery): Sql {
  return sql`SELECT s."id"::text AS "value", s."heading" AS "label", COALESCE(counts."count", 0)::int AS "count"
    FROM "Section" s
    JOIN "Document" d ON d."id" = s."documentId" AND d."state" = 'PUBLISHED'
    LEFT JOIN (SELECT c."sectionId", count(*)::int AS "count" FROM ${source.from} GROUP BY 1) counts
      ON counts."sectionId" = s."id"
    WHERE s."documentId" = ${query.documentId}
    ORDER BY s."order"`;
}

/** Claims per assignee: the viewer as "me", the unassigned as "none", everyone else by id with their name. */
function assigneesSql(source: ClaimsSource, query: ResolvedClaimsQuery): Sql {
  return sql`SELECT CASE WHEN counts."assigneeId" IS NULL THEN 'none'
        WHEN counts."assigneeId" = ${query.viewerId}::int THEN 'me'
        ELSE counts."assigneeId"::text END AS "value",
      COALESCE(u."name", 'User ' || counts."assigneeId") AS "label", counts."count"
    FROM (SELECT c."assigneeId", count(*)::int AS "count" FROM ${source.from} GROUP BY 1) counts
    LEFT JOIN "User" u ON u."id" = counts."assigneeId"
    ORDER BY counts."assigneeId" IS NOT NULL, counts."count" DESC, u."name"`;
}

/**
 * Claims with and without a note. Under no filter, the notes alone answer (the claims they are on, and every other
 * claim), rather than a probe for each claim.
 */
function notesSql(source: ClaimsSource): Sql {
  if (source.all) {
    return sql`SELECT v."value", v."count"
      FROM (SELECT count(DISTINCT a."claimId")::int AS "noted" FROM "Annotation" a WHERE a."deletedAt" IS NULL) n
      CROSS JOIN (${allClaimsCountSql()}) t
      CROSS JOIN LATERAL (VALUES ('yes', n."noted"), ('no', t."total" - n."noted")) AS v("value", "count")`;
  }
  return sql`SELECT CASE WHEN ${HAS_NOTES} THEN 'yes' ELSE 'no' END AS "value", count(*)::int AS "count"
    FROM ${source.from} GROUP BY 1`;
}

const TOTAL = "total";
const COLUMNS = "columns" as const;
const extraName = (name: string) => `extra:${name}`;

/** `statement`'s rows as one JSON array, in a column named after what it answers. */
function answer(name: string, statement: Sql): Sql {
  return sql`(SELECT COALESCE(json_agg(f), '[]') FROM (${statement}) f) AS ${raw(`"${name}"`)}`;
}

/** A part of the facets' read: the statement of a facet (or of the column facets together) over its source. */
interface FacetPart {
  /** The filter whose menu it counts, or all column facets. */
  name: ClaimsFilterKey | typeof COLUMNS;
  /** The filters its counts ignore. */
  ignores: readonly ClaimsFilterKey[];
  alone: boolean;
  sql: (source: ClaimsSource) => Sql;
}

function facetParts(query: ResolvedClaimsQuery): FacetPart[] {
  return [
    {
      name: COLUMNS,
      ignores: COLUMN_FACETS.map(([key]) => key),
      alone: false,
      sql: columnGroupsSql,
    },
    ...ROWS_FACETS.filter(([, facet]) => facet.offered?.(query) ?? true).map(([key, facet]) => ({
      name: key,
      ignores: facet.ignores ?? [key],
      alone: facet.alone ?? false,
      sql: (source: ClaimsSource) => facet.rows(source, query),
    })),
  ];
}

/** A statement of the facets' read: one row, with a column for each of `answers`. */
export interface FacetStatement {
  answers: string[];
  sql: Sql;
}

/**
 * The statements behind the facets offered for the query, the total and `extras` (aggregates that count under every
 * filter, such as the Overview's charts), to run side by side. Each answers one row whose columns are named after what
 * they hold; readClaimFacets reads them. With any filter in force, one statement reads the claims passing every filter
 * once, and counts from them the total, each extra and each facet whose ignored filters are not in force: a large
 * sector's claims are read once for all of those rather than once each.
 */
export function claimFacetStatements(
  query: ResolvedClaimsQuery,
  extras: Record<string, ClaimsAggregate> = {},
): FacetStatement[] {
  const active = CLAIMS_FILTER_KEYS.filter((key) => isFilterSet(query, key));
  const filtered = Boolean(query.q) || active.length > 0;
  const parts = facetParts(query);
  const shared = filtered
    ? parts.filter((part) => !part.alone && !part.ignores.some((key) => active.includes(key)))
    : [];
  const separate = parts
    .filter((part) => !shared.includes(part))
    .map((part) => ({
      answers: [part.name],
      sql: sql`SELECT ${answer(part.name, part.sql(claimsSource(query, part.ignores)))}`,
    }));
  if (!filtered) {
    return [
      ...separate,
      ...Object.entries(extras).map(([name, aggregate]) => ({
        answers: [extraName(name)],
        sql: sql`SELECT ${answer(extraName(name), aggregate(tableSource([])))}`,
      })),
      { answers: [TOTAL], sql: sql`SELECT (${claimsCountSql(query)}) AS ${raw(`"${TOTAL}"`)}` },
    ];
  }
  const columns: [string, Sql][] = [
    [TOTAL, sql`(SELECT count(*)::int FROM "matching") AS ${raw(`"${TOTAL}"`)}`],
    ...shared.map((part): [string, Sql] => [part.name, answer(part.name, part.sql(MATCHING))]),
    ...Object.entries(extras).map(([name, aggregate]): [string, Sql] => [
      extraName(name),
      answer(extraName(name), aggregate(MATCHING)),
    ]),
  ];
  return [
    {
      answers: columns.map(([name]) => name),
      sql: sql`WITH "matching" AS MATERIALIZED (SELECT ${MATCHING_COLUMNS} FROM "Claim" c ${claimsWhereSql(query)})
        SELECT ${join(
          columns.map(([, column]) => column),
          ", ",
        )}`,
    },
    ...separate,
  ];
}

export interface ClaimFacets {
  /** Claims passing every filter. */
  total: number;
  /** The options of each filter's menu offered for the query, each counted under every filter but its own. */
  options: Partial<Record<ClaimsFilterKey, FacetOption[]>>;
  /** How many entities the matching claims name. */
  entitiesNamed: number;
  /** The rows of each extra aggregate asked for, by name. */
  extras: Record<string, unknown[]>;
}

/** The facets from the rows claimFacetStatements' statements answered, one row each, merged. */
export function readClaimFacets(
  query: ResolvedClaimsQuery,
  extras: readonly string[],
  answers: Record<string, unknown>,
): ClaimFacets {
  // The statements above wrote each column; a missing one is a bug in them, not an empty facet.
  const take = <T>(name: string): T => {
    if (!(name in answers)) throw new Error(`No facet statement answered "${name}"`);
    return answers[name] as T;
  };
  const groups = take<ColumnGroup[]>(COLUMNS);
  const options: ClaimFacets["options"] = {};
  for (const [key] of COLUMN_FACETS) options[key] = withLabels(key, columnCounts(key, groups, query));
  for (const part of facetParts(query)) {
    if (part.name !== COLUMNS) options[part.name] = withLabels(part.name, take(part.name));
  }
  return {
    total: take<number>(TOTAL),
    options,
    entitiesNamed: take<(FacetRow & { named?: number })[]>("entities")[0]?.named ?? 0,
    extras: Object.fromEntries(extras.map((name) => [name, take<unknown[]>(extraName(name))])),
  };
}

/** A column facet counts the groups that pass every other column facet's filter (never its own). */
function columnCounts(key: ClaimsFilterKey, groups: ColumnGroup[], query: ClaimsFilters): FacetRow[] {
  const counts = new Map<string, number>();
  for (const group of groups) {
    const value = group.values[key];
    const passesOthers = COLUMN_FACETS.every(([other]) => {
      const allowed = filterValues(query, other);
      return other === key || !allowed.length || allowed.includes(group.values[other] ?? "");
    });
    if (value !== undefined && passesOthers) counts.set(value, (counts.get(value) ?? 0) + group.count);
  }
  return [...counts].map(([value, count]) => ({ value, count }));
}

/** Options known without the database come first, each listed even with no claim (0); the rows' others follow. */
function withLabels(key: ClaimsFilterKey, rows: FacetRow[]): FacetOption[] {
  const known = CLAIMS_FILTERS[key].options ?? [];
  const countOf = (value: string) => rows.find((row) => row.value === value)?.count ?? 0;
  return [
    ...known.map(({ value, label, description }) => ({ value, label, description, count: countOf(value) })),
    ...rows
      .filter((row) => !known.some((option) => option.value === row.value))
      .map(({ value, label, description, count }) => ({
        value,
        label: label ?? value,
        description: description ?? undefined,
        count,
      })),
  ];
}

/** A facet's counts by value, as the Overview's charts read them. */
export function facetCounts(facets: ClaimFacets, key: ClaimsFilterKey): Record<string, number> {
  return Object.fromEntries((facets.options[key] ?? []).map((option) => [option.value, option.count]));
}
