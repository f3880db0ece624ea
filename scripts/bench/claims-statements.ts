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
  toResolvedQuery,
  type ResolvedClaimsQuery,
  type ResolvedNames,
} from "@/lib/queries/claims-sql";
import type { ClaimsQuery } from "@/lib/validations/claims";

export interface LabelledStatement {
  label: string;
  sql: Prisma.Sql;
}

type Queryable = pg.Pool | pg.ClientBase;

/** resolveClaimsQuery: the query's names as ids, once for the list and the facets of a page. */
export async function resolveQuery(db: Queryable, query: ClaimsQuery): Promise<ResolvedClaimsQuery> {
  const [names] = await run<ResolvedNames>(db, resolveNamesSql(query));
  return toResolvedQuery(query, names!);
}

/** The page's "of 100,000" beside a filtered count: every claim. */
export async function runAllClaimsCount(db: Queryable): Promise<void> {
  await run(db, allClaimsCountSql());
}

/**
 * getClaims (the API): the page's rows (with highlights when searching) beside the count; getClaimRows (the page),
 * which has its total from the facets, without it.
 */
export async function runClaimsList(
  db: Queryable,
  query: ResolvedClaimsQuery,
  { count }: { count: boolean },
): Promise<void> {
  await Promise.all([count ? run(db, claimsCountSql(query)) : null, run(db, claimRowsSql(query))]);
}

/** getClaimFacets for someone signed out (no assignee facet): every statement at once. */
export async function runClaimsFacets(pool: pg.Pool, query: ResolvedClaimsQuery): Promise<void> {
  await Promise.all(claimFacetStatements(query).map(({ sql }) => run(pool, sql)));
}

/** Every statement of both reads, for EXPLAIN. */
export function claimsStatements(query: ResolvedClaimsQuery): LabelledStatement[] {
  return [
    { label: "names", sql: resolveNamesSql(query) },
    { label: "count (API)", sql: claimsCountSql(query) },
    { label: "rows", sql: claimRowsSql(query) },
    ...claimFacetStatements(query).map(({ answers, sql }) => ({
      label: `facets: ${answers.join(", ")}`,
      sql,
    })),
  ];
}

async function run<Row extends pg.QueryResultRow = pg.QueryResultRow>(
  db: Queryable,
  sql: Prisma.Sql,
): Promise<Row[]> {
  return (await db.query<Row>(sql.text, sql.values as unknown[])).rows;
}
