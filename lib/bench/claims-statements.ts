// The statements the claims table runs for one query, straight from the shared builder (lib/queries/claims-sql.ts),
// in the order and transactions lib/data/claims.ts runs them. Timing them raw gives the denominator of the
// "page time / SQL time" overhead ratio, and EXPLAIN shows which indexes they use.

import type pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import {
  QUERY_SETTINGS_SQL,
  claimsCountSql,
  claimsPageSql,
  columnFacetGroupsSql,
  documentFacetSql,
  entityFacetSql,
  highlightsSql,
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

/** resolveClaimsFilter: the query's names as ids, once for the list and the facets of a page. */
export async function resolveFilter(client: pg.ClientBase, query: ClaimsQuery): Promise<ClaimsFilter> {
  const [names] = await inTransaction(client, () => run<ResolvedNames>(client, resolveNamesSql(query)));
  return toClaimsFilter(query, names!);
}

/**
 * getClaims: count, page of ids, and highlights when searching, in one transaction. Its final Prisma findMany of one
 * page of rows by primary key is not part of the builder and is left out, so the ratio slightly overstates the app's
 * overhead.
 */
export async function runClaimsList(client: pg.ClientBase, filter: ClaimsFilter): Promise<number[]> {
  return inTransaction(client, async () => {
    await run(client, claimsCountSql(filter));
    const ids = (await run<{ id: number }>(client, claimsPageSql(filter))).map((row) => row.id);
    if (filter.q && ids.length > 0) await run(client, highlightsSql(filter, ids));
    return ids;
  });
}

/**
 * getClaimFacets: the column groups and the sector, entity, document (and section) facets, each in its own
 * transaction and all at once on the pool, as the app runs them.
 */
export async function runClaimsFacets(pool: pg.Pool, filter: ClaimsFilter): Promise<void> {
  await Promise.all(
    facetStatements(filter).map(async ({ sql }) => {
      const client = await pool.connect();
      try {
        await inTransaction(client, () => run(client, sql));
        client.release();
      } catch (error) {
        // A client that failed mid-transaction is discarded rather than handed out again.
        client.release(error instanceof Error ? error : true);
        throw error;
      }
    }),
  );
}

/** Every statement of both reads, for EXPLAIN; `pageIds` are the ids the page query returned (for highlights). */
export function claimsStatements(filter: ClaimsFilter, pageIds: number[]): LabelledStatement[] {
  return [
    { label: "names", sql: resolveNamesSql(filter) },
    { label: "count", sql: claimsCountSql(filter) },
    { label: "page", sql: claimsPageSql(filter) },
    ...(filter.q && pageIds.length > 0 ? [{ label: "highlights", sql: highlightsSql(filter, pageIds) }] : []),
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

/** Runs `work` in a transaction with the session settings every claims statement runs under (JIT, trigrams). */
export async function inTransaction<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    await run(client, QUERY_SETTINGS_SQL);
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {
      // The connection is broken; the server has rolled back.
    });
    throw error;
  }
}

async function run<Row extends pg.QueryResultRow = pg.QueryResultRow>(
  client: pg.ClientBase,
  sql: Prisma.Sql,
): Promise<Row[]> {
  return (await client.query<Row>(sql.text, sql.values as unknown[])).rows;
}
