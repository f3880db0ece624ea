// The statements the claims table runs for one query, straight from the shared builder (lib/queries/claims-sql.ts),
// side by side or one after the other as lib/data/claims.ts runs them, each a single statement on a pool whose
// connections carry the app's session settings. Timing them raw gives the denominator of the "page time / SQL
// time" overhead ratio, and EXPLAIN shows which indexes they use.

import type pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import {
  allClaimsCountSql,
  claimFacetStatements,
  claimRowsSql,
  claimsCountSql,
  resolveNamesSql,
  toClaimsFilter,
  type ClaimsFilter,
  type FacetName,
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

/** The page's "of 100,000" beside a filtered count: every claim. */
export async function runAllClaimsCount(db: Queryable): Promise<void> {
  await run(db, allClaimsCountSql());
}

/**
 * getClaims: the page's rows (with highlights when searching) beside the count, for the API; the page has its total
 * from the facets.
 */
export async function runClaimsList(
  db: Queryable,
  filter: ClaimsFilter,
  { count }: { count: boolean },
): Promise<void> {
  await Promise.all([count ? run(db, claimsCountSql(filter)) : null, run(db, claimRowsSql(filter))]);
}

/** getClaimFacets for someone signed out: every statement of facetStatements at once. */
export async function runClaimsFacets(pool: pg.Pool, filter: ClaimsFilter): Promise<void> {
  await Promise.all(facetStatements(filter).map(({ sql }) => run(pool, sql)));
}

/** Every statement of both reads, for EXPLAIN. */
export function claimsStatements(filter: ClaimsFilter): LabelledStatement[] {
  return [
    { label: "names", sql: resolveNamesSql(filter) },
    { label: "count (API)", sql: claimsCountSql(filter) },
    { label: "rows", sql: claimRowsSql(filter) },
    ...facetStatements(filter),
  ];
}

/** The facets of the page for someone signed out (no assignee facet), as getClaimFacets builds them. */
function facetStatements(filter: ClaimsFilter): LabelledStatement[] {
  const wanted: FacetName[] = ["columns", "sectors", "entities", "documents"];
  if (filter.documentId !== null) wanted.push("sections");
  const { matching, separate } = claimFacetStatements(filter, wanted);
  return [
    ...(matching ? [{ label: `facets: total, ${matching.facets.join(", ")}`, sql: matching.sql }] : []),
    ...Object.entries(separate).map(([name, sql]) => ({ label: `facets: ${name}`, sql })),
  ];
}

async function run<Row extends pg.QueryResultRow = pg.QueryResultRow>(
  db: Queryable,
  sql: Prisma.Sql,
): Promise<Row[]> {
  return (await db.query<Row>(sql.text, sql.values as unknown[])).rows;
}
