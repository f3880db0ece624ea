import { describe, expect, it } from "vitest";
import { generateSyntheticCorpus, type SyntheticCorpusOptions } from "@/scripts/bench/synthetic-corpus";
import { entitiesSchema, sectorsSchema, sourcesSchema } from "@/lib/ingest/catalog";
import { sliceCodePoints } from "@/lib/ingest/offsets";
import entities from "@/prisma/data/entities.json";
import sectors from "@/prisma/data/sectors.json";
import sources from "@/prisma/data/sources.json";

const catalog = {
  sectors: sectorsSchema.parse(sectors),
  entities: entitiesSchema.parse(entities),
  sources: sourcesSchema.parse(sources),
};
const options: SyntheticCorpusOptions = {
  seed: "unit-test",
  claims: 1_000,
  documents: 8,
  entities: 300,
  sources: 40,
};
const corpus = generateSyntheticCorpus(options, catalog);
const claims = corpus.Claim;
const share = (count: number) => count / claims.length;

describe("synthetic benchmark corpus", () => {
  it("comes out identical for the same options, and different for another seed", () => {
    expect(JSON.stringify(generateSyntheticCorpus(options, catalog))).toBe(JSON.stringify(corpus));
    const other = generateSyntheticCorpus({ ...options, seed: "another" }, catalog);
    expect(other.Claim[0]!.text).not.toBe(claims[0]!.text);
  });

  it("has the requested sizes and the real sectors", () => {
    expect(claims).toHaveLength(options.claims);
    expect(corpus.Document).toHaveLength(options.documents);
    expect(corpus.Entity).toHaveLength(options.entities);
    expect(corpus.Source).toHaveLength(options.sources);
    expect(corpus.Sector.map((s) => s.slug)).toEqual(catalog.sectors.map((s) => s.slug));
  });

  it("stores each claim and mention verbatim at its code-point offsets in the document", () => {
    const texts = new Map(corpus.Document.map((d) => [d.id, d.fullText]));
    const claimsById = new Map(claims.map((c) => [c.id, c]));
    let astral = false;
    for (const document of corpus.Document) astral ||= /[\u{10000}-\u{10FFFF}]/u.test(document.fullText);
    // Emoji before the claims make code points and UTF-16 indices differ, so the check below means something.
    expect(astral).toBe(true);
    for (const claim of claims) {
      expect(sliceCodePoints(texts.get(claim.documentId)!, claim.startOffset, claim.endOffset)).toBe(
        claim.text,
      );
    }
    for (const mention of corpus.EntityMention) {
      const claim = claimsById.get(mention.claimId)!;
      const text = texts.get(claim.documentId)!;
      expect(sliceCodePoints(text, mention.startOffset, mention.endOffset)).toBe(mention.surface);
      expect(mention.startOffset).toBeGreaterThanOrEqual(claim.startOffset);
      expect(mention.endOffset).toBeLessThanOrEqual(claim.endOffset);
    }
  });

  it("keeps every claim inside its section and every key unique", () => {
    const sections = new Map(corpus.Section.map((s) => [s.id, s]));
    for (const claim of claims) {
      const section = sections.get(claim.sectionId)!;
      expect(section.documentId).toBe(claim.documentId);
      expect(claim.startOffset).toBeGreaterThanOrEqual(section.startOffset);
      expect(claim.endOffset).toBeLessThanOrEqual(section.endOffset);
    }
    const unique = (keys: string[]) => new Set(keys).size === keys.length;
    expect(unique(corpus.Entity.map((e) => e.slug))).toBe(true);
    expect(unique(corpus.Source.map((s) => s.slug))).toBe(true);
    expect(unique(corpus.Document.map((d) => d.contentHash))).toBe(true);
    expect(unique(corpus.EntityAlias.map((a) => `${a.entityId}:${a.alias}`))).toBe(true);
    expect(unique(corpus.ClaimEntity.map((c) => `${c.claimId}:${c.entityId}`))).toBe(true);
    expect(unique(corpus.ClaimSector.map((c) => `${c.claimId}:${c.sectorId}`))).toBe(true);
    expect(unique(corpus.ClaimSource.map((c) => `${c.claimId}:${c.sourceId}:${c.relation}`))).toBe(true);
    const ids = new Set(corpus.Entity.map((e) => e.id));
    expect(corpus.Entity.every((e) => e.parentId === null || ids.has(e.parentId))).toBe(true);
  });

  it("follows the seed's proportions", () => {
    const count = (predicate: (c: (typeof claims)[number]) => boolean) => claims.filter(predicate).length;
    expect(share(count((c) => c.citationMissing))).toBeCloseTo(0.58, 1);
    expect(share(count((c) => c.kind === "ASSESSMENT"))).toBeCloseTo(0.46, 1);
    expect(share(count((c) => c.kind === "EVENT"))).toBeCloseTo(0.37, 1);
    expect(share(count((c) => c.kind === "STATISTIC"))).toBeGreaterThan(0.03);
    expect(share(count((c) => c.citationMissing === c.text.endsWith(" .")))).toBe(1);
    expect(share(count((c) => c.status === "REVIEWED"))).toBeGreaterThan(0.1);
    expect(claims.every((c) => (c.verdict !== null) === (c.status === "REVIEWED"))).toBe(true);

    const perClaim = (rows: { claimId: number }[]) => {
      const counts = new Map<number, number>();
      for (const row of rows) counts.set(row.claimId, (counts.get(row.claimId) ?? 0) + 1);
      return counts;
    };
    const sectorCounts = [...perClaim(corpus.ClaimSector).values()];
    expect(sectorCounts).toHaveLength(claims.length);
    expect(Math.min(...sectorCounts)).toBe(1);
    expect(Math.max(...sectorCounts)).toBe(4);
    const entityCounts = [...perClaim(corpus.ClaimEntity).values()];
    expect(entityCounts).toHaveLength(claims.length);
    expect(Math.max(...entityCounts)).toBeLessThanOrEqual(6);
    expect(share(perClaim(corpus.ClaimSource).size)).toBeCloseTo(0.12, 1);
    expect(share(perClaim(corpus.Quantity).size)).toBeCloseTo(0.07, 1);
    expect(corpus.ClaimEntity.filter((c) => c.role === "SUBJECT")).toHaveLength(claims.length);
  });

  it("gives entities a long-tailed popularity: the most mentioned one is in a few percent of claims", () => {
    const mentions = new Map<number, number>();
    for (const row of corpus.ClaimEntity) mentions.set(row.entityId, (mentions.get(row.entityId) ?? 0) + 1);
    const sorted = [...mentions.values()].sort((a, b) => b - a);
    expect(share(sorted[0]!)).toBeGreaterThan(0.02);
    expect(share(sorted[0]!)).toBeLessThan(0.15);
    expect(mentions.size).toBeGreaterThan(options.entities / 2);
  });

  it("writes English sentences that name their entities, some with a Chinese alias", () => {
    expect(claims.every((c) => /^[A-Z0-9“]/.test(c.text) && c.text.endsWith("."))).toBe(true);
    expect(corpus.EntityMention.some((m) => /\p{Script=Han}/u.test(m.surface))).toBe(true);
    expect(corpus.EntityAlias.some((a) => a.language === "zh")).toBe(true);
  });
});
