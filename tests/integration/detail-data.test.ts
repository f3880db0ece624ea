// Reads behind the detail pages (claim, entity, source, document reader) against the seeded report.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getClaim, getRelatedClaims } from "@/lib/data/claim-detail";
import { getDocumentForReader } from "@/lib/data/documents";
import { getEntity, getEntityClaims, parseEntitySearch, searchEntities } from "@/lib/data/entities";
import { parseRecordId } from "@/lib/data/record-id";
import { getSource, getSources, parseSourceSearch } from "@/lib/data/sources";
import { segmentText, splitSegmentsAt } from "@/lib/data/text-segments";
import { hasLostCitation } from "@/lib/ingest/citations";
import type { Prisma } from "@/lib/prisma-client";
import { withPgClient } from "@/tests/helpers/db";
import type { EntityRole } from "@/lib/generated/prisma/enums.ts";
import { makeDocument, makeEntity } from "@/prisma/factories";
import { freshSeededDatabase } from "@/tests/helpers/seeded-database";

let prisma: Prisma;
beforeAll(async () => {
  prisma = await freshSeededDatabase();
});
afterAll(async () => {
  await prisma?.$disconnect();
});

async function sql<T extends object>(text: string, params: unknown[] = []): Promise<T[]> {
  return withPgClient(async (client) => (await client.query<T>(text, params)).rows);
}

async function entityId(slug: string): Promise<number> {
  return (await prisma.entity.findUniqueOrThrow({ where: { slug } })).id;
}

describe("searchEntities", () => {
  it.each(["huawei", "HUAWEI", "华为", "Hauwei", "  huawei  "])("finds Huawei first by %j", async (q) => {
    const { rows, total } = await searchEntities({ q }, prisma);
    expect(total).toBeGreaterThan(0);
    expect(rows[0]?.slug).toBe("huawei");
  });

  it("matches aliases by substring, and returns aliases, parent and claim counts with each row", async () => {
    const { rows } = await searchEntities({ q: "月之暗面" }, prisma);
    expect(rows.map((row) => row.slug)).toEqual(["moonshot-ai"]);
    expect(rows[0]?.aliases).toContainEqual({ alias: "月之暗面", language: "zh" });

    const kimi = (await searchEntities({ q: "Kimi K2" }, prisma)).rows.find((row) => row.slug === "kimi-k2");
    expect(kimi?.parent).toMatchObject({ slug: "moonshot-ai", name: "Moonshot AI" });
    const [{ n }] = (await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM "ClaimEntity" ce JOIN "Entity" e ON e.id = ce."entityId" WHERE e.slug = 'kimi-k2'`,
    )) as [{ n: number }];
    expect(kimi?.claims).toBe(n);
  });

  it("treats LIKE wildcards in the query as text", async () => {
    expect((await searchEntities({ q: "%" }, prisma)).total).toBe(0);
    expect((await searchEntities({ q: "_" }, prisma)).total).toBe(0);
  });

  it("pages in the database, within bounds", async () => {
    const all = await prisma.entity.count();
    const pageCount = Math.ceil(all / 10);
    expect(pageCount).toBeGreaterThan(1);
    const first = await searchEntities({ page: 1, size: 10 }, prisma);
    expect(first).toMatchObject({ total: all, pageCount, page: 1, size: 10 });
    expect(first.rows).toHaveLength(10);

    const pages = await Promise.all(
      Array.from({ length: pageCount }, (_, i) => searchEntities({ page: i + 1, size: 10 }, prisma)),
    );
    const slugs = pages.flatMap((p) => p.rows.map((row) => row.slug));
    expect(slugs).toHaveLength(all);
    expect(new Set(slugs).size).toBe(all);
    expect(pages.at(-1)?.rows).toHaveLength(all - (pageCount - 1) * 10);

    expect((await searchEntities({ page: pageCount + 1, size: 10 }, prisma)).rows).toEqual([]);
    expect(await searchEntities({ page: 0, size: 1000 }, prisma)).toMatchObject({ page: 1, size: 100 });
    expect(await searchEntities({ page: -3, size: 0 }, prisma)).toMatchObject({ page: 1, size: 1 });
  });

  it("sorts by name or by claim count", async () => {
    const byName = (await searchEntities({ size: 100 }, prisma)).rows.map((row) => row.name.toLowerCase());
    expect(byName).toEqual([...byName].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const byClaims = (await searchEntities({ size: 100, sort: "claims" }, prisma)).rows.map(
      (row) => row.claims,
    );
    expect(byClaims).toEqual([...byClaims].sort((a, b) => b - a));
    expect((await searchEntities({ size: 1, sort: "claims" }, prisma)).rows[0]?.slug).toBe("china");
  });

  it("filters by kind, alone and with a search", async () => {
    const companies = await searchEntities({ kind: "COMPANY", size: 100 }, prisma);
    const [{ n }] = (await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Entity" WHERE kind = 'COMPANY'`,
    )) as [{ n: number }];
    expect(companies.total).toBe(n);
    expect(companies.rows.every((row) => row.kind === "COMPANY")).toBe(true);
    expect((await searchEntities({ q: "huawei", kind: "CHIP" }, prisma)).rows).toEqual([]);
  });

  it("reads its URL leniently: malformed values fall back to defaults", () => {
    expect(parseEntitySearch({ page: "abc", size: "7", kind: "NOPE", sort: "id; DROP", dir: "up" })).toEqual({
      q: "",
      kind: null,
      page: 1,
      size: 25,
      sort: null,
      dir: null,
    });
    expect(
      parseEntitySearch({ q: [" 华为 ", "x"], kind: "COMPANY", page: "2", size: "50", sort: "claims" }),
    ).toEqual({ q: "华为", kind: "COMPANY", page: 2, size: 50, sort: "claims", dir: null });
  });
});

