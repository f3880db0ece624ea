// Figures for the overview page: totals across the whole database.
import "server-only";
import { connection } from "next/server";
import { getDb } from "@/lib/db";

export type OverviewFigures = {
  claims: number;
  entities: number;
  sources: number;
  documents: number;
  claimsMissingCitation: number;
};

export type SectorClaimCount = {
  id: number;
  slug: string;
  name: string;
  claims: number;
};

export async function getOverviewFigures(): Promise<OverviewFigures> {
  // Counts change with every import, so they are read per request and never prerendered at build time.
  await connection();
  const db = getDb();
  const [claims, entities, sources, documents, claimsMissingCitation] = await db.$transaction([
    db.claim.count(),
    db.entity.count(),
    db.source.count(),
    db.document.count(),
    db.claim.count({ where: { citationMissing: true } }),
  ]);
  return { claims, entities, sources, documents, claimsMissingCitation };
}

/** Every sector in display order, including those no claim belongs to yet. */
export async function getClaimsPerSector(): Promise<SectorClaimCount[]> {
  await connection();
  const sectors = await getDb().sector.findMany({
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, slug: true, name: true, _count: { select: { claims: true } } },
  });
  return sectors.map(({ _count, ...sector }) => ({ ...sector, claims: _count.claims }));
}
