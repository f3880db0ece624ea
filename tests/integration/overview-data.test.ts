// The Overview's aggregates against plain SQL, and every number they produce against the claims table its
// drill-down link opens: on the seeded report (with some claims reviewed here) and on a synthetic corpus.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getClaimFacets, getClaims } from "@/lib/data/claims";
import {
  getCoMentions,
  getOverviewFacets,
  getOverviewFigures,
  getReviewTimeline,
  getSectionCoverage,
  getSectorBreakdown,
  getTopEntities,
  getVerdictCounts,
  reviewTimelineOf,
  sectionCoverageOf,
  SOURCINGS,
  TIMELINE_WEEKS,
  TOP_SECTIONS,
  topEntitiesOfFacets,
} from "@/lib/data/overview";
import { DISPUTED_VERDICTS, SUPPORTED_VERDICTS } from "@/lib/domain/options";
import type { ReviewStatus } from "@/lib/generated/prisma/enums.ts";
import type { Prisma } from "@/lib/prisma-client";
import {
  withEntities,
  withFlag,
  withKind,
  withReviewWeek,
  withSection,
  withSector,
  withSourcing,
  withStatus,
  withStatuses,
  withVerdict,
  withVerdicts,
} from "@/lib/queries/drill-down";
import {
  hasFilters,
  parseClaimsQuery,
  serializeClaimsQuery,
  type ClaimsQuery,
  type VerdictFilter,
} from "@/lib/validations/claims";
import { withPgClient } from "@/tests/helpers/db";
import { freshSeededDatabase, freshSyntheticDatabase } from "@/tests/helpers/seeded-database";

let prisma: Prisma;

afterAll(async () => {
  await prisma?.$disconnect();
});

const query = (params: Record<string, string> = {}) => parseClaimsQuery(new URLSearchParams(params));

async function rows<T extends object>(text: string, params: unknown[] = []): Promise<T[]> {
  return withPgClient(async (client) => (await client.query<T>(text, params)).rows);
}

/** What the claims table shows for a query: the number every chart value must equal. */
async function tableTotal(q: ClaimsQuery): Promise<number> {
  return (await getClaims({ ...q, size: 10 }, prisma)).total;
}

/** The claim ids a query matches, by the table itself (the oracle for SQL written below by hand). */
async function matchingIds(q: ClaimsQuery): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const result = await getClaims({ ...q, size: 100, page }, prisma);
    ids.push(...result.rows.map((row) => row.id));
    if (page >= result.pageCount) return ids;
  }
}

/** Checks every number each chart draws under `q` against the table its link opens. */
async function expectEveryNumberToMatchItsTable(q: ClaimsQuery) {
  const checks: [string, number, ClaimsQuery][] = [];
  const overviewFacets = getOverviewFacets(q, prisma);
  const figures = await getOverviewFigures(q, overviewFacets);
  checks.push(
    ["reviewed", figures.reviewed, withStatuses(q, ["REVIEWED"])],
    ["supported", figures.supported, withVerdicts(q, SUPPORTED_VERDICTS)],
    ["disputed", figures.disputed, withVerdicts(q, DISPUTED_VERDICTS)],
    ["lost citation", figures.citationMissing, withFlag(q, "citationMissing")],
    ["sourced", figures.sourced, withFlag(q, "hasSources")],
  );
  for (const sector of await getSectorBreakdown(q, prisma)) {
    checks.push([`sector ${sector.slug}`, sector.total, withSector(q, sector.slug)]);
    for (const [verdict, count] of Object.entries(sector.verdicts)) {
      if (count)
        checks.push([
          `${sector.slug}/${verdict}`,
          count,
          withVerdict(withSector(q, sector.slug), verdict as VerdictFilter),
        ]);
    }
    for (const sourcing of SOURCINGS) {
      const count = sector.sourcing[sourcing];
      if (count)
        checks.push([
          `${sector.slug}/${sourcing}`,
          count,
          withSourcing(withSector(q, sector.slug), sourcing),
        ]);
    }
  }
  for (const [verdict, count] of Object.entries(await getVerdictCounts(q, prisma))) {
    checks.push([`verdict ${verdict}`, count, withVerdict(q, verdict as VerdictFilter)]);
  }
  const facets = await getClaimFacets(q, prisma);
  const top = await getTopEntities(q, 10, prisma);
  // The Overview reads the same ranking off the filter bar's entity facet (ties may fall either way).
  const fromFacets = topEntitiesOfFacets(facets, q, 10);
  expect(fromFacets.map((e) => e.claims)).toEqual(top.map((e) => e.claims));
  for (const entity of [...top, ...fromFacets]) {
    checks.push([`entity ${entity.slug}`, entity.claims, withEntities(q, entity.slug)]);
  }
  const matrix = await getCoMentions(q, top, 6, prisma);
  matrix.entities.forEach((a, i) =>
    matrix.entities.forEach((b, j) => {
      if (j > i) checks.push([`${a.slug}+${b.slug}`, matrix.counts[i]![j]!, withEntities(q, a.slug, b.slug)]);
    }),
  );
  const coverage = await getSectionCoverage(q, TOP_SECTIONS, prisma);
  // The Overview reads the same charts in its facets' pass over the matching claims.
  expect(await sectionCoverageOf(overviewFacets)).toEqual(coverage);
  for (const section of coverage.sections) {
    for (const sourcing of SOURCINGS) {
      const count = section.sourcing[sourcing];
      if (count)
        checks.push([
          `section ${section.id}/${sourcing}`,
          count,
          withSourcing(withSection(q, section), sourcing),
        ]);
    }
  }
  const weeks = await getReviewTimeline(q, TIMELINE_WEEKS, prisma);
  expect(await reviewTimelineOf(overviewFacets)).toEqual(weeks);
  for (const week of weeks) {
    for (const [status, count] of Object.entries(week.counts)) {
      if (count)
        checks.push([
          `week ${week.week}/${status}`,
          count,
          withReviewWeek(q, week.week, status as ReviewStatus),
        ]);
    }
  }
  for (const [kind, count] of Object.entries(facets.columns.kind)) {
    checks.push([`kind ${kind}`, count, withKind(q, kind as ClaimsQuery["kinds"][number])]);
  }
  for (const [status, count] of Object.entries(facets.columns.status)) {
    checks.push([`status ${status}`, count, withStatus(q, status as ReviewStatus)]);
  }

  // A zero is never a link (there is nothing behind it), so only the numbers above zero are followed.
  const linked = checks.filter(([, count]) => count > 0);
  expect(linked.length).toBeGreaterThan(10);
  const actual = await Promise.all(linked.map(async ([name, , drill]) => [name, await tableTotal(drill)]));
  expect(Object.fromEntries(actual)).toEqual(
    Object.fromEntries(linked.map(([name, count]) => [name, count])),
  );
  return figures;
}