describe("entity profile", () => {
  it("counts co-mentions of DeepSeek as the database does", async () => {
    const id = await entityId("deepseek");
    const profile = await getEntity(id, prisma);
    const expected = await sql<{ slug: string; claims: number }>(
      `SELECT e.slug, count(DISTINCT other."claimId")::int AS claims
       FROM "ClaimEntity" mine
       JOIN "ClaimEntity" other ON other."claimId" = mine."claimId" AND other."entityId" <> mine."entityId"
       JOIN "Entity" e ON e.id = other."entityId"
       WHERE mine."entityId" = $1 GROUP BY e.slug`,
      [id],
    );
    expect(profile?.coMentions.length).toBe(Math.min(10, expected.length));
    const counts = new Map(expected.map((row) => [row.slug, row.claims]));
    for (const co of profile?.coMentions ?? []) expect(co.claims).toBe(counts.get(co.slug));
    const top = Math.max(...expected.map((row) => row.claims));
    expect(profile?.coMentions[0]?.claims).toBe(top);
    expect(profile?.coMentions.map((co) => co.claims)).toEqual(
      [...(profile?.coMentions ?? [])].map((co) => co.claims).sort((a, b) => b - a),
    );
  });

  it("splits its claims into subject and mentioned, and lists them in pages", async () => {
    // One page's worth at the default size, three at a size of 8.
    const entity = await makeEntity(prisma);
    const roles = [...Array(12).fill("SUBJECT"), ...Array(8).fill("MENTIONED")] as EntityRole[];
    await makeDocument(prisma, {
      sections: [{ claims: roles.map((role) => ({ entities: [{ entity, role }] })) }],
    });
    const { id } = entity;
    const profile = await getEntity(id, prisma);
    expect(profile?.claims).toEqual({ subject: 12, mentioned: 8 });

    const total = roles.length;
    expect(await getEntityClaims(id, {}, prisma)).toMatchObject({ total, pageCount: 1, size: 20 });
    const pages = await Promise.all([1, 2, 3].map((page) => getEntityClaims(id, { page, size: 8 }, prisma)));
    expect(pages.map((page) => page.rows.length)).toEqual([8, 8, 4]);
    expect(pages[0]?.pageCount).toBe(3);
    expect(new Set(pages.flatMap((page) => page.rows.map((row) => row.id))).size).toBe(total);
  });

  it("links parent and children", async () => {
    const moonshot = await getEntity(await entityId("moonshot-ai"), prisma);
    expect(moonshot?.children.map((child) => child.name)).toContain("Kimi K2");
    const kimi = await getEntity(await entityId("kimi-k2"), prisma);
    expect(kimi?.parent?.name).toBe("Moonshot AI");
    expect(await getEntity(2_000_000_000, prisma)).toBeNull();
  });
});

