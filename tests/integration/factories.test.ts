// The test-data factories make records the app reads as it reads imported ones: offsets that point at the claim's
// words, links the triggers summarise, notes with their verdicts and audit events.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getClaims, resolveClaimsQuery } from "@/lib/data/claims";
import { getDocumentForReader } from "@/lib/data/documents";
import type { Prisma } from "@/lib/prisma-client";
import { parseClaimsQuery } from "@/lib/validations/claims";
import { syncCatalog } from "@/lib/ingest/catalog";
import {
  makeClaim,
  makeDocument,
  makeDraftDocument,
  makeEntity,
  makeSector,
  makeSource,
  makeUser,
  uniqueTag,
} from "@/prisma/factories";
import { loadCatalog } from "@/prisma/seed";
import { freshDatabase } from "@/tests/helpers/seeded-database";

let prisma: Prisma;
beforeAll(async () => {
  prisma = await freshDatabase();
});
afterAll(async () => {
  await prisma?.$disconnect();
});

describe("makeDocument", () => {
  it("lays claims out in their sections, with offsets in code points into the document's text", async () => {
    const { document, sections, claims } = await makeDocument(prisma, {
      sections: [
        { heading: "1. 开始", claims: [{ text: "华为 shipped 200,000 chips." }, {}] },
        { claims: [{ citationMissing: true }] },
      ],
    });
    expect(sections.map((section) => section.order)).toEqual([0, 1]);
    expect(claims.map((claim) => claim.sectionId)).toEqual([
      sections[0]!.id,
      sections[0]!.id,
      sections[1]!.id,
    ]);
    const text = Array.from(document.fullText);
    for (const claim of claims)
      expect(text.slice(claim.startOffset, claim.endOffset).join("")).toBe(claim.text);

    const reader = await getDocumentForReader(document.id, null, prisma);
    expect(reader?.blocks.filter((block) => block.type === "heading")).toHaveLength(2);
    expect(reader).toMatchObject({ claims: 3, lostCitations: 1 });
    const lost = reader!.blocks
      .flatMap((block) => block.segments)
      .filter((s) => s.mark?.lostCitationAt != null);
    expect(lost.map((segment) => segment.mark)).toMatchObject([{ type: "claim", claimId: claims[2]!.id }]);
  });

  it("gives every call its own names, slugs and texts", async () => {
    const [first, second] = await Promise.all([makeClaim(prisma), makeClaim(prisma)]);
    expect(first.text).not.toBe(second.text);
    expect(first.documentId).not.toBe(second.documentId);
    const [a, b] = await Promise.all([makeEntity(prisma), makeEntity(prisma)]);
    expect(a.slug).not.toBe(b.slug);
    expect(a.name).not.toBe(b.name);
  });
});

describe("makeClaim", () => {
  it("links sectors, entities, sources and quantities, which the claims table filters on", async () => {
    const sector = await makeSector(prisma);
    const entity = await makeEntity(prisma, { aliases: [["某公司", "zh"]] });
    const source = await makeSource(prisma);
    const assignee = await makeUser(prisma, { role: "REVIEWER" });
    const claim = await makeClaim(prisma, {
      text: `${entity.name} raised 8 billion dollars.`,
      sectors: [sector],
      entities: [entity],
      sources: [{ source, relation: "SUPPORTS" }],
      quantities: [{ value: 8e9, unit: "USD", measure: "funds raised" }],
      assignee,
      status: "IN_REVIEW",
      verdict: "MIXED",
    });

    const ids = async (params: Record<string, string>) =>
      (await getClaims(await resolveClaimsQuery(parseClaimsQuery(params), prisma), prisma)).rows.map(
        (row) => row.id,
      );
    const filters: Record<string, string>[] = [
      { sector: sector.slug },
      { entity: entity.slug },
      {
        has_sources: "yes",
        has_quantities: "yes",
        verdict: "MIXED",
        status: "IN_REVIEW",
        sector: sector.slug,
      },
    ];
    for (const params of filters) expect(await ids(params)).toEqual([claim.id]);

    const stored = await prisma.claim.findUniqueOrThrow({
      where: { id: claim.id },
      include: { mentions: true, entities: true },
    });
    expect(stored).toMatchObject({ sourceCount: 1, quantityCount: 1, assigneeId: assignee.id });
    expect(stored.entities).toEqual([expect.objectContaining({ entityId: entity.id, role: "SUBJECT" })]);
    expect(stored.mentions).toEqual([
      expect.objectContaining({
        entityId: entity.id,
        surface: entity.name,
        startOffset: claim.startOffset,
        endOffset: claim.startOffset + entity.name.length,
      }),
    ]);
  });

  it("adds notes through the data layer: their verdicts rate the claim and each is in its history", async () => {
    const reviewer = await makeUser(prisma, { role: "REVIEWER" });
    const claim = await makeClaim(prisma, { notes: [{ author: reviewer, verdict: "SUPPORTED" }] });
    expect(claim.verdict).toBe("SUPPORTED");
    expect(await prisma.annotation.count({ where: { claimId: claim.id, authorId: reviewer.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { claimId: claim.id, action: "annotation.create" } })).toBe(
      1,
    );
  });
});

describe("makeUser", () => {
  it("makes an account with an address of its own and its audit event", async () => {
    const user = await makeUser(prisma, { role: "ANALYST" });
    expect(user.email).toMatch(/^analyst-[0-9a-f]{8}@claimdesk\.test$/);
    expect(
      await prisma.auditEvent.count({ where: { action: "user.create", targetId: String(user.id) } }),
    ).toBe(1);
  });
});

describe("makeDraftDocument", () => {
  // The importer finds entities, sectors and sources in the catalog, as the seed loads it.
  beforeAll(async () => {
    await syncCatalog(prisma, await loadCatalog());
  });

  it("imports a draft of its own with candidates, proposed entities and skipped sentences", async () => {
    const [first, second] = await Promise.all([makeDraftDocument(prisma), makeDraftDocument(prisma)]);
    expect(first.document.fullText).not.toBe(second.document.fullText);
    expect(first.document).toMatchObject({ state: "DRAFT", claimCount: 0 });
    expect(first.candidates.length).toBeGreaterThan(0);
    expect(first.candidates.map((c) => c.startOffset)).toEqual(
      first.candidates.map((c) => c.startOffset).toSorted((a, b) => a - b),
    );
    const where = { documentId: first.document.id };
    expect(await prisma.proposedEntity.count({ where })).toBeGreaterThan(0);
    expect(await prisma.skippedSentence.count({ where })).toBeGreaterThan(0);
    expect(first.candidates.some((c) => c.citationMissing)).toBe(true);
  });

  it("takes a text and a title, and refuses a text imported before", async () => {
    const text = `A report ${uniqueTag()}\n\nHuawei shipped 100,000 Ascend 910C chips in 2025.\n`;
    const { document, candidates } = await makeDraftDocument(prisma, { text, title: "Chosen title" });
    expect(document).toMatchObject({ fullText: text, title: "Chosen title" });
    expect(candidates.map((c) => c.text)).toEqual(["Huawei shipped 100,000 Ascend 910C chips in 2025."]);
    await expect(makeDraftDocument(prisma, { text })).rejects.toThrow(/imported before/);
  });
});
