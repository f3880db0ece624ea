import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getClaimFacets, getClaims } from "@/lib/data/claims";
import type { Prisma } from "@/lib/prisma-client";
import { COMMAND_LINE, createUser } from "@/lib/data/users";
import { forViewer, parseClaimsQuery } from "@/lib/validations/claims";
import { withPgClient } from "@/tests/helpers/db";
import { makeDocument } from "@/prisma/factories";
import { freshSeededDatabase } from "@/tests/helpers/seeded-database";

let prisma: Prisma;
beforeAll(async () => {
  prisma = await freshSeededDatabase();
});
afterAll(async () => {
  await prisma?.$disconnect();
});

const query = (params: Record<string, string>) => parseClaimsQuery(new URLSearchParams(params));
const list = async (params: Record<string, string>) => getClaims(query({ size: "100", ...params }), prisma);
const ids = async (params: Record<string, string>) => (await list(params)).rows.map((r) => r.id);

/** Claim ids by plain SQL, to check the query layer against. */
async function idsWhere(where: string, params: unknown[] = []): Promise<number[]> {
  return withPgClient(async (client) =>
    (
      await client.query<{ id: number }>(
        `SELECT c.id FROM "Claim" c WHERE ${where} ORDER BY c."documentId", c."startOffset", c.id`,
        params,
      )
    ).rows.map((r) => r.id),
  );
}

describe("getClaims filters", () => {
  it("returns every claim in document order without filters", async () => {
    const page = await list({});
    expect(page.total).toBe(await prisma.claim.count());
    expect(page.rows.map((r) => r.id)).toEqual(await idsWhere("true"));
    expect(page.rows[0]).toMatchObject({
      document: { title: expect.stringContaining("China") },
      section: { heading: expect.any(String) },
    });
  });

  it("filters by sector", async () => {
    expect(await ids({ sector: "healthcare" })).toEqual(
      await idsWhere(
        `EXISTS (SELECT 1 FROM "ClaimSector" cs JOIN "Sector" s ON s.id = cs."sectorId" WHERE cs."claimId" = c.id AND s.slug = 'healthcare')`,
      ),
    );
    expect((await ids({ sector: "healthcare,hardware-chips" })).length).toBeGreaterThan(
      (await ids({ sector: "healthcare" })).length,
    );
  });

  it("filters by entity, and by several entities as claims naming all of them", async () => {
    const huawei = await ids({ entity: "huawei" });
    expect(huawei).toEqual(
      await idsWhere(
        `EXISTS (SELECT 1 FROM "ClaimEntity" ce JOIN "Entity" e ON e.id = ce."entityId" WHERE ce."claimId" = c.id AND e.slug = 'huawei')`,
      ),
    );
    const both = await ids({ entity: "huawei,ascend-910b" });
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(huawei.length);
    expect(both.every((id) => huawei.includes(id))).toBe(true);
  });

  it("filters by kind, status, verdict, citation, sources, quantities and document", async () => {
    expect(await ids({ kind: "statistic" })).toEqual(await idsWhere(`c.kind = 'STATISTIC'`));
    expect(await ids({ status: "UNREVIEWED" })).toEqual(await idsWhere(`c.status = 'UNREVIEWED'`));
    expect(await ids({ verdict: "none" })).toEqual(await idsWhere(`c.verdict IS NULL`));
    expect(await ids({ verdict: "SUPPORTED" })).toEqual([]);
    expect(await ids({ citation_missing: "yes" })).toEqual(await idsWhere(`c."citationMissing"`));
    expect(await ids({ citation_missing: "no" })).toEqual(await idsWhere(`NOT c."citationMissing"`));
    expect(await ids({ has_sources: "yes" })).toEqual(
      await idsWhere(`EXISTS (SELECT 1 FROM "ClaimSource" s WHERE s."claimId" = c.id)`),
    );
    expect(await ids({ has_quantities: "yes" })).toEqual(
      await idsWhere(`EXISTS (SELECT 1 FROM "Quantity" q WHERE q."claimId" = c.id)`),
    );
    const { id: documentId } = await prisma.document.findFirstOrThrow();
    expect(await ids({ document: String(documentId) })).toEqual(
      await idsWhere(`c."documentId" = $1`, [documentId]),
    );
  });

  it("combines filters with AND", async () => {
    expect(await ids({ sector: "hardware-chips", kind: "ASSESSMENT", citation_missing: "yes" })).toEqual(
      await idsWhere(
        `c.kind = 'ASSESSMENT' AND c."citationMissing" AND EXISTS (SELECT 1 FROM "ClaimSector" cs JOIN "Sector" s ON s.id = cs."sectorId" WHERE cs."claimId" = c.id AND s.slug = 'hardware-chips')`,
      ),
    );
  });
});

