// The claims table carries copies of its links (sectorIds, entityIds, sourceCount, quantityCount) that the filters
// and facet counts read, and sectors and entities carry their claim counts (the unfiltered facets); triggers keep
// them. If they drifted, the table would filter and count wrongly.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/prisma-client";
import { withPgClient } from "@/tests/helpers/db";
import { freshSeededDatabase } from "@/tests/helpers/seeded-database";

let prisma: Prisma;
beforeAll(async () => {
  prisma = await freshSeededDatabase();
});
afterAll(async () => {
  await prisma?.$disconnect();
});

/** Claims whose summaries differ from what their link tables say now. */
async function driftedClaims(): Promise<number[]> {
  return withPgClient(async (client) => {
    const { rows } = await client.query<{ id: number }>(`
      SELECT c."id" FROM "Claim" c
      WHERE c."sectorIds" IS DISTINCT FROM COALESCE(
          (SELECT array_agg(cs."sectorId" ORDER BY cs."sectorId") FROM "ClaimSector" cs WHERE cs."claimId" = c."id"), '{}')
        OR c."entityIds" IS DISTINCT FROM COALESCE(
          (SELECT array_agg(ce."entityId" ORDER BY ce."entityId") FROM "ClaimEntity" ce WHERE ce."claimId" = c."id"), '{}')
        OR c."sourceCount" <> (SELECT count(*) FROM "ClaimSource" s WHERE s."claimId" = c."id")
        OR c."quantityCount" <> (SELECT count(*) FROM "Quantity" q WHERE q."claimId" = c."id")
      ORDER BY 1`);
    return rows.map((row) => row.id);
  });
}

/**
 * Sectors and entities whose claimCount differs from their links, as "Sector 3" or "Entity 12", documents whose
 * claimCount differs from their claims ("Document 1"), and sector tallies that differ from a recount of the claims,
 * as "SectorTally 3 SUPPORTED".
 */
async function driftedCounts(): Promise<string[]> {
  return withPgClient(async (client) => {
    const { rows } = await client.query<{ row: string }>(`
      SELECT 'Sector ' || s."id" AS "row" FROM "Sector" s
      WHERE s."claimCount" <> (SELECT count(*) FROM "ClaimSector" cs WHERE cs."sectorId" = s."id")
      UNION ALL
      SELECT 'Entity ' || e."id" FROM "Entity" e
      WHERE e."claimCount" <> (SELECT count(*) FROM "ClaimEntity" ce WHERE ce."entityId" = e."id")
      UNION ALL
      SELECT 'Document ' || d."id" FROM "Document" d
      WHERE d."claimCount" <> (SELECT count(*) FROM "Claim" c WHERE c."documentId" = d."id")
      UNION ALL
      SELECT 'SectorTally ' || coalesce(t."sectorId", r."sectorId") || ' ' || coalesce(t."verdict", r."verdict")
      FROM (SELECT * FROM "SectorTally" WHERE "claims" <> 0) t
      FULL JOIN (
        SELECT s."sectorId", COALESCE(c."verdict"::text, 'none') AS "verdict", c."citationMissing",
          c."sourceCount" > 0 AS "hasSources", count(*)::int AS "claims"
        FROM "Claim" c CROSS JOIN LATERAL unnest(c."sectorIds") AS s("sectorId")
        GROUP BY 1, 2, 3, 4
      ) r USING ("sectorId", "verdict", "citationMissing", "hasSources")
      WHERE t."claims" IS DISTINCT FROM r."claims"
      ORDER BY 1`);
    return rows.map((row) => row.row);
  });
}

/**
 * Runs `work` in two transactions at once, the second started while the first is still open and committed after it:
 * the second's trigger waits for a row lock the first's holds, then runs in a snapshot taken before the first
 * committed. The pause lets the second reach that lock.
 */