describe("claim detail", () => {
  it("cuts the claim at its entity mentions without changing its text", async () => {
    const claim = await prisma.claim.findFirstOrThrow({ where: { text: { startsWith: "Huawei's push" } } });
    const detail = await getClaim(claim.id, prisma);
    expect(detail?.textSegments.map((segment) => segment.text).join("")).toBe(claim.text);
    const marked = detail?.textSegments.filter((segment) => segment.mark) ?? [];
    expect(marked.map((segment) => segment.text)).toEqual([
      "Huawei",
      "Ascend 910B/C",
      "Middle East",
      "Southeast Asian",
      "U.S.",
    ]);
    // One name, two chips.
    expect(marked[1]?.mark?.map((entity) => entity.slug).sort()).toEqual(["ascend-910b", "ascend-910c"]);
    expect(detail?.citationMissing).toBe(true);
    expect(claim.text.slice(detail?.lostCitationAt ?? 0)).toBe(" .");
    expect(detail?.sections.map((section) => section.heading)).toEqual([
      "3. Hardware Independence and AI Chips",
      "Domestic AI Chip Push",
    ]);
    expect(detail?.paragraph.find((segment) => segment.mark)?.text).toBe(claim.text);
  });

  it("gives the surrounding line, quantities, sources and the as-of date", async () => {
    const claim = await prisma.claim.findFirstOrThrow({
      where: { text: { startsWith: "Stanford’s 2025 AI Index" } },
    });
    const detail = await getClaim(claim.id, prisma);
    expect(detail?.paragraph.map((segment) => segment.text).join("")).toBe(
      "Stanford’s 2025 AI Index reports strong optimism in China (~83%), indicating public support for AI .",
    );
    expect(detail?.quantities).toEqual([
      expect.objectContaining({ value: 83, unit: "percent", qualifier: "about" }),
    ]);
    expect(detail?.sources).toEqual([
      expect.objectContaining({
        title: "AI Index Report 2025",
        relation: "CITED_IN_TEXT",
        reliability: null,
      }),
    ]);
    expect(detail?.asOf?.precision).toBe("YEAR");
    expect(detail?.asOf?.date.getUTCFullYear()).toBe(2025);
    expect(detail?.verdict).toBeNull();
  });

  it("returns null for a claim that does not exist", async () => {
    expect(await getClaim(2_147_483_647, prisma)).toBeNull();
  });

  it("relates claims that share an entity, those sharing most first, at most 8", async () => {
    const claim = await prisma.claim.findFirstOrThrow({ where: { text: { startsWith: "DeepSeek shook" } } });
    const related = await getRelatedClaims(claim.id, prisma);
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(8);
    const own = new Set(
      (await prisma.claimEntity.findMany({ where: { claimId: claim.id } })).map((link) => link.entityId),
    );
    let previous = Infinity;
    for (const row of related) {
      expect(row.id).not.toBe(claim.id);
      const theirs = (await prisma.claimEntity.findMany({ where: { claimId: row.id } })).map(
        (l) => l.entityId,
      );
      const shared = theirs.filter((entity) => own.has(entity));
      expect(shared.length).toBeGreaterThan(0);
      expect(row.shared.map((entity) => entity.id).sort()).toEqual(shared.sort());
      expect(shared.length).toBeLessThanOrEqual(previous);
      previous = shared.length;
    }
  });
});

