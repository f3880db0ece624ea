// Drafts on PostgreSQL: who sees one (the list, the reader, its title, the claims table's menus), what its reader shows
// (candidates in place, proposed entities, skipped sentences), and publishing it: admins only, in one transaction
// with its audit event, once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthorizationError, type Actor } from "@/lib/auth/permissions";
import { getClaimFacets, resolveClaimsQuery } from "@/lib/data/claims";
import {
  getDocumentForReader,
  getDocuments,
  getDocumentTitle,
  publishDocument,
  type DocumentForReader,
} from "@/lib/data/documents";
import { InvalidStateError, NotFoundError } from "@/lib/data/errors";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import type { Prisma } from "@/lib/prisma-client";
import { forViewer, parseClaimsQuery } from "@/lib/validations/claims";
import { makeDraftDocument, makeUser, type MadeDraft } from "@/prisma/factories";
import { freshSeededDatabase } from "@/tests/helpers/seeded-database";

let prisma: Prisma;
const actors = new Map<Role, Actor>();
const as = (role: Role) => actors.get(role)!;

beforeAll(async () => {
  prisma = await freshSeededDatabase();
  for (const role of ["VIEWER", "ANALYST", "REVIEWER", "ADMIN"] as const)
    actors.set(role, await makeUser(prisma, { role }));
});

afterAll(async () => {
  await prisma?.$disconnect();
});

/** The claims table's menus for the claims of one document, as `viewer` is offered them. */
async function documentFacets(documentId: number, viewer: Actor | null) {
  const query = forViewer(
    parseClaimsQuery(new URLSearchParams({ document: String(documentId) })),
    viewer?.id ?? null,
  );
  const facets = await getClaimFacets(await resolveClaimsQuery(query, prisma), prisma);
  return {
    documents: (facets.options.documentId ?? []).map((option) => Number(option.value)),
    sections: facets.options.sectionIds ?? [],
    total: facets.total,
  };
}

function segmentsOf(reader: DocumentForReader) {
  return reader.blocks.flatMap((block) => block.segments);
}

describe("who sees a draft", () => {
  let draft: MadeDraft;
  let published: { id: number };
  beforeAll(async () => {
    draft = await makeDraftDocument(prisma);
    published = await prisma.document.findFirstOrThrow({
      where: { state: "PUBLISHED" },
      select: { id: true },
    });
  });

  it.each([
    ["anonymous", null],
    ["a viewer", "VIEWER"],
    ["an analyst", "ANALYST"],
  ] as const)("%s never does: not listed, no reader, no title", async (_, role) => {
    const viewer = role ? as(role) : null;
    const listed = (await getDocuments(viewer, prisma)).map((document) => document.id);
    expect(listed).toContain(published.id);
    expect(listed).not.toContain(draft.document.id);
    expect(await getDocumentForReader(draft.document.id, viewer, prisma)).toBeNull();
    expect(await getDocumentTitle(draft.document.id, viewer, prisma)).toBeNull();
    // The published document still reads as before.
    expect(await getDocumentTitle(published.id, viewer, prisma)).not.toBeNull();
    expect((await getDocumentForReader(published.id, viewer, prisma))?.draft).toBeNull();
  });

  it.each([
    ["a reviewer", "REVIEWER"],
    ["an admin", "ADMIN"],
  ] as const)("%s does, marked as a draft with its candidates", async (_, role) => {
    const viewer = as(role);
    const listed = await getDocuments(viewer, prisma);
    expect(listed.find((document) => document.id === draft.document.id)).toMatchObject({
      draft: true,
      claims: 0,
      candidates: draft.candidates.length,
    });
    expect(listed.find((document) => document.id === published.id)).toMatchObject({
      draft: false,
      candidates: 0,
    });
    expect(await getDocumentTitle(draft.document.id, viewer, prisma)).toBe(draft.document.title);
    const reader = await getDocumentForReader(draft.document.id, viewer, prisma);
    expect(reader?.draft?.candidates).toHaveLength(draft.candidates.length);
  });

  it("is in nobody's claims table menus: it has no claims, and its sections are not offered", async () => {
    expect(draft.candidates.length).toBeGreaterThan(0);
    for (const viewer of [null, as("VIEWER"), as("ANALYST"), as("REVIEWER"), as("ADMIN")]) {
      const facets = await documentFacets(draft.document.id, viewer);
      expect(facets.documents).toContain(published.id);
      expect(facets.documents).not.toContain(draft.document.id);
      expect(facets).toMatchObject({ sections: [], total: 0 });
    }
    // A published document's sections are offered as before.
    expect((await documentFacets(published.id, null)).sections.length).toBeGreaterThan(0);
  });
});

