import { afterAll, beforeAll, describe, expect, it } from "vitest";
import expected from "@/tests/fixtures/expected-claims.json";
import type { Prisma } from "@/lib/prisma-client";
import { seed } from "@/prisma/seed";
import { withPgClient } from "@/tests/helpers/db";
import { freshSeededDatabase } from "@/tests/helpers/seeded-database";

let prisma: Prisma;
beforeAll(async () => {
  prisma = await freshSeededDatabase();
});
afterAll(async () => {
  await prisma?.$disconnect();
});

async function loadClaims() {
  const claims = await prisma.claim.findMany({
    orderBy: { startOffset: "asc" },
    include: {
      section: true,
      sectors: { include: { sector: true } },
      entities: { include: { entity: true } },
      sources: { include: { source: true } },
      quantities: true,
    },
  });
  return claims.map((c) => ({
    text: c.text,
    section: c.section.heading,
    kind: c.kind,
    citationMissing: c.citationMissing,
    sectors: c.sectors.map((s) => s.sector.slug).sort(),
    subjects: c.entities
      .filter((e) => e.role === "SUBJECT")
      .map((e) => e.entity.slug)
      .sort(),
    mentioned: c.entities
      .filter((e) => e.role === "MENTIONED")
      .map((e) => e.entity.slug)
      .sort(),
    sources: c.sources.map((s) => `${s.source.slug}:${s.relation}`).sort(),
    quantities: c.quantities.map(({ value, unit, qualifier, measure }) => ({
      value,
      unit,
      qualifier,
      measure,
    })),
    asOf: c.asOfDate ? String(c.asOfDate.getUTCFullYear()) : null,
  }));
}

/** Every row of every ClaimDesk table, to compare the database before and after an operation. */
async function snapshot() {
  return withPgClient(async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1",
    );
    const dump: Record<string, unknown[]> = {};
    for (const { name } of tables)
      dump[name] = (await client.query(`SELECT * FROM "${name}" ORDER BY 1`)).rows;
    return dump;
  });
}

describe("the seeded report", () => {
  it("holds exactly the curated claims, with kind, sectors, entities, sources and quantities", async () => {
    expect(await loadClaims()).toEqual(expected);
  });

  it("stores claim text verbatim: each claim is the document text between its offsets", async () => {
    const mismatches = await withPgClient(async (client) => {
      const { rows } = await client.query(
        `SELECT c.id, c.text FROM "Claim" c JOIN "Document" d ON d.id = c."documentId"
         WHERE substring(d."fullText" FROM c."startOffset" + 1 FOR c."endOffset" - c."startOffset") <> c.text`,
      );
      return rows;
    });
    expect(mismatches).toEqual([]);
  });

  it("keeps entity mentions pointing at the names in the document", async () => {
    const mentions = await prisma.entityMention.findMany({
      include: { claim: { include: { document: true } } },
    });
    expect(mentions.length).toBeGreaterThan(40);
    for (const mention of mentions) {
      const shown = Array.from(mention.claim.document.fullText)
        .slice(mention.startOffset, mention.endOffset)
        .join("");
      expect(shown).toBe(mention.surface);
    }
  });

  it("links Chinese names and parents: Kimi K2 belongs to Moonshot AI, known as 月之暗面", async () => {
    const kimi = await prisma.entity.findUniqueOrThrow({
      where: { slug: "kimi-k2" },
      include: { parent: { include: { aliases: true } } },
    });
    expect(kimi.parent?.name).toBe("Moonshot AI");
    expect(kimi.parent?.aliases.map((a) => a.alias)).toContain("月之暗面");
  });

  it("records the document with its content hash and sections", async () => {
    const document = await prisma.document.findFirstOrThrow({
      include: { sections: { orderBy: { order: "asc" } } },
    });
    expect(document.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(document.sections[0]?.heading).toBe("1. Introduction: A New Era of Chinese AI");
    expect(document.sections.filter((s) => s.level === 1)).toHaveLength(12);
  });

  it("changes nothing when seeded again", async () => {
    const before = await snapshot();
    await seed(prisma);
    expect(await snapshot()).toEqual(before);
  });

  it("never overwrites a reviewer's work when seeded again", async () => {
    const claim = await prisma.claim.findFirstOrThrow({ where: { text: { startsWith: "AI Funds" } } });
    await prisma.claim.update({
      where: { id: claim.id },
      data: { status: "REVIEWED", verdict: "UNVERIFIABLE" },
    });
    await seed(prisma);
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      status: "REVIEWED",
      verdict: "UNVERIFIABLE",
    });
  });
});

describe("search indexes on the seeded data", () => {
  it("finds claims by English full-text search with stemming", async () => {
    const rows = await prisma.$queryRaw<{ text: string }[]>`
      SELECT text FROM "Claim" WHERE "searchVector" @@ plainto_tsquery('english', 'hospital deployments')`;
    expect(rows.map((r) => r.text)).toEqual([
      "AI-powered diagnostic and imaging tools are being deployed in Chinese tertiary hospitals",
    ]);
  });

  it("finds an entity by a misspelt name or its Chinese alias through trigram similarity", async () => {
    // "Hauwei" shares 3 of 11 trigrams with "Huawei" (0.27), under pg_trgm's default threshold of 0.3.
    const find = async (term: string) => {
      const [, rows] = await prisma.$transaction([
        prisma.$executeRaw`SET LOCAL pg_trgm.similarity_threshold = 0.25`,
        prisma.$queryRaw<{ slug: string }[]>`
          SELECT DISTINCT e.slug FROM "Entity" e LEFT JOIN "EntityAlias" a ON a."entityId" = e.id
          WHERE e.name % ${term} OR a.alias % ${term} OR a.alias = ${term}`,
      ]);
      return rows.map((r) => r.slug);
    };
    expect(await find("Hauwei")).toEqual(["huawei"]);
    expect(await find("华为")).toEqual(["huawei"]);
  });
});