describe("document reader", () => {
  it("lays the text out in blocks whose runs give the full text back exactly", async () => {
    const document = await prisma.document.findFirstOrThrow({ include: { claims: true, sections: true } });
    const reader = await getDocumentForReader(document.id, null, prisma);
    if (!reader) throw new Error("reader missing");
    const rebuilt = reader.blocks
      .map((block) => block.segments.map((segment) => segment.text).join(""))
      .join("\n");
    expect(rebuilt).toBe(document.fullText);

    expect(reader.blocks[0]?.type).toBe("title");
    const headings = reader.blocks.filter((block) => block.type === "heading");
    expect(headings).toHaveLength(document.sections.length);
    expect(headings.filter((block) => block.level === 1)).toHaveLength(
      document.sections.filter((section) => section.level === 1).length,
    );

    const claimRuns = reader.blocks.flatMap((block) => block.segments).filter((segment) => segment.mark);
    expect(claimRuns.filter((segment) => segment.mark?.first)).toHaveLength(document.claims.length);
    for (const claim of document.claims) {
      const runs = claimRuns.filter(
        (segment) => segment.mark?.type === "claim" && segment.mark.claimId === claim.id,
      );
      expect(runs.map((segment) => segment.text).join("")).toBe(claim.text);
    }
    // Claims split from a sentence whose gap lies in their other half share that gap: the article has fewer gaps
    // than claims that lost a citation.
    const lost = claimRuns.filter((segment) => segment.mark?.lostCitationAt !== null);
    const lostCitations = document.claims.filter((claim) => claim.citationMissing).length;
    expect(lost).toHaveLength(
      document.claims.filter((claim) => claim.citationMissing && hasLostCitation(claim.text)).length,
    );
    expect(lost.length).toBeLessThan(lostCitations);
    expect(reader).toMatchObject({ claims: document.claims.length, lostCitations });
    for (const segment of lost)
      expect(segment.text.slice(segment.mark?.lostCitationAt ?? 0)).toMatch(/^\s+\./);
    expect(reader.sections.reduce((sum, section) => sum + section.claims, 0)).toBe(document.claims.length);
  });

  it("returns null for a document that does not exist", async () => {
    expect(await getDocumentForReader(999_999, null, prisma)).toBeNull();
  });
});

describe("sources", () => {
  it("lists sources with their claim counts, filtered by kind and search", async () => {
    const all = await getSources({}, prisma);
    expect(all.total).toBe(5);
    const counts = await sql<{ title: string; n: number }>(
      `SELECT s.title, count(DISTINCT cs."claimId")::int AS n FROM "Source" s
       LEFT JOIN "ClaimSource" cs ON cs."sourceId" = s.id GROUP BY s.id`,
    );
    for (const row of all.rows) expect(row.claims).toBe(counts.find((c) => c.title === row.title)?.n);
    expect((await getSources({ q: "stanford" }, prisma)).rows.map((row) => row.title)).toEqual([
      "AI Index Report 2025",
    ]);
    expect((await getSources({ kind: "SPEECH" }, prisma)).total).toBe(1);
    expect(parseSourceSearch({ kind: "nope", page: "-1" })).toMatchObject({ kind: null, page: 1 });
  });

  it("gives a source with the claims that cite it", async () => {
    const rand = await prisma.source.findUniqueOrThrow({
      where: { slug: "rand-australia-china-ai-strategy" },
    });
    const detail = await getSource(rand.id, prisma);
    expect(detail?.claims.map((claim) => claim.relation).sort()).toEqual(["CITED_IN_TEXT", "CONTEXT"]);
    expect(await getSource(999_999, prisma)).toBeNull();
  });
});

describe("pure helpers", () => {
  it("parses record ids from URL segments", () => {
    expect(parseRecordId("12")).toBe(12);
    expect(parseRecordId("2147483647")).toBe(2_147_483_647);
    for (const bad of ["abc", "-1", "0", "01", "1e3", "1.5", "99999999999999", "2147483648", ""]) {
      expect(parseRecordId(bad)).toBeNull();
    }
  });

  it("segments by code points, skipping overlapping and out-of-range spans", () => {
    const text = "🏗️ Huawei and 华为 .";
    const segments = segmentText(text, [
      { start: 3, end: 9, mark: "a" },
      { start: 5, end: 12, mark: "overlap" },
      { start: 14, end: 16, mark: "b" },
      { start: 16, end: 99, mark: "outside" },
    ]);
    expect(segments.map((segment) => segment.text).join("")).toBe(text);
    expect(segments.filter((segment) => segment.mark).map((s) => [s.text, s.mark])).toEqual([
      ["Huawei", "a"],
      ["华为", "b"],
    ]);
    const [before, after] = splitSegmentsAt(segments, text.length - 2);
    expect(before.map((s) => s.text).join("")).toBe(text.slice(0, -2));
    expect(after.map((s) => s.text).join("")).toBe(" .");
  });
});
