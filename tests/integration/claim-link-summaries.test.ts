// The claims table carries copies of its links (sectorIds, entityIds, sourceCount, quantityCount) that the filters
// and facet counts read; triggers keep them. If they drifted, the table would filter and count wrongly.
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

describe("claim link summaries", () => {
  it("match the link tables after the seed", async () => {
    expect(await prisma.claim.count({ where: { NOT: { sectorIds: { isEmpty: true } } } })).toBeGreaterThan(
      30,
    );
    expect(await driftedClaims()).toEqual([]);
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
    const after = await prisma.claim.findUniqueOrThrow({ where: { id: first!.id } });
    expect(after.sectorIds).toContain(sector.id);
    expect(after.entityIds).toContain(entity.id);

    // Moving rows to another claim must update both the claim they left and the one they joined.
    await prisma.quantity.update({ where: { id: quantity.id }, data: { claimId: second!.id } });
    await prisma.claimSector.updateMany({
      where: { claimId: first!.id, sectorId: sector.id },
      data: { claimId: second!.id },
    });
    expect(await driftedClaims()).toEqual([]);

    await prisma.claimEntity.deleteMany({ where: { claimId: first!.id, entityId: entity.id } });
    await prisma.claimSource.deleteMany({
      where: { claimId: first!.id, sourceId: source.id, relation: "CONTEXT" },
    });
    await prisma.quantity.delete({ where: { id: quantity.id } });
    expect(await driftedClaims()).toEqual([]);
  });
});
