// The Sectors index's read against plain SQL over the claims and their links (not the counts the triggers keep), and
// every figure against the claims table its link opens: on the seeded report, reviewed in part here, and on a
// synthetic corpus.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getClaims, resolveClaimsQuery } from "@/lib/data/claims";
import { getSectors, SECTOR_FIGURES, type SectorSummary } from "@/lib/data/sectors";
import { DISPUTED_VERDICTS, SUPPORTED_VERDICTS } from "@/lib/domain/options";
import type { Prisma } from "@/lib/prisma-client";
import { sectorFigureQuery } from "@/lib/queries/drill-down";
import { withPgClient } from "@/tests/helpers/db";
import { freshSeededDatabase, freshSyntheticDatabase } from "@/tests/helpers/seeded-database";

let prisma: Prisma;

afterAll(async () => {
  await prisma?.$disconnect();
});

function sql<T extends object>(text: string, params: unknown[] = []): Promise<T[]> {
  return withPgClient(async (client) => (await client.query<T>(text, params)).rows);
}

/** Every sector in display order, counted from Claim, ClaimSector and ClaimSource. */
function sectorsBySql(): Promise<SectorSummary[]> {
  return sql<SectorSummary>(
    `SELECT s.id, s.slug, s.name, s.description,
       count(c.id)::int AS claims,
       count(c.id) FILTER (WHERE c."citationMissing")::int AS "citationMissing",
       count(c.id) FILTER (WHERE EXISTS (SELECT 1 FROM "ClaimSource" x WHERE x."claimId" = c.id))::int AS sourced,
       count(c.id) FILTER (WHERE c.verdict::text = ANY($1))::int AS supported,
       count(c.id) FILTER (WHERE c.verdict::text = ANY($2))::int AS disputed,
       count(c.id) FILTER (WHERE c.verdict IS NULL)::int AS unrated
     FROM "Sector" s LEFT JOIN "ClaimSector" cs ON cs."sectorId" = s.id LEFT JOIN "Claim" c ON c.id = cs."claimId"
     GROUP BY s.id ORDER BY s.position, s.id`,
    [SUPPORTED_VERDICTS, DISPUTED_VERDICTS],
  );
}

/** Each figure above zero (a zero is no link) against the number of claims the table shows for its link. */
async function expectEveryFigureToMatchItsTable(sectors: SectorSummary[]) {
  const figures = sectors.flatMap((sector) =>
    SECTOR_FIGURES.filter((figure) => sector[figure] > 0).map((figure) => ({ sector, figure })),
  );
  expect(figures.length).toBeGreaterThan(sectors.length);
  const actual = await Promise.all(
    figures.map(
      async ({ sector, figure }) =>
        [
          `${sector.slug} ${figure}`,
          (
            await getClaims(
              await resolveClaimsQuery({ ...sectorFigureQuery(sector.slug, figure), size: 10 }, prisma),
              prisma,
            )
          ).total,
        ] as const,
    ),
  );
  expect(Object.fromEntries(actual)).toEqual(
    Object.fromEntries(figures.map(({ sector, figure }) => [`${sector.slug} ${figure}`, sector[figure]])),
  );
}

describe("on the seeded report", () => {
  beforeAll(async () => {
    prisma = await freshSeededDatabase();
    // The report arrives unreviewed and unsourced but for its citations: rate a few claims on either side of the
    // scale and link a source to a claim whose citation was lost, so that every figure has something to count.
    await withPgClient(async (client) => {
      await client.query(`
        WITH picked AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "Claim")
        UPDATE "Claim" c SET
          status = 'REVIEWED',
          verdict = (CASE n % 4 WHEN 0 THEN 'SUPPORTED' WHEN 1 THEN 'FALSE' WHEN 2 THEN 'MIXED' ELSE 'MOSTLY_SUPPORTED' END)::"Verdict"
        FROM picked WHERE picked.id = c.id AND n <= 16`);
      await client.query(`
        INSERT INTO "ClaimSource" ("claimId", "sourceId", relation)
        SELECT (SELECT min(id) FROM "Claim" WHERE "citationMissing" AND "sourceCount" = 0), min(id), 'SUPPORTS'
        FROM "Source"`);
      await client.query(
        `INSERT INTO "Sector" (slug, name, description, position)
         SELECT 'empty-sector', 'Empty sector', 'No claim is filed here.', max(position) + 1 FROM "Sector"`,
      );
    });
  });

  it("counts each sector's claims as plain SQL does, every sector in display order", async () => {
    const sectors = await getSectors(prisma);
    expect(sectors).toEqual(await sectorsBySql());
    expect(sectors.at(-1)).toMatchObject({ slug: "empty-sector", claims: 0, unrated: 0 });
    for (const figure of SECTOR_FIGURES) {
      expect(
        sectors.some((sector) => sector[figure] > 0),
        `some sector counts ${figure}`,
      ).toBe(true);
    }
  });

  it("follows a review, a sector taken off a claim and a citation marked lost", async () => {
    const [claim] = await sql<{ id: number; sectorId: number }>(
      `SELECT cs."claimId" AS id, min(cs."sectorId") AS "sectorId" FROM "ClaimSector" cs
       JOIN "Claim" c ON c.id = cs."claimId" WHERE c.verdict IS NULL AND NOT c."citationMissing"
       GROUP BY cs."claimId" ORDER BY cs."claimId" LIMIT 1`,
    );
    await withPgClient(async (client) => {
      await client.query(
        `UPDATE "Claim" SET verdict = 'UNSUPPORTED', "citationMissing" = true WHERE id = $1`,
        [claim!.id],
      );
      await client.query(`DELETE FROM "ClaimSector" WHERE "claimId" = $1 AND "sectorId" = $2`, [
        claim!.id,
        claim!.sectorId,
      ]);
    });
    expect(await getSectors(prisma)).toEqual(await sectorsBySql());
  });

  it("leads every figure to exactly the claims behind it", async () => {
    await expectEveryFigureToMatchItsTable(await getSectors(prisma));
  });
});

describe("on a synthetic corpus", () => {
  beforeAll(async () => {
    await prisma?.$disconnect();
    prisma = await freshSyntheticDatabase("sectors-test");
  });

  it("counts each sector's claims as plain SQL does, and leads every figure to its claims", async () => {
    const sectors = await getSectors(prisma);
    expect(sectors).toEqual(await sectorsBySql());
    await expectEveryFigureToMatchItsTable(sectors);
  });
});

describe("on a database without sectors", () => {
  it("lists none rather than failing", async () => {
    await withPgClient((client) => client.query(`TRUNCATE "Sector", "SectorTally" CASCADE`));
    expect(await getSectors(prisma)).toEqual([]);
  });
});
