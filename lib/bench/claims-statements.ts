// The statements the claims table runs for one query, straight from the shared builder (lib/queries/claims-sql.ts),
// side by side or one after the other as lib/data/claims.ts runs them, each a single statement on a pool whose
// connections carry the app's session settings. Timing them raw gives the denominator of the "page time / SQL
// time" overhead ratio, and EXPLAIN shows which indexes they use.

import type pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import {
  claimRowsSql,
  claimsCountSql,
  claimsPageSql,
  columnFacetGroupsSql,
  documentFacetSql,
  entityFacetSql,
  resolveNamesSql,
  sectionFacetSql,
  sectorFacetSql,
  toClaimsFilter,
  type ClaimsFilter,
  type ResolvedNames,
} from "@/lib/queries/claims-sql";
import type { ClaimsQuery } from "@/lib/validations/claims";

export interface LabelledStatement {
  label: string;
  sql: Prisma.Sql;
}

type Queryable = pg.Pool | pg.ClientBase;

/** resolveClaimsFilter: the query's names as ids, once for the list and the facets of a page. */
export async function resolveFilter(db: Queryable, query: ClaimsQuery): Promise<ClaimsFilter> {
  const [names] = await run<ResolvedNames>(db, resolveNamesSql(query));
  return toClaimsFilter(query, names!);
}

/** getClaims: the count beside the page of ids, then that page's rows (with highlights when searching). */
export async function runClaimsList(db: Queryable, filter: ClaimsFilter): Promise<number[]> {
  const [, idRows] = await Promise.all([
    run(db, claimsCountSql(filter)),
    run<{ id: number }>(db, claimsPageSql(filter)),
  ]);
  const ids = idRows.map((row) => row.id);
  if (ids.length > 0) await run(db, claimRowsSql(filter, ids));
  return ids;
}

/** getClaimFacets: the column groups and the sector, entity, document (and section) facets, all at once. */
export async function runClaimsFacets(pool: pg.Pool, filter: ClaimsFilter): Promise<void> {
  await Promise.all(facetStatements(filter).map(({ sql }) => run(pool, sql)));
}

/** Every statement of both reads, for EXPLAIN; `pageIds` are the ids the page query returned (for its rows). */
export function claimsStatements(filter: ClaimsFilter, pageIds: number[]): LabelledStatement[] {
  return [
    { label: "names", sql: resolveNamesSql(filter) },
    { label: "count", sql: claimsCountSql(filter) },
    { label: "page", sql: claimsPageSql(filter) },
    ...(pageIds.length > 0 ? [{ label: "rows", sql: claimRowsSql(filter, pageIds) }] : []),
    ...facetStatements(filter),
  ];
}

function facetStatements(filter: ClaimsFilter): LabelledStatement[] {
  return [
    { label: "facets: columns", sql: columnFacetGroupsSql(filter) },
    { label: "facets: sectors", sql: sectorFacetSql(filter) },
    { label: "facets: entities", sql: entityFacetSql(filter) },
    { label: "facets: documents", sql: documentFacetSql(filter) },
    ...(filter.documentId === null
      ? []
      : [{ label: "facets: sections", sql: sectionFacetSql({ ...filter, documentId: filter.documentId }) }]),
  ];
}

async function run<Row extends pg.QueryResultRow = pg.QueryResultRow>(
  db: Queryable,
  sql: Prisma.Sql,
): Promise<Row[]> {
  return (await db.query<Row>(sql.text, sql.values as unknown[])).rows;
}
