import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getClaimFacets, getClaims, resolveClaimsQuery } from "@/lib/data/claims";
import type { Prisma } from "@/lib/prisma-client";
import { COMMAND_LINE, createUser } from "@/lib/data/users";
import {
  CLAIMS_FILTERS,
  CLAIMS_FILTER_KEYS,
  filterValues,
  forViewer,
  parseClaimsQuery,
  type ClaimsFilterKey,
  type ClaimsQuery,
} from "@/lib/validations/claims";
import { withPgClient } from "@/tests/helpers/db";
import { addReviewData, type ReviewData } from "@/tests/helpers/review-data";
import { freshSeededDatabase } from "@/tests/helpers/seeded-database";

let prisma: Prisma;
let review: ReviewData;
beforeAll(async () => {
  prisma = await freshSeededDatabase();
  review = await addReviewData(prisma, "claims-query-reviewer");
});
afterAll(async () => {
  await prisma?.$disconnect();
});

const query = (params: Record<string, string>) => parseClaimsQuery(new URLSearchParams(params));
const read = async (q: ClaimsQuery) => getClaims(await resolveClaimsQuery(q, prisma), prisma);
const list = async (params: Record<string, string>) => read(query({ size: "100", ...params }));
const ids = async (params: Record<string, string>) => (await list(params)).rows.map((r) => r.id);

async function sqlRows<T extends object>(text: string, params: unknown[] = []): Promise<T[]> {
  return withPgClient(async (client) => (await client.query<T>(text, params)).rows);
}

/** Claim ids by plain SQL, to check the query layer against. */
async function idsWhere(where: string, params: unknown[] = []): Promise<number[]> {
  return (
    await sqlRows<{ id: number }>(
      `SELECT c.id FROM "Claim" c WHERE ${where} ORDER BY c."documentId", c."startOffset", c.id`,
      params,
    )
  ).map((r) => r.id);
}

describe("getClaims filters", () => {
  it("returns every claim in document order without filters", async () => {
    const page = await list({});
    expect(page.total).toBe((await idsWhere("true")).length);
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
    expect(await ids({ status: "REVIEWED,IN_REVIEW" })).toEqual(
      await idsWhere(`c.status IN ('REVIEWED', 'IN_REVIEW')`),
    );
    expect(await ids({ verdict: "none" })).toEqual(await idsWhere(`c.verdict IS NULL`));
    expect(await ids({ verdict: "SUPPORTED,none" })).toEqual(
      await idsWhere(`c.verdict = 'SUPPORTED' OR c.verdict IS NULL`),
    );
    expect(await ids({ citation_missing: "yes" })).toEqual(await idsWhere(`c."citationMissing"`));
    expect(await ids({ citation_missing: "no" })).toEqual(await idsWhere(`NOT c."citationMissing"`));
    expect(await ids({ has_sources: "yes" })).toEqual(
      await idsWhere(`EXISTS (SELECT 1 FROM "ClaimSource" s WHERE s."claimId" = c.id)`),
    );
    expect(await ids({ has_quantities: "yes" })).toEqual(
      await idsWhere(`EXISTS (SELECT 1 FROM "Quantity" q WHERE q."claimId" = c.id)`),
    );
    const documents = await sqlRows<{ id: number }>(`SELECT id FROM "Document"`);
    expect(documents.length).toBeGreaterThan(0);
    for (const { id } of documents) {
      expect(await ids({ document: String(id) })).toEqual(await idsWhere(`c."documentId" = $1`, [id]));
    }
    // A document that does not exist matches no claim, rather than being ignored.
    expect(await ids({ document: "2147483647" })).toEqual([]);
  });

  it("filters by whether a claim has a note, a deleted note counting as none", async () => {
    const noted = await ids({ has_notes: "yes" });
    expect(noted).toEqual(
      await idsWhere(
        `EXISTS (SELECT 1 FROM "Annotation" a WHERE a."claimId" = c.id AND a."deletedAt" IS NULL)`,
      ),
    );
    expect([...noted].sort((a, b) => a - b)).toEqual([...review.notedClaimIds].sort((a, b) => a - b));
    const unnoted = await ids({ has_notes: "no" });
    expect(unnoted).toContain(review.deletedNoteClaimId);
    expect(unnoted.length + noted.length).toBe((await idsWhere("true")).length);
    expect(unnoted.some((id) => noted.includes(id))).toBe(false);
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
    // The hostile searches changed nothing.
    expect((await list({})).total).toBe((await idsWhere("true")).length);
  });
});

