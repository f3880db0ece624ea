// Reads of sectors: the one a sector page shows, with how many claims it holds.
import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/prisma-client";

export interface SectorProfile {
  id: number;
  slug: string;
  name: string;
  description: string;
  claims: number;
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
