// The aggregates behind the Overview's charts and the small charts of the entity and sector pages. Every statement
// filters through the claims table's WHERE builder, so a chart counts exactly the claims its drill-down link shows.
// Pure (no database access), so the bench can EXPLAIN the same statements.

import { Prisma } from "@/lib/generated/prisma/client.ts";
import {
  claimsWhereSql,
  type ClaimsSource,
  type ResolvedClaimsQuery,
  type Sql,
} from "@/lib/queries/claims-sql";
import { hasFilters } from "@/lib/validations/claims";

const { sql, join, empty } = Prisma;

/** A claim has a source when any is linked to it, whatever the relation (the table's "Has sources"). */
const HAS_SOURCE = sql`c."sourceCount" > 0`;

/**
 * `AND <column> IN (ids of the matching claims)` for statements that start from a link table, or nothing when no
 * filter narrows the claims: a semi-join with every claim would only cost time.
 */
function restrictTo(column: Sql, query: ResolvedClaimsQuery): Sql {
  return hasFilters(query)
    ? sql`AND ${column} IN (SELECT c."id" FROM "Claim" c ${claimsWhereSql(query)})`
    : empty;
}

/**
 * How many sources and documents the claims draw on (the Overview's figures; the entity facet counts the entities).
 * Of all claims, an index probe per source or document answers.
 */
export function reachSql(source: ClaimsSource): Sql {
  if (source.all) {
    return sql`SELECT
      (SELECT count(*)::int FROM "Source" s WHERE EXISTS (SELECT 1 FROM "ClaimSource" cs WHERE cs."sourceId" = s."id")) AS "sources",
        (SELECT count(*)::int FROM "Document" d WHERE EXISTS (SELECT 1 FROM "Claim" c WHERE c."documentId" = d."id")) AS "documents"`;
  }
  return sql`SELECT
    (SELECT count(*)::int FROM (SELECT DISTINCT cs."sourceId" FROM "ClaimSource" cs
      JOIN (SELECT c."id", c."sourceCount" FROM ${source.from}) m ON m."id" = cs."claimId" AND m."sourceCount" > 0) s) AS "sources",
    (SELECT count(*)::int FROM (SELECT DISTINCT c."documentId" FROM ${source.from}) d) AS "documents"`;
}

/**
 * Matching claims per sector, split by verdict and by sourcing, ignoring the sector filter: a bar's link replaces
 * the sector filter with its own sector, which the table reads as "any of", so the bar must count that set.
 * `source` is the claims under every other filter. Under none, the tally the triggers keep answers, instead of
 * grouping every claim. Otherwise claims are grouped by their whole set of sectors first (a few hundred distinct
 * sets) and only the groups are unnested, which is faster than unnesting each claim's sectors (docs/measurements.md).
 */
export function sectorBreakdownSql(source: ClaimsSource): Sql {
  if (source.all) {
    return sql`SELECT t."sectorId", NULLIF(t."verdict", 'none') AS "verdict", t."citationMissing", t."hasSources",
        t."claims" AS "count"
      FROM "SectorTally" t WHERE t."claims" > 0`;
  }
  return sql`SELECT s."sectorId", g."verdict"::text AS "verdict", g."citationMissing", g."hasSources",
      sum(g."count")::int AS "count"
    FROM (SELECT c."sectorIds", c."verdict", c."citationMissing", ${HAS_SOURCE} AS "hasSources", count(*) AS "count"
      FROM ${source.from}
      GROUP BY c."sectorIds", c."verdict", c."citationMissing", 4) g
    CROSS JOIN LATERAL unnest(g."sectorIds") AS s("sectorId")
    GROUP BY s."sectorId", g."verdict", g."citationMissing", g."hasSources"`;
}

export function sectorsSql(): Sql {
  return sql`SELECT "id", "slug", "name" FROM "Sector" ORDER BY "position", "id"`;
}

/** Matching claims per verdict ("none" = not rated yet), ignoring the verdict filter as the table's facet does. */
export function verdictCountsSql(query: ResolvedClaimsQuery): Sql {
  return sql`SELECT COALESCE(c."verdict"::text, 'none') AS "verdict", count(*)::int AS "count"
    FROM "Claim" c ${claimsWhereSql(query, ["verdicts"])}
    GROUP BY c."verdict"`;
}