describe("sorting and paging", () => {
  it("sorts by an allow-listed column in either direction, with stable ties", async () => {
    const asc = await ids({ sort: "kind", dir: "asc" });
    const desc = await ids({ sort: "kind", dir: "desc" });
    expect(asc).toHaveLength((await idsWhere("true")).length);
    expect(desc).toEqual([...asc].reverse());
    const kinds = (await list({ sort: "kind" })).rows.map((r) => r.kind);
    expect(kinds[0]).toBe("STATISTIC");
    expect(kinds.at(-1)).toBe("ATTRIBUTION");
  });

  it("pages through every claim exactly once and clamps nothing silently", async () => {
    const all = await idsWhere("true");
    const pages = Math.ceil(all.length / 10);
    const seen: number[] = [];
    for (let page = 1; page <= pages; page++) {
      const result = await read(query({ size: "10", page: String(page) }));
      expect(result.pageCount).toBe(pages);
      seen.push(...result.rows.map((r) => r.id));
    }
    expect(seen).toEqual(all);
    const beyond = await read(query({ size: "10", page: "99" }));
    expect(beyond).toMatchObject({ rows: [], total: all.length });
  });
});

/**
 * Each set filter of a query as plain SQL over the link tables (not the columns the triggers keep), written here
 * independently of lib/queries/claims-sql.ts. Searches are left to the table itself (see "getClaims search").
 */
function oracleWhere(q: ClaimsQuery, except: readonly ClaimsFilterKey[], args: unknown[]): string {
  const arg = (value: unknown) => {
    args.push(value);
    return `$${args.length}`;
  };
  const flag = (values: string[], condition: string) =>
    values[0] === "yes" ? condition : `NOT ${condition}`;
  const conditions = CLAIMS_FILTER_KEYS.filter((key) => !except.includes(key)).flatMap((key) => {
    const values = filterValues(q, key);
    if (!values.length) return [];
    switch (key) {
      case "sectors":
        return `EXISTS (SELECT 1 FROM "ClaimSector" cs JOIN "Sector" s ON s.id = cs."sectorId"
          WHERE cs."claimId" = c.id AND s.slug = ANY(${arg(values)}::text[]))`;
      case "entities":
        return values.map(
          (slug) => `EXISTS (SELECT 1 FROM "ClaimEntity" ce JOIN "Entity" e ON e.id = ce."entityId"
            WHERE ce."claimId" = c.id AND e.slug = ${arg(slug)})`,
        );
      case "kinds":
        return `c.kind::text = ANY(${arg(values)}::text[])`;
      case "statuses":
        return `c.status::text = ANY(${arg(values)}::text[])`;
      case "verdicts":
        return `(c.verdict::text = ANY(${arg(values)}::text[]) OR (${arg(values.includes("none"))} AND c.verdict IS NULL))`;
      case "documentId":
        return `c."documentId" = ${arg(Number(values[0]))}`;
      case "sectionIds":
        return `c."sectionId" = ANY(${arg(values.map(Number))}::int[])`;
      case "assignees": {
        if (q.viewerId === null) return "false";
        const users = values.flatMap((v) => (v === "me" ? [q.viewerId] : v === "none" ? [] : [Number(v)]));
        return `(c."assigneeId" = ANY(${arg(users)}::int[]) OR (${arg(values.includes("none"))} AND c."assigneeId" IS NULL))`;
      }
      case "citationMissing":
        return flag(values, `c."citationMissing"`);
      case "hasSources":
        return flag(values, `EXISTS (SELECT 1 FROM "ClaimSource" x WHERE x."claimId" = c.id)`);
      case "hasQuantities":
        return flag(values, `EXISTS (SELECT 1 FROM "Quantity" x WHERE x."claimId" = c.id)`);
      case "hasNotes":
        return flag(
          values,
          `EXISTS (SELECT 1 FROM "Annotation" x WHERE x."claimId" = c.id AND x."deletedAt" IS NULL)`,
        );
      case "updatedWeek":
        return `date_trunc('week', c."updatedAt")::date = ${arg(values[0])}::date`;
    }
  });
  return conditions.length ? conditions.join(" AND ") : "true";
}

/** What each menu counts a claim under, and which filters its counts ignore (its own unless said). */
const ORACLE_FACETS: Record<
  ClaimsFilterKey,
  { value: (q: ClaimsQuery) => string; join?: string; ignores?: ClaimsFilterKey[] } | null
