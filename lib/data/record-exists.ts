// Whether a record page's URL names a record: the check its layout makes before anything streams, which every
// prefetch of a link to the page makes too, so a single primary-key (or unique slug) probe rather than the page's read.
import "server-only";
import { getDb } from "@/lib/db";
import { queryRows, type Prisma } from "@/lib/prisma-client";
import { Prisma as PrismaSql } from "@/lib/generated/prisma/client.ts";

const TABLES = { claim: "Claim", document: "Document", entity: "Entity", source: "Source" } as const;

export type RecordKind = keyof typeof TABLES;

export async function recordExists(kind: RecordKind, id: number, db: Prisma = getDb()): Promise<boolean> {
  const table = PrismaSql.raw(`"${TABLES[kind]}"`);
  const rows = await queryRows<{ id: number }>(
    db,
    PrismaSql.sql`SELECT "id" FROM ${table} WHERE "id" = ${id}`,
  );
  return rows.length > 0;
}

export async function sectorExists(slug: string, db: Prisma = getDb()): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    PrismaSql.sql`SELECT "id" FROM "Sector" WHERE "slug" = ${slug}`,
  );
  return rows.length > 0;
}