describe("a draft's reader", () => {
  it("marks every candidate in place, with the entities, references, proposals and skipped sentences", async () => {
    const { document, candidates } = await makeDraftDocument(prisma);
    const reader = (await getDocumentForReader(document.id, as("REVIEWER"), prisma))!;
    expect(reader.blocks.map((block) => block.segments.map((s) => s.text).join("")).join("\n")).toBe(
      document.fullText,
    );

    const marked = segmentsOf(reader).filter((segment) => segment.mark);
    expect(marked.every((segment) => segment.mark?.type === "candidate")).toBe(true);
    for (const candidate of candidates) {
      const runs = marked.filter(
        (segment) => segment.mark?.type === "candidate" && segment.mark.candidateId === candidate.id,
      );
      expect(runs.map((segment) => segment.text).join("")).toBe(candidate.text);
      expect(runs.filter((segment) => segment.mark?.first)).toHaveLength(1);
      expect(runs[0]!.mark).toMatchObject({ kind: candidate.kind });
    }
    const lost = candidates.filter((candidate) => candidate.citationMissing);
    expect(lost).toHaveLength(1);
    expect(reader).toMatchObject({ claims: candidates.length, lostCitations: 1 });
    const gap = marked.find((segment) => segment.mark?.lostCitationAt != null)!;
    expect(gap.text.slice(gap.mark!.lostCitationAt!)).toMatch(/^\s+\./);
    expect(reader.sections.reduce((sum, section) => sum + section.claims, 0)).toBe(candidates.length);

    const draft = reader.draft!;
    const huawei = draft.candidates.find((candidate) => candidate.text.startsWith("Huawei"))!;
    expect(huawei.entities.map((entity) => entity.name)).toEqual(expect.arrayContaining(["Huawei"]));
    expect(huawei.references).toEqual([
      expect.objectContaining({ label: "1", url: expect.stringMatching(/^https:\/\/example\.gov\/chips-/) }),
    ]);
    const zhipu = draft.candidates.find((candidate) => candidate.text.startsWith("Zhipu"))!;
    expect(zhipu.proposed.map((proposal) => proposal.name)).toContain("Zhipu Nebula Labs");

    const proposals = await prisma.proposedEntity.findMany({ where: { documentId: document.id } });
    expect(proposals.length).toBeGreaterThan(0);
    expect(draft.proposedEntities.map(({ id, name, kind }) => ({ id, name, kind }))).toEqual(
      proposals.map(({ id, name, kind }) => ({ id, name, kind })),
    );
    const ernie = draft.proposedEntities.find((proposal) => proposal.name === "Ernie 4.5");
    expect(ernie?.parent).toMatchObject({ type: "entity", name: "Baidu" });

    const skipped = await prisma.skippedSentence.findMany({
      where: { documentId: document.id },
      orderBy: { startOffset: "asc" },
    });
    expect(skipped.length).toBeGreaterThan(0);
    expect(draft.skipped).toEqual(skipped.map(({ id, text, reason }) => ({ id, text, reason })));
    expect(draft.skipped.map((sentence) => sentence.text)).toContain("We thank our readers.");
  });
});