> = {
  sectors: {
    join: `JOIN "ClaimSector" x ON x."claimId" = c.id JOIN "Sector" v ON v.id = x."sectorId"`,
    value: () => "v.slug",
  },
  // Entities narrow to claims naming all of them, so their counts keep the entity filter: what adding one does.
  entities: {
    join: `JOIN "ClaimEntity" x ON x."claimId" = c.id JOIN "Entity" v ON v.id = x."entityId"`,
    value: () => "v.slug",
    ignores: [],
  },
  kinds: { value: () => "c.kind::text" },
  documentId: { value: () => `c."documentId"::text`, ignores: ["documentId", "sectionIds"] },
  sectionIds: { value: () => `c."sectionId"::text` },
  statuses: { value: () => "c.status::text" },
  verdicts: { value: () => "COALESCE(c.verdict::text, 'none')" },
  assignees: {
    value: (q) =>
      `CASE WHEN c."assigneeId" IS NULL THEN 'none' WHEN c."assigneeId" = ${Number(q.viewerId)} THEN 'me' ELSE c."assigneeId"::text END`,
  },
  citationMissing: { value: () => `CASE WHEN c."citationMissing" THEN 'yes' ELSE 'no' END` },
  hasSources: {
    value: () =>
      `CASE WHEN EXISTS (SELECT 1 FROM "ClaimSource" x WHERE x."claimId" = c.id) THEN 'yes' ELSE 'no' END`,
  },
  hasQuantities: {
    value: () =>
      `CASE WHEN EXISTS (SELECT 1 FROM "Quantity" x WHERE x."claimId" = c.id) THEN 'yes' ELSE 'no' END`,
  },
  hasNotes: {
    value: () =>
      `CASE WHEN EXISTS (SELECT 1 FROM "Annotation" x WHERE x."claimId" = c.id AND x."deletedAt" IS NULL) THEN 'yes' ELSE 'no' END`,
  },
  updatedWeek: null,
};

async function oracleCounts(q: ClaimsQuery, key: ClaimsFilterKey): Promise<Map<string, number>> {
  const facet = ORACLE_FACETS[key]!;
  const args: unknown[] = [];
  const where = oracleWhere(q, facet.ignores ?? [key], args);
  const rows = await sqlRows<{ value: string; count: number }>(
    `SELECT ${facet.value(q)} AS value, count(*)::int AS count FROM "Claim" c ${facet.join ?? ""} WHERE ${where} GROUP BY 1`,
    args,
  );
  return new Map(rows.map((row) => [row.value, row.count]));
}

/** Checks the total and every menu's counts of `params` against the SQL above. */
async function expectFacetsToMatchSql(params: Record<string, string>, viewerId: number | null = null) {
  const q = forViewer(query(params), viewerId);
  const facets = await getClaimFacets(await resolveClaimsQuery(q, prisma), prisma);
  const label = JSON.stringify(params);
  const args: unknown[] = [];
  const [{ total }] = (await sqlRows<{ total: number }>(
    `SELECT count(*)::int AS total FROM "Claim" c WHERE ${oracleWhere(q, [], args)}`,
    args,
  )) as [{ total: number }];
  expect(facets.total, label).toBe(total);
  // Every menu is offered, but sections before a document is chosen and assignees to someone signed out.
  const offered = CLAIMS_FILTER_KEYS.filter(
    (key) =>
      ORACLE_FACETS[key] &&
      (key !== "sectionIds" || q.documentId !== null) &&
      (key !== "assignees" || viewerId !== null),
  );
  expect(Object.keys(facets.options).sort(), label).toEqual([...offered].sort());
  for (const key of offered) {
    const expected = await oracleCounts(q, key);
    const options = facets.options[key]!;
    const counts = Object.fromEntries(options.map((option) => [option.value, option.count]));
    if (key === "entities") {
      // The most-named entities (and the chosen ones), each with its count.
      for (const option of options)
        expect(option.count, `${label} ${option.value}`).toBe(expected.get(option.value) ?? 0);
      const listed = options.filter((option) => !q.entities.includes(option.value));
      const lowest = Math.min(...listed.map((option) => option.count));
      const unlisted = [...expected].filter(([value]) => !(value in counts)).map(([, count]) => count);
      expect(Math.max(0, ...unlisted), `${label} entities left out`).toBeLessThanOrEqual(lowest);
      continue;
    }
    // Every option shows its count, every value a claim has is offered, and so is every value the filter knows.
    expect(counts, `${label} ${key}`).toEqual(
      Object.fromEntries(options.map((option) => [option.value, expected.get(option.value) ?? 0])),
    );
    const known = (CLAIMS_FILTERS[key].options ?? []).map((option) => option.value);
    expect(Object.keys(counts), `${label} ${key} values`).toEqual(
      expect.arrayContaining([...known, ...[...expected.keys()]]),
    );
  }
}