describe("getClaims search", () => {
  it("finds claims by English words with stemming, and marks the words", async () => {
    const page = await list({ q: "hospital deployments" });
    expect(page.rows.map((r) => r.text)).toEqual([
      "AI-powered diagnostic and imaging tools are being deployed in Chinese tertiary hospitals",
    ]);
    const [row] = page.rows;
    const marked = row!.highlights.map(([s, e]) => Array.from(row!.text).slice(s, e).join(""));
    expect(marked).toEqual(["deployed", "hospitals"]);
  });

  it("finds an entity's claims by its English name, its Chinese alias and a typo, marking the mentions", async () => {
    const byName = await ids({ q: "Huawei" });
    expect(byName).toEqual(expect.arrayContaining(await ids({ entity: "huawei" })));
    expect(byName.length).toBeGreaterThanOrEqual(3);
    expect(await ids({ q: "华为" })).toEqual(expect.arrayContaining(byName));
    expect(await ids({ q: "Hauwei" })).toEqual(expect.arrayContaining(byName));
    const moonshot = await list({ q: "月之暗面" });
    const released = moonshot.rows.find((r) => r.text === "Moonshot AI released Kimi K2");
    expect(released?.highlights.map(([s, e]) => Array.from(released.text).slice(s, e).join(""))).toContain(
      "Moonshot AI",
    );
  });

  it("ranks claims about the searched entity first", async () => {
    const [first] = (await list({ q: "Nvidia" })).rows;
    expect(first?.entities.map((e) => e.slug)).toContain("nvidia");
  });

  it("treats SQL fragments, operators and hostile text as plain words", async () => {
    const claimsBefore = await prisma.claim.count();
    for (const q of [
      '\'; DROP TABLE "Claim"; --',
      "huawei' OR '1'='1",
      "<script>alert(1)</script>",
      "!!! & | :*",
      "\u0000\u0001Huawei\u0007",
    ]) {
      await expect(list({ q })).resolves.toMatchObject({ total: expect.any(Number) });
    }
    expect((await list({ q: "\u0000\u0001Huawei\u0007" })).total).toBe((await list({ q: "Huawei" })).total);
    expect(await idsWhere("true")).toHaveLength(claimsBefore);
  });
});

describe("sorting and paging", () => {
  it("sorts by an allow-listed column in either direction, with stable ties", async () => {
    const asc = await ids({ sort: "kind", dir: "asc" });
    const desc = await ids({ sort: "kind", dir: "desc" });
    expect(asc).toHaveLength(await prisma.claim.count());
    expect(desc).toEqual([...asc].reverse());
    const kinds = (await list({ sort: "kind" })).rows.map((r) => r.kind);
    expect(kinds[0]).toBe("STATISTIC");
    expect(kinds.at(-1)).toBe("ATTRIBUTION");
  });

  it("pages through every claim exactly once and clamps nothing silently", async () => {
    const total = await prisma.claim.count();
    const pageCount = Math.ceil(total / 10);
    const seen: number[] = [];
    for (let page = 1; page <= pageCount; page++) {
      const result = await getClaims(query({ size: "10", page: String(page) }), prisma);
      expect(result.pageCount).toBe(pageCount);
      seen.push(...result.rows.map((r) => r.id));
    }
    expect(seen).toEqual(await idsWhere("true"));
    const beyond = await getClaims(query({ size: "10", page: "99" }), prisma);
    expect(beyond).toMatchObject({ rows: [], total });
  });
});

