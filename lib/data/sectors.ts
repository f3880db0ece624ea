// Reads of sectors: the index of every sector with its claims counted by sourcing and verdict, and the one a sector
// page shows.
import "server-only";
import { getDb } from "@/lib/db";
import { Prisma as PrismaSql } from "@/lib/generated/prisma/client.ts";
import { DISPUTED_VERDICTS, SUPPORTED_VERDICTS } from "@/lib/domain/options";
import { queryRows, type Prisma } from "@/lib/prisma-client";

export interface SectorProfile {
  id: number;
  slug: string;
  name: string;
  description: string;
  claims: number;
}

/**
 * What the index counts of each sector's claims. Supported, disputed and unrated do not add up to the claims: mixed,
 * unverifiable and opinion verdicts are in none of them (the Overview's figures count them the same way).
 */
export const SECTOR_FIGURES = [
  "claims",
  "citationMissing",
  "sourced",
  "supported",
  "disputed",
  "unrated",
] as const;
export type SectorFigure = (typeof SECTOR_FIGURES)[number];

export type SectorSummary = {
  id: number;
  slug: string;
  name: string;
  description: string;
} & Record<SectorFigure, number>;

/**
 * Every sector in display order, those without claims included. The counts come from what the triggers keep per
 * sector (Sector.claimCount, SectorTally), so the index reads a few rows per sector whatever the number of claims.
 * Figures that would need a pass over the claims themselves (reviewed status, entities named) are left to the sector's
 * own page and the claims table.
 */
export async function getSectors(db: Prisma = getDb()): Promise<SectorSummary[]> {
  const count = (condition: PrismaSql.Sql) =>
    PrismaSql.sql`COALESCE(sum(t."claims") FILTER (WHERE ${condition}), 0)::int`;
  return queryRows<SectorSummary>(
    db,
    PrismaSql.sql`SELECT s."id", s."slug", s."name", s."description", s."claimCount" AS "claims",
        ${count(PrismaSql.sql`t."citationMissing"`)} AS "citationMissing",
        ${count(PrismaSql.sql`t."hasSources"`)} AS "sourced",
        ${count(PrismaSql.sql`t."verdict" = ANY(${SUPPORTED_VERDICTS}::text[])`)} AS "supported",
        ${count(PrismaSql.sql`t."verdict" = ANY(${DISPUTED_VERDICTS}::text[])`)} AS "disputed",
        ${count(PrismaSql.sql`t."verdict" = 'none'`)} AS "unrated"
      FROM "Sector" s LEFT JOIN "SectorTally" t ON t."sectorId" = s."id"
      GROUP BY s."id"
      ORDER BY s."position", s."id"`,
  );
}

export async function getSectorBySlug(slug: string, db: Prisma = getDb()): Promise<SectorProfile | null> {
  const sector = await db.sector.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, description: true, claimCount: true },
  });
  if (!sector) return null;
  const { claimCount, ...rest } = sector;
  return { ...rest, claims: claimCount };
}
