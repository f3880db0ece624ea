// Reads of imported documents: the list, and one document laid out for reading with its claims in place.
import "server-only";
import { getDb } from "@/lib/db";
import { lostCitationIndex } from "@/lib/ingest/citations";
import type { Prisma } from "@/lib/prisma-client";
import { segmentText, splitLines, type Segment } from "./text-segments";

export type DocumentSummary = {
  id: number;
  slug: string;
  title: string;
  publisher: string | null;
  publishedAt: Date | null;
  importedAt: Date;
  claims: number;
};

/** A run of text that belongs to a claim. A claim broken across lines has one run per line. */
export type ReaderClaimMark = {
  claimId: number;
  citationMissing: boolean;
  /** The claim's first run, which carries its `claim-<id>` anchor. */
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
  sections: { id: number; heading: string; level: number; claims: number }[];
  claims: number;
  lostCitations: number;
};

/** All imported documents, newest import first, with how many claims were extracted from each. */
export async function getDocuments(db: Prisma = getDb()): Promise<DocumentSummary[]> {
  const documents = await db.document.findMany({
    orderBy: [{ importedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      publisher: true,
      publishedAt: true,
      importedAt: true,
      _count: { select: { claims: true } },
    },
  });
  return documents.map(({ _count, ...document }) => ({ ...document, claims: _count.claims }));
}

export async function getDocumentForReader(
  id: number,
  db: Prisma = getDb(),
): Promise<DocumentForReader | null> {
  const document = await db.document.findUnique({
    where: { id },
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
  });
  if (!document) return null;
  const { fullText, sections, claims, ...meta } = document;

  const lines = splitLines(
    segmentText(
      fullText,
      claims.map((claim) => ({
        start: claim.startOffset,
        end: claim.endOffset,
        mark: {
          claimId: claim.id,
          citationMissing: claim.citationMissing,
          first: false,
          lostCitationAt: null,
        },
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
  for (const claim of claims)
    claimsPerSection.set(claim.sectionId, (claimsPerSection.get(claim.sectionId) ?? 0) + 1);

  return {
    ...meta,
    blocks,
    sections: sections.map(({ id, heading, level }) => ({
      id,
      heading,
      level,
      claims: claimsPerSection.get(id) ?? 0,
    })),
    claims: claims.length,
    lostCitations: claims.filter((claim) => claim.citationMissing).length,
  };
}

/** Gives each run its own mark: the anchor goes on a claim's first run, the lost-citation gap on its last. */
function markClaimRuns(lines: ReaderSegment[][]): ReaderSegment[][] {
  const marked = lines.map((line) =>
    line.map((segment) => ({ ...segment, mark: segment.mark && { ...segment.mark } })),
  );
  const seen = new Set<number>();
  const last = new Map<number, ReaderSegment>();
  for (const segment of marked.flat()) {
    if (!segment.mark) continue;
    if (!seen.has(segment.mark.claimId)) {
      seen.add(segment.mark.claimId);
      segment.mark.first = true;
    }
    last.set(segment.mark.claimId, segment);
  }
  for (const segment of last.values()) {
    if (segment.mark?.citationMissing) {
      segment.mark.lostCitationAt = lostCitationIndex(segment.text);
    }
  }
  return marked;
}