/** The headline figures computed by hand from the matching ids. */
async function expectFiguresToMatchSql(q: ClaimsQuery) {
  const ids = await matchingIds(q);
  const [expected] = await rows<Record<string, number>>(
    `SELECT count(*)::int AS claims,
       count(*) FILTER (WHERE status = 'REVIEWED')::int AS reviewed,
       count(*) FILTER (WHERE verdict::text = ANY($2))::int AS supported,
       count(*) FILTER (WHERE verdict::text = ANY($3))::int AS disputed,
       count(*) FILTER (WHERE "citationMissing")::int AS "citationMissing",
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "ClaimSource" s WHERE s."claimId" = c.id))::int AS sourced,
       (SELECT count(DISTINCT "sourceId")::int FROM "ClaimSource" WHERE "claimId" = ANY($1)) AS sources,
       (SELECT count(DISTINCT "entityId")::int FROM "ClaimEntity" WHERE "claimId" = ANY($1)) AS entities,
       count(DISTINCT "documentId")::int AS documents
     FROM "Claim" c WHERE id = ANY($1)`,
    [ids, SUPPORTED_VERDICTS, DISPUTED_VERDICTS],
  );
  expect(await getOverviewFigures(q, getOverviewFacets(q, prisma))).toEqual(expected);
}