/**
 * The entities named by the most matching claims, leaving out those already filtered on (every matching claim
 * names them). Entity filters add up ("names A and B"), so a bar's link adds its entity to the filter.
 */
export function topEntitiesSql(query: ResolvedClaimsQuery, limit: number): Sql {
  const selected = query.entities.length ? sql`WHERE e."slug" NOT IN (${join(query.entities)})` : empty;
  return sql`SELECT e."slug", e."name", n."claims"
    FROM (SELECT ce."entityId", count(*)::int AS "claims" FROM "ClaimEntity" ce
          WHERE true ${restrictTo(sql`ce."claimId"`, query)}
          GROUP BY ce."entityId") n
    JOIN "Entity" e ON e."id" = n."entityId"
    ${selected}
    ORDER BY n."claims" DESC, e."name", e."id"
    LIMIT ${limit}`;
}

/** Matching claims naming both entities of each pair among `slugs` (each pair once). */
export function coMentionsSql(query: ResolvedClaimsQuery, slugs: string[]): Sql {
  return sql`WITH e AS (SELECT "id", "slug" FROM "Entity" WHERE "slug" IN (${join(slugs)}))
    SELECT ea."slug" AS "a", eb."slug" AS "b", count(*)::int AS "claims"
    FROM "ClaimEntity" a JOIN "ClaimEntity" b ON b."claimId" = a."claimId" AND b."entityId" > a."entityId"
    JOIN e ea ON ea."id" = a."entityId" JOIN e eb ON eb."id" = b."entityId"
    WHERE true ${restrictTo(sql`a."claimId"`, query)}
    GROUP BY ea."slug", eb."slug"`;
}

/**
 * Sourcing of the matching claims in the sections holding most of them, in reading order. The three shares
 * exclude each other: sourced, else citation lost, else neither.
 */
export function sectionCoverageSql(source: ClaimsSource, limit: number): Sql {
  // Grouped by plain columns first, so the source lookup runs once per claim and the groups hash.
  return sql`WITH g AS (
      SELECT c."sectionId", c."citationMissing", ${HAS_SOURCE} AS "sourced", count(*)::int AS "count"
      FROM ${source.from}
      GROUP BY c."sectionId", c."citationMissing", 3
    ), bySection AS (
      SELECT g."sectionId",
        COALESCE(sum(g."count") FILTER (WHERE g."sourced"), 0)::int AS "sourced",
        COALESCE(sum(g."count") FILTER (WHERE NOT g."sourced" AND g."citationMissing"), 0)::int AS "lost",
        COALESCE(sum(g."count") FILTER (WHERE NOT g."sourced" AND NOT g."citationMissing"), 0)::int AS "unsourced",
        sum(g."count") AS "total"
      FROM g GROUP BY g."sectionId"
    ), top AS (SELECT * FROM bySection ORDER BY "total" DESC, "sectionId" LIMIT ${limit})
    SELECT s."id", s."heading", s."documentId", d."title" AS "documentTitle",
      top."sourced", top."lost", top."unsourced", (SELECT count(*)::int FROM bySection) AS "sections"
    FROM top JOIN "Section" s ON s."id" = top."sectionId" JOIN "Document" d ON d."id" = s."documentId"
    ORDER BY s."documentId", s."order"`;
}

/**
 * The time a claim's review moved. Until review events are recorded, a claim's last change stands in for it: an
 * import stamps every claim alike, and only reviewers change a claim afterwards. Once review events exist, join
 * them here instead (one row per claim and status change, with its time) and point the table's updated_week
 * filter at the same events; the weekly grouping and the links stay as they are.
 */
const REVIEW_TIME = sql`c."updatedAt"`;

/** Matching claims a reviewer has touched (in review or reviewed), by week of the change and status. */
export function reviewTimelineSql(source: ClaimsSource): Sql {
  // Formatted after grouping: to_char on each of 28k claims cost more than the grouping itself.
  return sql`SELECT to_char(g."week", 'YYYY-MM-DD') AS "week", g."status"::text AS "status", g."count"
    FROM (SELECT date_trunc('week', r."time") AS "week", r."status", count(*)::int AS "count"
      FROM (SELECT ${REVIEW_TIME} AS "time", c."status" FROM ${source.from}) r
      WHERE r."status" IN ('IN_REVIEW', 'REVIEWED')
      GROUP BY 1, 2) g
    ORDER BY g."week", g."status"`;
}
