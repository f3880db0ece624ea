// What a record page's layout and metadata need of the record its URL names: whether there is one (else a 404) and
// the name its tab shows. Link prefetches render both, for every record link in view, so this is one indexed read
// of one column rather than the page's own read. A document's depends on who asks (drafts): getDocumentTitle.
import "server-only";
import { getDb } from "@/lib/db";
import { Prisma as PrismaSql } from "@/lib/generated/prisma/client.ts";
import { queryRows, type Prisma } from "@/lib/prisma-client";

const TITLES = {
  claim: { table: "Claim", column: "text" },
  entity: { table: "Entity", column: "name" },
  source: { table: "Source", column: "title" },
} as const;

export type RecordKind = keyof typeof TITLES;

/** The record's title (a claim's text), or null when there is no record `id`. */
export async function recordTitle(
  kind: RecordKind,
  id: number,
  db: Prisma = getDb(),
): Promise<string | null> {
  const { table, column } = TITLES[kind];
  const [row] = await queryRows<{ title: string }>(
    db,
    PrismaSql.sql`SELECT ${PrismaSql.raw(`"${column}"`)} AS "title" FROM ${PrismaSql.raw(`"${table}"`)} WHERE "id" = ${id}`,
  );
  return row?.title ?? null;
}

export async function sectorTitle(slug: string, db: Prisma = getDb()): Promise<string | null> {
  const [row] = await queryRows<{ name: string }>(
    db,
    PrismaSql.sql`SELECT "name" FROM "Sector" WHERE "slug" = ${slug}`,
  );
  return row?.name ?? null;
}