describe("getClaimFacets", () => {
  it("counts every menu as plain SQL does, each under the other filters and ignoring its own", async () => {
    const [document] = await sqlRows<{ id: number }>(`SELECT id FROM "Document" ORDER BY id LIMIT 1`);
    const [section] = await sqlRows<{ id: number }>(
      `SELECT "sectionId" AS id FROM "Claim" GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const filterSets: Record<string, string>[] = [
      {},
      { sector: "governance-ethics" },
      { sector: "healthcare,hardware-chips" },
      { sector: "hardware-chips", kind: "EVENT" },
      { sector: "hardware-chips", has_notes: "yes" },
      { sector: "foundation-models", citation_missing: "yes", has_sources: "no" },
      { kind: "STATISTIC", status: "REVIEWED" },
      { status: "IN_REVIEW,REVIEWED", verdict: "none" },
      { verdict: "SUPPORTED,FALSE", has_quantities: "yes" },
      { has_notes: "no" },
      { entity: "china", citation_missing: "yes" },
      { entity: "huawei,ascend-910b" },
      { document: String(document!.id) },
      { document: String(document!.id), section: String(section!.id), has_sources: "no" },
      { sector: "no-such-sector" },
    ];
    for (const params of filterSets) await expectFacetsToMatchSql(params);
  });

  it("counts the assignee menu for a signed-in viewer, as plain SQL does", async () => {
    await expectFacetsToMatchSql({}, review.reviewerId);
    await expectFacetsToMatchSql({ assignee: "me", sector: "hardware-chips" }, review.reviewerId);
    await expectFacetsToMatchSql({ assignee: "none", has_notes: "yes" }, review.reviewerId);
  });

  it("agrees with the table on the total, whatever the filters", async () => {
    for (const params of <Record<string, string>[]>[
      { q: "Huawei" },
      { q: "Huawei", sector: "hardware-chips" },
      { q: "chips", has_notes: "no" },
    ]) {
      const q = query(params);
      const facets = await getClaimFacets(await resolveClaimsQuery(q, prisma), prisma);
      expect(facets.total, JSON.stringify(params)).toBe((await read(q)).total);
    }
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
    // Claims no one is assigned yet, handed back to no one afterwards.
    const claimIds = (await idsWhere(`c."assigneeId" IS NULL`)).slice(0, 5);
    await prisma.claim.updateMany({
      where: { id: { in: claimIds.slice(0, 3) } },
      data: { assigneeId: reviewer!.id },
    });
    await prisma.claim.updateMany({
      where: { id: { in: claimIds.slice(3) } },
      data: { assigneeId: other!.id },
    });
    const idsFor = async (viewerId: number, params: Record<string, string>) =>
      (await read(forViewer(query({ size: "100", ...params }), viewerId))).rows.map((r) => r.id);
    try {
      expect(await idsFor(other!.id, { assignee: String(reviewer!.id) })).toEqual(claimIds.slice(0, 3));
      expect(await idsFor(other!.id, { assignee: `${reviewer!.id},${other!.id}` })).toEqual(claimIds);
      expect(await idsFor(other!.id, { assignee: "none" })).toEqual(await idsWhere(`c."assigneeId" IS NULL`));
      // "me" is whoever asks: the reviewer's own claims.
      expect(await idsFor(reviewer!.id, { assignee: "me" })).toEqual(claimIds.slice(0, 3));
      expect(await idsFor(reviewer!.id, { assignee: `me,${other!.id}` })).toEqual(claimIds);

      const anonymous = await getClaimFacets(await resolveClaimsQuery(query({}), prisma), prisma);
      expect(anonymous.options.assignees).toBeUndefined();
      const signedIn = forViewer(query({ assignee: "none" }), reviewer!.id);
      const facets = await getClaimFacets(await resolveClaimsQuery(signedIn, prisma), prisma);
      const assigned = (userId: number) => idsWhere(`c."assigneeId" = $1`, [userId]);
      // Me and Unassigned first, then everyone else with claims, most first.
      expect(facets.options.assignees).toEqual([
        { value: "me", label: "Me", count: 3 },
        { value: "none", label: "Unassigned", count: (await idsWhere(`c."assigneeId" IS NULL`)).length },
        {
          value: String(review.reviewerId),
          label: "claims-query-reviewer",
          count: (await assigned(review.reviewerId)).length,
        },
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
    const claimIds = (await idsWhere(`c."assigneeId" IS NULL`)).slice(0, 2);
    await prisma.claim.updateMany({ where: { id: { in: claimIds } }, data: { assigneeId: reviewer.id } });
    try {
      for (const assignee of [String(reviewer.id), "none", "me", `${reviewer.id},none`, "999999"]) {
        // As parsed, and as read for nobody: the same.
        for (const signedOut of [query({ assignee }), forViewer(query({ assignee }), null)]) {
          const resolved = await resolveClaimsQuery(signedOut, prisma);
          expect((await getClaims(resolved, prisma)).total).toBe(0);
          expect((await getClaimFacets(resolved, prisma)).total).toBe(0);
        }
      }
    } finally {
      await prisma.claim.updateMany({ where: { id: { in: claimIds } }, data: { assigneeId: null } });
    }
  });
});