describe("publishing a draft", () => {
  it("is refused to a reviewer, and to anyone signed out, changing nothing", async () => {
    const { document } = await makeDraftDocument(prisma);
    const events = await prisma.auditEvent.count();
    for (const actor of [null, as("VIEWER"), as("ANALYST"), as("REVIEWER")]) {
      await expect(publishDocument(prisma, actor, { documentId: document.id })).rejects.toBeInstanceOf(
        AuthorizationError,
      );
    }
    expect(await prisma.document.findUniqueOrThrow({ where: { id: document.id } })).toMatchObject({
      state: "DRAFT",
    });
    expect(await prisma.claim.count({ where: { documentId: document.id } })).toBe(0);
    expect(
      await prisma.claimCandidate.count({ where: { documentId: document.id, claimId: { not: null } } }),
    ).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(events);
  });

  it("by an admin makes the candidates claims with their links and sources, audited, and only once", async () => {
    const { document, candidates } = await makeDraftDocument(prisma);
    const admin = as("ADMIN");
    expect(await publishDocument(prisma, admin, { documentId: document.id })).toEqual({
      documentId: document.id,
      claims: candidates.length,
    });

    expect(await prisma.document.findUniqueOrThrow({ where: { id: document.id } })).toMatchObject({
      state: "PUBLISHED",
      claimCount: candidates.length,
    });
    const claims = await prisma.claim.findMany({
      where: { documentId: document.id },
      orderBy: { startOffset: "asc" },
      include: {
        entities: { include: { entity: true } },
        mentions: true,
        sectors: true,
        quantities: true,
        sources: { include: { source: true } },
      },
    });
    expect(claims.map((claim) => claim.text)).toEqual(candidates.map((candidate) => candidate.text));
    const linked = await prisma.claimCandidate.findMany({
      where: { documentId: document.id },
      orderBy: { startOffset: "asc" },
    });
    expect(linked.map((candidate) => candidate.claimId)).toEqual(claims.map((claim) => claim.id));

    const huawei = claims.find((claim) => claim.text.startsWith("Huawei"))!;
    expect(huawei.entities.map((link) => [link.entity.name, link.role])).toContainEqual([
      "Huawei",
      "SUBJECT",
    ]);
    expect(huawei.mentions.map((mention) => mention.surface)).toContain("Huawei");
    expect(huawei.sectors.length).toBeGreaterThan(0);
    const cited = huawei.sources.map(({ source, relation }) => ({
      url: source.url,
      kind: source.kind,
      relation,
    }));
    expect(cited).toEqual([
      {
        url: expect.stringMatching(/^https:\/\/example\.gov\/chips-/),
        kind: "GOVERNMENT",
        relation: "CITED_IN_TEXT",
      },
    ]);
    const zhipu = claims.find((claim) => claim.text.startsWith("Zhipu"))!;
    expect(zhipu.quantities).toEqual([
      expect.objectContaining({ value: 2_000_000_000, unit: "USD", surface: "$2 billion" }),
    ]);
    expect(claims.filter((claim) => claim.citationMissing)).toHaveLength(1);

    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "document.publish", targetId: String(document.id) },
    });
    expect(event).toMatchObject({
      actorId: admin.id,
      targetType: "document",
      before: { state: "DRAFT" },
      after: { state: "PUBLISHED", claims: candidates.length },
    });

    // Everyone sees it now, with its claims in place and in the claims table's menus.
    expect((await getDocuments(null, prisma)).map((listed) => listed.id)).toContain(document.id);
    const reader = (await getDocumentForReader(document.id, null, prisma))!;
    expect(reader.draft).toBeNull();
    const marks = segmentsOf(reader).flatMap((segment) => (segment.mark?.first ? [segment.mark] : []));
    expect(marks).toEqual(
      claims.map((claim) => expect.objectContaining({ type: "claim", claimId: claim.id })),
    );
    const facets = await documentFacets(document.id, null);
    expect(facets.documents).toContain(document.id);
    expect(facets.total).toBe(claims.length);
    expect(facets.sections.length).toBeGreaterThan(0);

    const events = await prisma.auditEvent.count();
    const again = publishDocument(prisma, admin, { documentId: document.id });
    await expect(again).rejects.toBeInstanceOf(InvalidStateError);
    await expect(again).rejects.toThrow(/already published/);
    expect(await prisma.claim.count({ where: { documentId: document.id } })).toBe(claims.length);
    expect(await prisma.auditEvent.count()).toBe(events);
  });

  it("of a document that does not exist says so", async () => {
    await expect(publishDocument(prisma, as("ADMIN"), { documentId: 2_147_483_647 })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
