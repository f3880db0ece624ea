// Reads behind a claim's own page: the claim with everything it links to, and the claims that share its entities.
import "server-only";
import { getDb } from "@/lib/db";
import type {
  ClaimKind,
  DatePrecision,
  EntityKind,
  EntityRole,
  ReviewStatus,
  SourceKind,
  SourceRelation,
  SourceReliability,
  Verdict,
} from "@/lib/generated/prisma/enums.ts";
import { lostCitationIndex } from "@/lib/ingest/citations";
import { Prisma as PrismaNamespace } from "@/lib/generated/prisma/client.ts";
import { queryRows, type Prisma } from "@/lib/prisma-client";
import { SOURCE_RELATION_OPTIONS } from "@/lib/domain/options";
import { segmentText, type Segment, type Span } from "./text-segments";

export type EntityRef = { id: number; slug: string; name: string; kind: EntityKind };

export type ClaimQuantity = {
  id: number;
  value: number;
  unit: string;
  measure: string;
  surface: string;
  qualifier: string;
};

export type ClaimSourceLink = {
  id: number;
  title: string;
  publisher: string | null;
  url: string | null;
  kind: SourceKind;
  reliability: SourceReliability | null;
  relation: SourceRelation;
};

export type ClaimDetail = {
  id: number;
  text: string;
  kind: ClaimKind;
  status: ReviewStatus;
  verdict: Verdict | null;
  citationMissing: boolean;
  /** UTF-16 index into `text` where the stripped citation stood; null when none was lost. */
  lostCitationAt: number | null;
  asOf: { date: Date; precision: DatePrecision } | null;
  /** The claim's text cut at the names it mentions; one name can stand for several entities ("Ascend 910B/C"). */
  textSegments: Segment<EntityRef[]>[];
  document: { id: number; title: string };
  /** Outermost first: the numbered section, then the sub-heading the claim sits under, if any. */
  sections: { id: number; heading: string }[];
  /** The line of the document that holds the claim, with the claim marked. */
  paragraph: Segment<true>[];
  sectors: { id: number; slug: string; name: string }[];
  /** Subjects first, then by name. */
  entities: (EntityRef & { role: EntityRole })[];
  quantities: ClaimQuantity[];
  sources: ClaimSourceLink[];
};

export type RelatedClaim = {
  id: number;
  text: string;
  kind: ClaimKind;
  citationMissing: boolean;
  /** The entities it shares with the claim, by name. */
  shared: { id: number; name: string }[];
};

const RELATED_LIMIT = 8;
const ENTITY_REF = { id: true, slug: true, name: true, kind: true } as const;

type SectionText = { sectionId: number; startOffset: number; text: string };
type SectionHeading = { id: number; heading: string };