describe("on the seeded report", () => {
  beforeAll(async () => {
    prisma = await freshSeededDatabase();
    // The report arrives unreviewed; review a few claims over two weeks so statuses, verdicts and weeks vary.
    await withPgClient((client) =>
      client.query(`
        WITH picked AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "Claim")
        UPDATE "Claim" c SET
          status = (CASE WHEN n % 3 = 0 THEN 'IN_REVIEW' ELSE 'REVIEWED' END)::"ReviewStatus",
          verdict = (CASE WHEN n % 3 = 0 THEN NULL WHEN n % 4 = 0 THEN 'FALSE' WHEN n % 5 = 0 THEN 'MIXED' ELSE 'SUPPORTED' END)::"Verdict",
          "updatedAt" = TIMESTAMP '2026-11-02 10:00' + (n % 2) * INTERVAL '8 days'
        FROM picked WHERE picked.id = c.id AND n <= 20`),
    );
  });

  it("counts the figures as plain SQL does, with and without filters", async () => {
    await expectFiguresToMatchSql(query());
    const all = await getOverviewFigures(query(), getOverviewFacets(query(), prisma));
    expect(all).toMatchObject({
      claims: await prisma.claim.count(),
      citationMissing: await prisma.claim.count({ where: { citationMissing: true } }),
      documents: await prisma.document.count(),
      reviewed: await prisma.claim.count({ where: { status: "REVIEWED" } }),
    });
    await expectFiguresToMatchSql(query({ sector: "hardware-chips" }));
    await expectFiguresToMatchSql(query({ entity: "huawei", kind: "EVENT,ASSESSMENT" }));
    await expectFiguresToMatchSql(query({ q: "Hauwei" }));
    await expectFiguresToMatchSql(query({ verdict: "none", citation_missing: "yes" }));
  });

  it("splits each sector's claims by verdict and by sourcing, as plain SQL counts them", async () => {
    const sectors = await getSectorBreakdown(query({ kind: "ASSESSMENT" }), prisma);
    const expected = await rows<{ slug: string; total: number; sourced: number; lost: number; none: number }>(
      `SELECT s.slug, count(c.id)::int AS total,
         count(c.id) FILTER (WHERE EXISTS (SELECT 1 FROM "ClaimSource" x WHERE x."claimId" = c.id))::int AS sourced,
         count(c.id) FILTER (WHERE c."citationMissing" AND NOT EXISTS (SELECT 1 FROM "ClaimSource" x WHERE x."claimId" = c.id))::int AS lost,
         count(c.id) FILTER (WHERE c.verdict IS NULL)::int AS none
       FROM "Sector" s LEFT JOIN "ClaimSector" cs ON cs."sectorId" = s.id
       LEFT JOIN "Claim" c ON c.id = cs."claimId" AND c.kind = 'ASSESSMENT'
       GROUP BY s.id ORDER BY s.position`,
    );
    expect(
      sectors.map((s) => ({
        slug: s.slug,
        total: s.total,
        sourced: s.sourcing.sourced,
        lost: s.sourcing.lost,
        none: s.verdicts.none,
      })),
    ).toEqual(expected);
    for (const sector of sectors) {
      expect(Object.values(sector.sourcing).reduce((a, b) => a + b, 0)).toBe(sector.total);
      expect(Object.values(sector.verdicts).reduce((a, b) => a + b, 0)).toBe(sector.total);
    }
  });

  it("finds the most-named entities and how often they are named together", async () => {
    const top = await getTopEntities(query(), 10, prisma);
    const expected = await rows<{ slug: string; claims: number }>(
      `SELECT e.slug, count(*)::int AS claims FROM "ClaimEntity" ce JOIN "Entity" e ON e.id = ce."entityId"
       GROUP BY e.id ORDER BY claims DESC, e.name, e.id LIMIT 10`,
    );
    expect(top.map(({ slug, claims }) => ({ slug, claims }))).toEqual(expected);
    const matrix = await getCoMentions(query(), top, 8, prisma);
    const [a, b] = [matrix.entities[0]!, matrix.entities[1]!];
    const [{ n }] = (await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM "ClaimEntity" x JOIN "ClaimEntity" y ON y."claimId" = x."claimId"
       WHERE x."entityId" = (SELECT id FROM "Entity" WHERE slug = $1) AND y."entityId" = (SELECT id FROM "Entity" WHERE slug = $2)`,
      [a.slug, b.slug],
    )) as [{ n: number }];
    expect(matrix.counts[0]![1]).toBe(n);
    expect(matrix.counts[1]![0]).toBe(n);
    expect(matrix.counts[0]![0]).toBe(a.claims);
    // An entity already filtered on is in every matching claim: the chart leaves it out.
    const withChina = await getTopEntities(query({ entity: "china" }), 10, prisma);
    expect(withChina.map((e) => e.slug)).not.toContain("china");
  });

  it("covers the report's sections in reading order, and the weeks reviewers worked in", async () => {
    const coverage = await getSectionCoverage(query(), 50, prisma);
    const expected = await rows<{ id: number; total: number }>(
      `SELECT s.id, count(*)::int AS total FROM "Claim" c JOIN "Section" s ON s.id = c."sectionId"
       GROUP BY s.id ORDER BY s."documentId", s."order"`,
    );
    expect(coverage.totalSections).toBe(expected.length);
    expect(
      coverage.sections.map((s) => ({
        id: s.id,
        total: s.sourcing.sourced + s.sourcing.lost + s.sourcing.unsourced,
      })),
    ).toEqual(expected);
    const top3 = await getSectionCoverage(query(), 3, prisma);
    expect(top3.sections).toHaveLength(3);
    expect(top3.totalSections).toBe(expected.length);

    expect(await getReviewTimeline(query(), 26, prisma)).toEqual([
      { week: "2026-11-02", counts: { IN_REVIEW: 3, REVIEWED: 7 } },
      { week: "2026-11-09", counts: { IN_REVIEW: 3, REVIEWED: 7 } },
    ]);
    // A week past the last one with activity is never drawn; a week between two is, as zero.
    await withPgClient((client) =>
      client.query(
        `UPDATE "Claim" SET "updatedAt" = TIMESTAMP '2026-11-25 09:00' WHERE id = (SELECT min(id) FROM "Claim" WHERE status = 'REVIEWED')`,
      ),
    );
    const weeks = await getReviewTimeline(query(), 26, prisma);
    expect(weeks.map((w) => w.week)).toEqual(["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"]);
    expect(weeks[2]!.counts).toEqual({ IN_REVIEW: 0, REVIEWED: 0 });
    expect((await getReviewTimeline(query(), 2, prisma)).map((w) => w.week)).toEqual([
      "2026-11-16",
      "2026-11-23",
    ]);
  });

  it.each<Record<string, string>>([
    {},
    { sector: "hardware-chips" },
    { sector: "hardware-chips,foundation-models", status: "REVIEWED,IN_REVIEW" },
    { entity: "huawei" },
    { q: "DeepSeek", citation_missing: "yes" },
    { verdict: "SUPPORTED,none", kind: "EVENT" },
    { has_sources: "no", updated_week: "2026-11-04" },
  ])("leads every number to exactly the claims behind it under %j", async (params) => {
    await expectEveryNumberToMatchItsTable(query(params));
  });

  it("says nothing matches rather than failing when a filter matches nothing", async () => {
    const q = query({ sector: "healthcare", entity: "kimi-k2" });
    expect((await getOverviewFigures(q, getOverviewFacets(q, prisma))).claims).toBe(0);
    expect(await getTopEntities(q, 10, prisma)).toEqual([]);
    expect(await getCoMentions(q, [], 8, prisma)).toEqual({ entities: [], counts: [] });
    expect(await getSectionCoverage(q, 12, prisma)).toEqual({ sections: [], totalSections: 0 });
    expect(await getReviewTimeline(q, 26, prisma)).toEqual([]);
  });
});

describe("on a synthetic corpus", () => {
  beforeAll(async () => {
    await prisma?.$disconnect();
    prisma = await freshSyntheticDatabase("overview-test");
  });

  it("counts the figures as plain SQL does", async () => {
    await expectFiguresToMatchSql(query());
    await expectFiguresToMatchSql(query({ sector: "foundation-models", status: "REVIEWED" }));
    await expectFiguresToMatchSql(query({ document: "2" }));
    const all = await getOverviewFigures(query(), getOverviewFacets(query(), prisma));
    expect(all.claims).toBe(1_500);
    expect(all.supported).toBeGreaterThan(0);
    expect(all.disputed).toBeGreaterThan(0);
  });

  it.each<Record<string, string>>([
    {},
    { sector: "hardware-chips", kind: "EVENT" },
    { status: "REVIEWED", has_sources: "yes" },
    { document: "3", verdict: "MIXED,FALSE" },
  ])("leads every number to exactly the claims behind it under %j", async (params) => {
    await expectEveryNumberToMatchItsTable(query(params));
  });

  it("shows the largest sections and reviewing weeks only", async () => {
    const coverage = await getSectionCoverage(query(), 12, prisma);
    expect(coverage.sections).toHaveLength(12);
    expect(coverage.totalSections).toBeGreaterThan(12);
    const weeks = await getReviewTimeline(query(), 26, prisma);
    expect(weeks.length).toBeGreaterThan(1);
    expect(weeks.length).toBeLessThanOrEqual(26);
    const counted = weeks.reduce((sum, w) => sum + w.counts.IN_REVIEW + w.counts.REVIEWED, 0);
    const [{ n }] = (await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Claim" WHERE status <> 'UNREVIEWED'`,
    )) as [{ n: number }];
    expect(counted).toBeLessThanOrEqual(n);
    expect(counted).toBeGreaterThan(0);
  });
});

describe("the updated_week parameter", () => {
  it("reads any day as the Monday of its week, and drops what is not a real date", () => {
    expect(query({ updated_week: "2026-11-04" }).updatedWeek).toBe("2026-11-02");
    expect(query({ updated_week: "2026-11-02" }).updatedWeek).toBe("2026-11-02");
    expect(query({ updated_week: "2027-01-01" }).updatedWeek).toBe("2026-12-28");
    for (const bad of ["2026-02-31", "2026-13-01", "yesterday", "2026-11-4", "2026-11-04T00:00"]) {
      expect(query({ updated_week: bad }).updatedWeek).toBeNull();
    }
    expect(serializeClaimsQuery(query({ updated_week: "2026-11-04", status: "REVIEWED" })).toString()).toBe(
      "status=REVIEWED&updated_week=2026-11-02",
    );
    expect(hasFilters(query({ updated_week: "2026-11-04" }))).toBe(true);
  });
});