describe("parseClaimsQuery with malformed or hostile parameters", () => {
  it("falls back to defaults", () => {
    expect(
      parseClaimsQuery(
        new URLSearchParams({
          page: "-3",
          size: "1000000",
          sort: "text; DROP",
          dir: "sideways",
          kind: "NOPE",
          sector: "Bad Slug!",
          document: "1e9",
          citation_missing: "maybe",
        }),
      ),
    ).toMatchObject({
      page: 1,
      size: 25,
      sort: "position",
      dir: "asc",
      kinds: [],
      sectors: [],
      documentId: null,
      citationMissing: null,
    });
  });

  it("caps huge values", () => {
    const parsed = parseClaimsQuery(
      new URLSearchParams({
        q: "x".repeat(100_000),
        entity: Array.from({ length: 500 }, (_, i) => `e${i}`).join(","),
      }),
    );
    expect(parsed.q).toHaveLength(200);
    expect(parsed.entities).toHaveLength(50);
  });
});

describe("getClaimFacets", () => {
  it("counts each facet under the other filters, ignoring its own", async () => {
    const facets = await getClaimFacets(query({ kind: "STATISTIC", sector: "governance-ethics" }), prisma);
    // Kind counts ignore the kind filter: every kind in governance & ethics is offered with its count.
    const inSector = await list({ sector: "governance-ethics" });
    const byKind = new Map<string, number>();
    for (const row of inSector.rows) byKind.set(row.kind, (byKind.get(row.kind) ?? 0) + 1);
    for (const [kind, count] of byKind) expect(facets.columns.kind[kind]).toBe(count);
    expect(facets.columns.kind.FORECAST).toBe(byKind.get("FORECAST") ?? 0);
    // Sector counts ignore the sector filter but respect the kind filter.
    const statistics = await list({ kind: "STATISTIC" });
    for (const sector of facets.sectors) {
      expect(sector.count).toBe(
        statistics.rows.filter((r) => r.sectors.some((s) => s.slug === sector.value)).length,
      );
    }
    expect(facets.sectors).toHaveLength(await prisma.sector.count());
  });

  it("offers the most-named entities among the matching claims, with selected ones always included", async () => {
    const facets = await getClaimFacets(query({ entity: "kai-fu-lee" }), prisma);
    expect(facets.entities.find((e) => e.value === "kai-fu-lee")).toMatchObject({ count: 1 });
    const all = await getClaimFacets(query({}), prisma);
    expect(all.entities[0]).toMatchObject({ value: "china" });
    expect(all.entities.length).toBeLessThanOrEqual(15);
    expect(all.columns.citationMissing).toEqual({ yes: 25, no: 18 });
    expect(all.sections).toEqual([]);
  });

  it("agrees with the table on the total and every facet that shares its filters, whatever the filters", async () => {
    // With filters in force, the total and the facets whose own filter is not among them come from one pass over
    // the matching claims; the others from statements of their own. Each must count what the table lists.
    const filterSets: Record<string, string>[] = [
      { sector: "governance-ethics" },
      { q: "Huawei" },
      { kind: "STATISTIC", status: "UNREVIEWED" },
      { sector: "hardware-chips", kind: "EVENT" },
      { entity: "china", citation_missing: "yes" },
    ];
    for (const params of filterSets) {
      const facets = await getClaimFacets(query(params), prisma);
      const matching = await list(params);
      expect(facets.total, JSON.stringify(params)).toBe(matching.total);
      expect(matching.rows).toHaveLength(matching.total);
      for (const document of facets.documents) {
        expect(document.count).toBe(
          matching.rows.filter((r) => String(r.document.id) === document.value).length,
        );
      }
      for (const entity of facets.entities) {
        expect(entity.count).toBe(
          matching.rows.filter((r) => r.entities.some((e) => e.slug === entity.value)).length,
        );
      }
      const statuses = Object.entries(facets.columns.status);
      if (!("status" in params)) {
        for (const [status, count] of statuses) {
          expect(count).toBe(matching.rows.filter((r) => r.status === status).length);
        }
      }
    }
  });

  it("lists a chosen document's sections with their counts", async () => {
    const { document, sections } = await makeDocument(prisma, {
      sections: [{ claims: [{}, {}] }, { claims: [{}] }],
    });
    const all = await getClaimFacets(query({}), prisma);
    const facets = await getClaimFacets(query({ document: String(document.id) }), prisma);
    expect(facets.sections.map((s) => [s.value, s.count])).toEqual(
      sections.map((s, i) => [String(s.id), i === 0 ? 2 : 1]),
    );
    // The document menu ignores its own filter: it still offers every document with all of its claims.
    expect(facets.documents).toEqual(all.documents);
    expect(all.documents).toContainEqual(expect.objectContaining({ value: String(document.id), count: 3 }));
  });
});