export async function getClaim(id: number, db: Prisma = getDb()): Promise<ClaimDetail | null> {
  const [claim, sectionTexts, outerSections] = await db.$transaction([
    db.claim.findUnique({
      where: { id },
      include: {
        document: { select: { id: true, title: true } },
        section: { select: { id: true, heading: true, level: true } },
        sectors: { select: { sector: { select: { id: true, slug: true, name: true, position: true } } } },
        entities: { select: { role: true, entity: { select: ENTITY_REF } } },
        mentions: {
          select: { startOffset: true, endOffset: true, entity: { select: ENTITY_REF } },
          orderBy: [{ startOffset: "asc" }, { id: "asc" }],
        },
        sources: {
          select: {
            relation: true,
            source: {
              select: { id: true, title: true, publisher: true, url: true, kind: true, reliability: true },
            },
          },
        },
        quantities: { orderBy: { id: "asc" } },
      },
    }),
    // Only the claim's section leaves the database, not the whole document, to find the line around the claim.
    db.$queryRaw<SectionText[]>`
      SELECT s.id AS "sectionId", s."startOffset",
             substring(d."fullText" FROM s."startOffset" + 1 FOR s."endOffset" - s."startOffset") AS text
      FROM "Claim" c JOIN "Section" s ON s.id = c."sectionId" JOIN "Document" d ON d.id = c."documentId"
      WHERE c.id = ${id}`,
    db.$queryRaw<SectionHeading[]>`
      SELECT outer_section.id, outer_section.heading
      FROM "Claim" c JOIN "Section" s ON s.id = c."sectionId"
      JOIN LATERAL (
        SELECT o.id, o.heading FROM "Section" o
        WHERE o."documentId" = s."documentId" AND o.level < s.level AND o."order" < s."order"
        ORDER BY o."order" DESC LIMIT 1
      ) outer_section ON true
      WHERE c.id = ${id}`,
  ]);
  if (!claim) return null;

  const mentionSpans = groupMentions(
    claim.mentions.map((mention) => ({
      start: mention.startOffset - claim.startOffset,
      end: mention.endOffset - claim.startOffset,
      mark: mention.entity,
    })),
  );
  const relationOrder = SOURCE_RELATION_OPTIONS.map((option) => option.value);

  return {
    id: claim.id,
    text: claim.text,
    kind: claim.kind,
    status: claim.status,
    verdict: claim.verdict,
    citationMissing: claim.citationMissing,
    lostCitationAt: claim.citationMissing ? (lostCitationIndex(claim.text) ?? claim.text.length) : null,
    asOf:
      claim.asOfDate && claim.asOfPrecision ? { date: claim.asOfDate, precision: claim.asOfPrecision } : null,
    textSegments: segmentText(claim.text, mentionSpans),
    document: claim.document,
    sections: [...outerSections, { id: claim.section.id, heading: claim.section.heading }],
    paragraph: paragraphAround(claim, sectionTexts[0]),
    sectors: claim.sectors
      .map(({ sector }) => sector)
      .sort((a, b) => a.position - b.position)
      .map(({ id, slug, name }) => ({ id, slug, name })),
    entities: claim.entities
      .map(({ role, entity }) => ({ ...entity, role }))
      .sort(
        (a, b) => Number(a.role !== "SUBJECT") - Number(b.role !== "SUBJECT") || a.name.localeCompare(b.name),
      ),
    quantities: claim.quantities.map(({ id, value, unit, measure, surface, qualifier }) => ({
      id,
      value,
      unit,
      measure,
      surface,
      qualifier,
    })),
    sources: claim.sources
      .map(({ relation, source }) => ({ ...source, relation }))
      .sort(
        (a, b) =>
          relationOrder.indexOf(a.relation) - relationOrder.indexOf(b.relation) ||
          a.title.localeCompare(b.title),
      ),
  };
}

/** Claims that share at least one entity with the claim, those sharing the most first. */
export async function getRelatedClaims(id: number, db: Prisma = getDb()): Promise<RelatedClaim[]> {
  return queryRows<RelatedClaim>(
    db,
    PrismaNamespace.sql`
    SELECT c.id, c.text, c.kind::text AS kind, c."citationMissing",
           json_agg(json_build_object('id', e.id, 'name', e.name) ORDER BY e.name) AS shared
    FROM "ClaimEntity" mine
    JOIN "ClaimEntity" other ON other."entityId" = mine."entityId" AND other."claimId" <> mine."claimId"
    JOIN "Claim" c ON c.id = other."claimId"
    JOIN "Entity" e ON e.id = other."entityId"
    WHERE mine."claimId" = ${id}
    GROUP BY c.id
    ORDER BY count(*) DESC, c."documentId", c."startOffset", c.id
    LIMIT ${RELATED_LIMIT}`,
  );
}

/** One span per stretch of text; a stretch naming several entities carries them all. */
function groupMentions(spans: Span<EntityRef>[]): Span<EntityRef[]>[] {
  const grouped = new Map<string, Span<EntityRef[]>>();
  for (const span of spans) {
    const key = `${span.start}:${span.end}`;
    const existing = grouped.get(key);
    if (existing) existing.mark.push(span.mark);
    else grouped.set(key, { start: span.start, end: span.end, mark: [span.mark] });
  }
  return [...grouped.values()];
}

function paragraphAround(
  claim: { text: string; startOffset: number; endOffset: number },
  section: SectionText | undefined,
): Segment<true>[] {
  const fallback: Segment<true>[] = [{ text: claim.text, mark: true }];
  if (!section) return fallback;
  const codePoints = Array.from(section.text);
  const start = claim.startOffset - section.startOffset;
  const end = claim.endOffset - section.startOffset;
  if (start < 0 || end > codePoints.length) return fallback;
  // lastIndexOf reads a negative start as counting from the end, so a claim opening the section needs no search.
  const lineStart = start === 0 ? 0 : codePoints.lastIndexOf("\n", start - 1) + 1;
  const newline = codePoints.indexOf("\n", end);
  const lineEnd = newline === -1 ? codePoints.length : newline;
  const line = codePoints.slice(lineStart, lineEnd).join("");
  return segmentText(line, [{ start: start - lineStart, end: end - lineStart, mark: true as const }]);
}
