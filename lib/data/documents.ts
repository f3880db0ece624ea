// Reads of imported documents: the list, and one document laid out for reading with its claims in place (a draft's
// candidate claims, the entities it proposes and the sentences it left out); and publishing a draft. A draft is seen
// by reviewers and admins only: to anyone else it does not exist, so its page answers 404 rather than "forbidden".
import "server-only";
import { can, requirePermission, type Actor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/data/audit";
import { InvalidStateError, NotFoundError } from "@/lib/data/errors";
import { getDb } from "@/lib/db";
import type { ClaimCandidate, Prisma as PrismaNamespace } from "@/lib/generated/prisma/client.ts";
import type { ClaimKind, EntityKind, EntityRole } from "@/lib/generated/prisma/enums.ts";
import { IMPORT_TRANSACTION } from "@/lib/ingest/catalog";
import { lostCitationIndex } from "@/lib/ingest/citations";
import { publishDraft, type CandidateLinks } from "@/lib/ingest/publish-document";
import type { Prisma } from "@/lib/prisma-client";
import type { PublishDocumentData } from "@/lib/validations/documents";
import { segmentText, splitLines, type Segment } from "./text-segments";

export type DocumentSummary = {
  id: number;
  slug: string;
  title: string;
  publisher: string | null;
  publishedAt: Date | null;
  importedAt: Date;
  draft: boolean;
  claims: number;
  /** A draft's candidate claims, which become its claims when it is published; 0 once it is. */
  candidates: number;
};

/** What a marked run belongs to: a claim, which has its own page, or a draft's candidate claim, which has none yet. */
export type ReaderMarkTarget =
  { type: "claim"; claimId: number } | { type: "candidate"; candidateId: number; kind: ClaimKind };

/** A run of text that belongs to a claim. A claim broken across lines has one run per line. */
export type ReaderClaimMark = ReaderMarkTarget & {
  citationMissing: boolean;
  /** The claim's first run, which carries its anchor (markAnchor). */
  first: boolean;
  /**
   * UTF-16 index into this run where the stripped citation stood, on the claim's last run. Null on a claim split
   * from a sentence whose gap falls in its other half: the gap is marked once, where it is.
   */
  lostCitationAt: number | null;
};

export type ReaderSegment = Segment<ReaderClaimMark>;

export type ReaderBlock =
  | { type: "title"; segments: ReaderSegment[] }
  | { type: "heading"; level: number; sectionId: number; segments: ReaderSegment[] }
  | { type: "paragraph"; segments: ReaderSegment[] };

/** A candidate claim with what publishing would link it to. */
export type DraftCandidate = {
  id: number;
  kind: ClaimKind;
  text: string;
  citationMissing: boolean;
  entities: { id: number; name: string; kind: EntityKind; role: EntityRole }[];
  /** Proposed entities named inside the sentence: they are not in the catalog, so publishing links none of them. */
  proposed: { id: number; name: string }[];
  /** Catalog sources the sentence names. */
  sources: { id: number; title: string }[];
  /** Links and notes it cites, which become its sources when published. */
  references: CandidateLinks["references"];
};

export type DraftProposedEntity = {
  id: number;
  name: string;
  kind: EntityKind;
  /** The suggested parent: a catalog entity, or another proposal of the same draft. */
  parent:
    { type: "entity"; id: number; name: string } | { type: "proposal"; id: number; name: string } | null;
  mentions: number;
};

export type DraftDetails = {
  candidates: DraftCandidate[];
  proposedEntities: DraftProposedEntity[];
  /** Sentences the rules left out, in reading order, each with why. */
  skipped: { id: number; text: string; reason: string }[];
};

export type DocumentForReader = {
  id: number;
  slug: string;
  title: string;
  publisher: string | null;
  url: string | null;
  publishedAt: Date | null;
  importedAt: Date;
  /** One block per line of the text, blank lines included: their runs joined with "\n" are the text exactly. */
  blocks: ReaderBlock[];
  /** `claims`: the section's claims, or a draft's candidates. */
  sections: { id: number; heading: string; level: number; claims: number }[];
  /** Claims, or in a draft its candidate claims; likewise the lost citations among them. */
  claims: number;
  lostCitations: number;
  /** Null once published. */
  draft: DraftDetails | null;
};

/** Reviewers and admins see drafts; everyone else sees published documents only. */
export function canSeeDrafts(viewer: Actor | null): boolean {
  return can(viewer, "documents.import");
}

function visibleTo(viewer: Actor | null): PrismaNamespace.DocumentWhereInput {
  return canSeeDrafts(viewer) ? {} : { state: "PUBLISHED" };
}

/** The id a marked run's first line carries, for links into the text ("#claim-12", "#candidate-5"). */
export function markAnchor(mark: ReaderMarkTarget): string {
  return mark.type === "claim" ? `claim-${mark.claimId}` : `candidate-${mark.candidateId}`;
}

/** The documents `viewer` may see, newest import first, with how many claims were extracted from each. */
export async function getDocuments(viewer: Actor | null, db: Prisma = getDb()): Promise<DocumentSummary[]> {
  const documents = await db.document.findMany({
    where: visibleTo(viewer),
    orderBy: [{ importedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      publisher: true,
      publishedAt: true,
      importedAt: true,
      state: true,
      _count: { select: { claims: true, candidates: { where: { claimId: null } } } },
    },
  });
  return documents.map(({ _count, state, ...document }) => ({
    ...document,
    draft: state === "DRAFT",
    claims: _count.claims,
    candidates: _count.candidates,
  }));
}

/** The document's title, or null when there is none that `viewer` may see: what its page's layout and tab need. */
export async function getDocumentTitle(
  id: number,
  viewer: Actor | null,
  db: Prisma = getDb(),
): Promise<string | null> {
  const document = await db.document.findFirst({
    where: { id, ...visibleTo(viewer) },
    select: { title: true },
  });
  return document?.title ?? null;
}

export async function getDocumentForReader(
  id: number,
  viewer: Actor | null,
  db: Prisma = getDb(),
): Promise<DocumentForReader | null> {
  // One snapshot: a draft published between two reads would otherwise show neither its candidates nor its claims.
  const [document, draftRows] = await db.$transaction([
    db.document.findFirst({
      where: { id, ...visibleTo(viewer) },
      select: {
        id: true,
        slug: true,
        title: true,
        publisher: true,
        url: true,
        publishedAt: true,
        importedAt: true,
        fullText: true,
        sections: {
          orderBy: { order: "asc" },
          select: { id: true, heading: true, level: true, startOffset: true },
        },
        claims: {
          orderBy: [{ startOffset: "asc" }, { id: "asc" }],
          select: { id: true, sectionId: true, startOffset: true, endOffset: true, citationMissing: true },
        },
      },
    }),
    db.document.findFirst({
      where: { AND: [{ id, state: "DRAFT" }, visibleTo(viewer)] },
      select: {
        candidates: { orderBy: [{ startOffset: "asc" }, { id: "asc" }] },
        proposedEntities: {
          orderBy: { id: "asc" },
          select: {
            id: true,
            name: true,
            kind: true,
            parentEntity: { select: { id: true, name: true } },
            parentProposal: { select: { id: true, name: true } },
            mentions: { select: { startOffset: true, endOffset: true } },
          },
        },
        skippedSentences: {
          orderBy: [{ startOffset: "asc" }, { id: "asc" }],
          select: { id: true, text: true, reason: true },
        },
      },
    }),
  ]);
  if (!document) return null;
  const { fullText, sections, claims: published, ...meta } = document;
  const draft = draftRows ? await draftDetails(draftRows, db) : null;

  // A draft has no claims yet: its candidates stand where its claims will.
  const spans = draftRows
    ? draftRows.candidates.map((candidate) => ({
        start: candidate.startOffset,
        end: candidate.endOffset,
        sectionId: candidate.sectionId,
        mark: {
          type: "candidate" as const,
          candidateId: candidate.id,
          kind: candidate.kind,
          citationMissing: candidate.citationMissing,
        },
      }))
    : published.map((claim) => ({
        start: claim.startOffset,
        end: claim.endOffset,
        sectionId: claim.sectionId,
        mark: { type: "claim" as const, claimId: claim.id, citationMissing: claim.citationMissing },
      }));

  const lines = splitLines(
    segmentText<ReaderClaimMark>(
      fullText,
      spans.map(({ start, end, mark }) => ({
        start,
        end,
        mark: { ...mark, first: false, lostCitationAt: null },
      })),
    ),
  );
  const runs = markClaimRuns(lines);

  const byStart = sections.toSorted((a, b) => a.startOffset - b.startOffset);
  const blocks: ReaderBlock[] = [];
  let offset = 0;
  let next = 0;
  runs.forEach((segments, index) => {
    const length = segments.reduce((sum, segment) => sum + Array.from(segment.text).length, 0);
    // A section starts on its heading's line, after any decoration the importer left out of the heading.
    while (next < byStart.length && byStart[next]!.startOffset < offset) next++;
    const candidate = byStart[next];
    const section = candidate && candidate.startOffset <= offset + length ? byStart[next++] : undefined;
    if (section) blocks.push({ type: "heading", level: section.level, sectionId: section.id, segments });
    else if (index === 0) blocks.push({ type: "title", segments });
    else blocks.push({ type: "paragraph", segments });
    offset += length + 1;
  });

  const claimsPerSection = new Map<number, number>();
  for (const span of spans)
    claimsPerSection.set(span.sectionId, (claimsPerSection.get(span.sectionId) ?? 0) + 1);

  return {
    ...meta,
    blocks,
    sections: sections.map(({ id, heading, level }) => ({
      id,
      heading,
      level,
      claims: claimsPerSection.get(id) ?? 0,
    })),
    claims: spans.length,
    lostCitations: spans.filter((span) => span.mark.citationMissing).length,
    draft,
  };
}

type DraftRows = {
  candidates: ClaimCandidate[];
  proposedEntities: {
    id: number;
    name: string;
    kind: EntityKind;
    parentEntity: { id: number; name: string } | null;
    parentProposal: { id: number; name: string } | null;
    mentions: { startOffset: number; endOffset: number }[];
  }[];
  skippedSentences: DraftDetails["skipped"];
};

/** The draft's candidates with the names of what they link to, its proposals and its skipped sentences. */
async function draftDetails(rows: DraftRows, db: Prisma): Promise<DraftDetails> {
  const links = rows.candidates.map((candidate) => candidate as unknown as CandidateLinks);
  const [entities, sources] = await Promise.all([
    db.entity.findMany({
      where: { id: { in: [...new Set(links.flatMap((l) => l.entities.map((e) => e.entityId)))] } },
      select: { id: true, name: true, kind: true },
    }),
    db.source.findMany({
      where: { id: { in: [...new Set(links.flatMap((l) => l.sources.map((s) => s.sourceId)))] } },
      select: { id: true, title: true },
    }),
  ]);
  const entityById = new Map(entities.map((entity) => [entity.id, entity]));
  const sourceById = new Map(sources.map((source) => [source.id, source]));
  const proposedIn = proposalsInCandidates(rows.candidates, rows.proposedEntities);

  return {
    candidates: rows.candidates.map((candidate, index) => {
      const { entities: entityLinks, sources: sourceLinks, references } = links[index]!;
      return {
        id: candidate.id,
        kind: candidate.kind,
        text: candidate.text,
        citationMissing: candidate.citationMissing,
        // An entity the catalog lost since the import is left out here; publishing would fail on it anyway.
        entities: entityLinks.flatMap(({ entityId, role }) => {
          const entity = entityById.get(entityId);
          return entity ? [{ ...entity, role }] : [];
        }),
        proposed: proposedIn.get(candidate.id) ?? [],
        sources: sourceLinks.flatMap(({ sourceId }) => {
          const source = sourceById.get(sourceId);
          return source ? [source] : [];
        }),
        references,
      };
    }),
    proposedEntities: rows.proposedEntities.map(
      ({ parentEntity, parentProposal, mentions, ...proposal }) => ({
        ...proposal,
        parent: parentEntity
          ? { type: "entity", ...parentEntity }
          : parentProposal
            ? { type: "proposal", ...parentProposal }
            : null,
        mentions: mentions.length,
      }),
    ),
    skipped: rows.skippedSentences,
  };
}

/** The proposals named inside each candidate's span, by candidate id; candidates never overlap. */
function proposalsInCandidates(
  candidates: { id: number; startOffset: number; endOffset: number }[],
  proposals: DraftRows["proposedEntities"],
): Map<number, { id: number; name: string }[]> {
  const found = new Map<number, { id: number; name: string }[]>();
  for (const proposal of proposals) {
    for (const mention of proposal.mentions) {
      // The last candidate starting at or before the mention, found by bisection over candidates in text order.
      let low = 0;
      let high = candidates.length - 1;
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (candidates[middle]!.startOffset <= mention.startOffset) low = middle;
        else high = middle - 1;
      }
      const candidate = candidates[low];
      if (
        !candidate ||
        candidate.startOffset > mention.startOffset ||
        candidate.endOffset < mention.endOffset
      )
        continue;
      const list = found.get(candidate.id) ?? [];
      if (!list.some((named) => named.id === proposal.id))
        list.push({ id: proposal.id, name: proposal.name });
      found.set(candidate.id, list);
    }
  }
  return found;
}

/** Gives each run its own mark: the anchor goes on a claim's first run, the lost-citation gap on its last. */
function markClaimRuns(lines: ReaderSegment[][]): ReaderSegment[][] {
  const marked = lines.map((line) =>
    line.map((segment) => ({ ...segment, mark: segment.mark && { ...segment.mark } })),
  );
  const seen = new Set<string>();
  const last = new Map<string, ReaderSegment>();
  for (const segment of marked.flat()) {
    if (!segment.mark) continue;
    const anchor = markAnchor(segment.mark);
    if (!seen.has(anchor)) {
      seen.add(anchor);
      segment.mark.first = true;
    }
    last.set(anchor, segment);
  }
  for (const segment of last.values()) {
    if (segment.mark?.citationMissing) {
      segment.mark.lostCitationAt = lostCitationIndex(segment.text);
    }
  }
  return marked;
}

/**
 * Publishes the draft: its candidates become claims (with their entities, mentions, sectors, quantities, and sources
 * for the links and notes they cite) and everyone sees it. Admins only; audited with the claims it made.
 */
export async function publishDocument(
  db: Prisma,
  actor: Actor | null,
  { documentId }: PublishDocumentData,
): Promise<{ documentId: number; claims: number }> {
  requirePermission(actor, "documents.publish");
  return db.$transaction(async (tx) => {
    const published = await publishDraft(tx, documentId);
    if (!published) {
      const exists = await tx.document.findUnique({ where: { id: documentId }, select: { id: true } });
      if (!exists) throw new NotFoundError("document");
      throw new InvalidStateError(
        "This document is already published: its claims are in the claims table. Reload the page to see them.",
      );
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "document.publish",
      targetType: "document",
      targetId: documentId,
      before: { state: "DRAFT" },
      after: { state: "PUBLISHED", claims: published.claims },
    });
    return { documentId, claims: published.claims };
  }, IMPORT_TRANSACTION);
}