describe("assignee filter", () => {
  it("filters by assignee, unassigned and 'me', and counts assignees for a signed-in viewer only", async () => {
    const [reviewer, other] = await Promise.all(
      ["assignee-a", "assignee-b"].map((name) =>
        createUser(prisma, COMMAND_LINE, {
          email: `${name}@claims-query.test`,
          name,
          password: "a long enough password",
          role: "REVIEWER",
        }),
      ),
    );
    const claimIds = (await idsWhere("true")).slice(0, 5);
    await prisma.claim.updateMany({
      where: { id: { in: claimIds.slice(0, 3) } },
      data: { assigneeId: reviewer!.id },
    });
    await prisma.claim.updateMany({
      where: { id: { in: claimIds.slice(3) } },
      data: { assigneeId: other!.id },
    });
    const idsFor = async (viewerId: number, params: Record<string, string>) =>
      (await getClaims(forViewer(query({ size: "100", ...params }), viewerId), prisma)).rows.map((r) => r.id);
    try {
      expect(await idsFor(other!.id, { assignee: String(reviewer!.id) })).toEqual(claimIds.slice(0, 3));
      expect(await idsFor(other!.id, { assignee: `${reviewer!.id},${other!.id}` })).toEqual(claimIds);
      expect(await idsFor(other!.id, { assignee: "none" })).toEqual(await idsWhere(`c."assigneeId" IS NULL`));
      // "me" is whoever asks: the reviewer's own claims.
      expect(await idsFor(reviewer!.id, { assignee: "me" })).toEqual(claimIds.slice(0, 3));
      expect(await idsFor(reviewer!.id, { assignee: `me,${other!.id}` })).toEqual(claimIds);

      const anonymous = await getClaimFacets(query({}), prisma);
      expect(anonymous.assignees).toBeNull();
      const facets = await getClaimFacets(query({ assignee: "none" }), prisma, reviewer!.id);
      expect(facets.assignees).toEqual([
        { value: "me", label: "Me", count: 3 },
        { value: "none", label: "Unassigned", count: (await prisma.claim.count()) - claimIds.length },
        { value: String(other!.id), label: "assignee-b", count: 2 },
      ]);
    } finally {
      await prisma.claim.updateMany({ where: { id: { in: claimIds } }, data: { assigneeId: null } });
    }
  });

  it("matches no claim for someone signed out, whoever it names, so no count tells who is assigned what", async () => {
    const reviewer = await createUser(prisma, COMMAND_LINE, {
      email: "assignee-hidden@claims-query.test",
      name: "assignee-hidden",
      password: "a long enough password",
      role: "REVIEWER",
    });
    const claimIds = (await idsWhere("true")).slice(0, 2);
    await prisma.claim.updateMany({ where: { id: { in: claimIds } }, data: { assigneeId: reviewer.id } });
    try {
      for (const assignee of [String(reviewer.id), "none", "me", `${reviewer.id},none`, "999999"]) {
        // As parsed, and as read for nobody: the same.
        for (const signedOut of [query({ assignee }), forViewer(query({ assignee }), null)]) {
          expect((await getClaims(signedOut, prisma)).total).toBe(0);
          expect((await getClaimFacets(signedOut, prisma)).total).toBe(0);
        }
      }
    } finally {
      await prisma.claim.updateMany({ where: { id: { in: claimIds } }, data: { assigneeId: null } });
    }
  });

  it("keeps only me, none and positive ids from the URL", () => {
    expect(query({ assignee: "me,none,7,0,-3,abc,7,'; DROP TABLE x" }).assignees).toEqual(["me", "none", 7]);
  });
});