async function interleaved(work: (client: pg.Client, turn: 0 | 1) => Promise<void>): Promise<void> {
  await withPgClient((first) =>
    withPgClient(async (second) => {
      await first.query("BEGIN");
      await second.query("BEGIN");
      await work(first, 0);
      const secondDone = work(second, 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await first.query("COMMIT");
      await secondDone;
      await second.query("COMMIT");
    }),
  );
}

describe("claim link summaries", () => {
  it("match the link tables after the seed", async () => {
    expect(await prisma.claim.count({ where: { NOT: { sectorIds: { isEmpty: true } } } })).toBeGreaterThan(
      30,
    );
    expect(await driftedClaims()).toEqual([]);
    expect(await prisma.sector.count({ where: { claimCount: { gt: 0 } } })).toBeGreaterThan(5);
    expect(await driftedCounts()).toEqual([]);
  });

  it("follow every insert, update and delete of the links, including a link moved between claims", async () => {
    const [first, second] = await prisma.claim.findMany({
      orderBy: { id: "asc" },
      take: 2,
      select: { id: true },
    });
    const sector = await prisma.sector.findFirstOrThrow({
      where: { claims: { none: { claimId: first!.id } } },
    });
    const entity = await prisma.entity.findFirstOrThrow({
      where: { claims: { none: { claimId: first!.id } } },
    });
    const source = await prisma.source.findFirstOrThrow();

    await prisma.claimSector.create({ data: { claimId: first!.id, sectorId: sector.id } });
    await prisma.claimEntity.create({ data: { claimId: first!.id, entityId: entity.id, role: "MENTIONED" } });
    await prisma.claimSource.create({
      data: { claimId: first!.id, sourceId: source.id, relation: "CONTEXT" },
    });
    const quantity = await prisma.quantity.create({
      data: { claimId: first!.id, value: 1, unit: "count", measure: "test", surface: "one" },
    });
    expect(await driftedClaims()).toEqual([]);
    expect(await driftedCounts()).toEqual([]);
    const after = await prisma.claim.findUniqueOrThrow({ where: { id: first!.id } });
    expect(after.sectorIds).toContain(sector.id);
    expect(after.entityIds).toContain(entity.id);
    expect((await prisma.sector.findUniqueOrThrow({ where: { id: sector.id } })).claimCount).toBe(
      sector.claimCount + 1,
    );

    // Moving rows to another claim must update both the claim they left and the one they joined.
    await prisma.quantity.update({ where: { id: quantity.id }, data: { claimId: second!.id } });
    await prisma.claimSector.updateMany({
      where: { claimId: first!.id, sectorId: sector.id },
      data: { claimId: second!.id },
    });
    expect(await driftedClaims()).toEqual([]);
    // And a link moved to another sector or entity recounts both the one it left and the one it joined.
    const otherSector = await prisma.sector.findFirstOrThrow({
      where: { id: { not: sector.id }, claims: { none: { claimId: second!.id } } },
    });
    await prisma.claimSector.updateMany({
      where: { claimId: second!.id, sectorId: sector.id },
      data: { sectorId: otherSector.id },
    });
    const otherEntity = await prisma.entity.findFirstOrThrow({
      where: { id: { not: entity.id }, claims: { none: { claimId: first!.id } } },
    });
    await prisma.claimEntity.updateMany({
      where: { claimId: first!.id, entityId: entity.id },
      data: { entityId: otherEntity.id },
    });
    expect(await driftedCounts()).toEqual([]);
    await prisma.claimEntity.updateMany({
      where: { claimId: first!.id, entityId: otherEntity.id },
      data: { entityId: entity.id },
    });

    await prisma.claimEntity.deleteMany({ where: { claimId: first!.id, entityId: entity.id } });
    await prisma.claimSource.deleteMany({
      where: { claimId: first!.id, sourceId: source.id, relation: "CONTEXT" },
    });
    await prisma.quantity.delete({ where: { id: quantity.id } });
    expect(await driftedClaims()).toEqual([]);
    expect(await driftedCounts()).toEqual([]);
  });

  it("count every link when two transactions link the same sector and entity at once", async () => {
    const claims = await prisma.claim.findMany({ orderBy: { id: "desc" }, take: 2, select: { id: true } });
    const sector = await prisma.sector.findFirstOrThrow({
      where: { claims: { none: { claimId: { in: claims.map((claim) => claim.id) } } } },
    });
    const entity = await prisma.entity.findFirstOrThrow({
      where: { claims: { none: { claimId: { in: claims.map((claim) => claim.id) } } } },
    });
    // Each transaction links its own claim; the second blocks on the first's lock of the sector's row: the
    // interleaving in which counting the links in each statement's snapshot lost one.
    await interleaved(async (client, turn) => {
      await client.query(`INSERT INTO "ClaimSector" ("claimId", "sectorId") VALUES ($1, $2)`, [
        claims[turn]!.id,
        sector.id,
      ]);
      await client.query(
        `INSERT INTO "ClaimEntity" ("claimId", "entityId", "role") VALUES ($1, $2, 'MENTIONED')`,
        [claims[turn]!.id, entity.id],
      );
    });
    expect((await prisma.sector.findUniqueOrThrow({ where: { id: sector.id } })).claimCount).toBe(
      sector.claimCount + 2,
    );
    expect(await driftedCounts()).toEqual([]);
  });

  it("keep every link in a claim's summaries when two transactions link the same claim at once", async () => {
    const claim = await prisma.claim.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } });
    const unlinked = { claims: { none: { claimId: claim.id } } };
    const sectors = await prisma.sector.findMany({ where: unlinked, take: 2, orderBy: { id: "asc" } });
    const entities = await prisma.entity.findMany({ where: unlinked, take: 2, orderBy: { id: "asc" } });
    const sources = await prisma.source.findMany({ where: unlinked, take: 2, orderBy: { id: "asc" } });
    expect([sectors.length, entities.length, sources.length]).toEqual([2, 2, 2]);
    // Both link the same claim; the second's summary update waits for the first's lock of the claim's row: the
    // interleaving in which a recount blind to the first's links overwrote them.
    await interleaved(async (client, turn) => {
      await client.query(`INSERT INTO "ClaimSector" ("claimId", "sectorId") VALUES ($1, $2)`, [
        claim.id,
        sectors[turn]!.id,
      ]);
      await client.query(
        `INSERT INTO "ClaimEntity" ("claimId", "entityId", "role") VALUES ($1, $2, 'MENTIONED')`,
        [claim.id, entities[turn]!.id],
      );
      await client.query(
        `INSERT INTO "ClaimSource" ("claimId", "sourceId", "relation") VALUES ($1, $2, 'SUPPORTS')`,
        [claim.id, sources[turn]!.id],
      );
      await client.query(
        `INSERT INTO "Quantity" ("claimId", "value", "unit", "measure", "surface") VALUES ($1, $2, 'count', 'test', 'test')`,
        [claim.id, turn],
      );
    });
    expect(await driftedClaims()).toEqual([]);
  });

  it("count each document's claims and tally each sector's by verdict and sourcing through reviews, new claims, moves and deletions", async () => {
    const sector = await prisma.sector.findFirstOrThrow({ where: { claimCount: { gt: 1 } } });
    const tally = () =>
      withPgClient(async (client) => {
        const { rows } = await client.query<{ verdict: string; claims: number }>(
          `SELECT "verdict", sum("claims")::int AS "claims" FROM "SectorTally" WHERE "sectorId" = $1
           GROUP BY 1 HAVING sum("claims") <> 0 ORDER BY 1`,
          [sector.id],
        );
        return Object.fromEntries(rows.map((row) => [row.verdict, row.claims]));
      });
    const before = await tally();
    const claim = await prisma.claim.findFirstOrThrow({
      where: { sectors: { some: { sectorId: sector.id } }, verdict: null },
    });

    // A verdict and a lost citation move the claim between groups; the sector keeps its number of claims.
    await prisma.claim.update({ where: { id: claim.id }, data: { verdict: "FALSE", citationMissing: true } });
    const rated = await tally();
    expect(rated.FALSE).toBe((before.FALSE ?? 0) + 1);
    expect(rated.none ?? 0).toBe(before.none! - 1);
    // An update that changes no tallied column (most do) leaves the tally alone.
    await prisma.claim.update({ where: { id: claim.id }, data: { text: `${claim.text} ` } });
    expect(await tally()).toEqual(rated);
    expect(await driftedCounts()).toEqual([]);

    // A claim imported in a sector counts there once linked, and no more once deleted.
    const added = await prisma.claim.create({
      data: {
        documentId: claim.documentId,
        sectionId: claim.sectionId,
        text: "A claim added by the tally test.",
        kind: claim.kind,
        // A span no seeded claim has: the document's claims are unique by span.
        startOffset: claim.startOffset,
        endOffset: claim.startOffset + 1,
        verdict: "FALSE",
        sectors: { create: { sectorId: sector.id } },
      },
    });
    expect((await tally()).FALSE).toBe(rated.FALSE! + 1);
    expect(await driftedCounts()).toEqual([]);
    // Moved to another document, it counts there instead ("of N claims" sums the documents' counts).
    const other = await prisma.document.create({
      data: { slug: "tally-test", title: "Tally test", fullText: "A claim.", contentHash: "tally-test" },
    });
    await prisma.claim.update({ where: { id: added.id }, data: { documentId: other.id } });
    expect((await prisma.document.findUniqueOrThrow({ where: { id: other.id } })).claimCount).toBe(1);
    expect(await driftedCounts()).toEqual([]);
    await prisma.claim.delete({ where: { id: added.id } });
    await prisma.document.delete({ where: { id: other.id } });
    await prisma.claim.update({
      where: { id: claim.id },
      data: { verdict: null, citationMissing: claim.citationMissing },
    });
    expect(await tally()).toEqual(before);
    expect(await driftedCounts()).toEqual([]);
  });
});
