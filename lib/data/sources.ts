// Reads of sources: the list of reports, articles and statements that claims cite, and one source with its claims.
import "server-only";
import { getDb } from "@/lib/db";
import {
  SourceKind,
  type ClaimKind,
  type ReviewStatus,
  type SourceRelation,
  type SourceReliability,
  type Verdict,
} from "@/lib/generated/prisma/enums.ts";
import type { Prisma } from "@/lib/prisma-client";
import { pagedOf, type Paged } from "@/lib/data/paged";
import { cleanQuery, pageWindow, parseListSearch, type SearchParams } from "@/lib/validations/url-params";

export type SourceSearch = { q?: string; kind?: SourceKind | null; page?: number; size?: number };

export type SourceListQuery = Required<SourceSearch>;

export type SourceRow = {
  id: number;
  title: string;
  publisher: string | null;
  kind: SourceKind;
  reliability: SourceReliability | null;
  publishedAt: Date | null;
  /** Distinct claims linked to the source, whatever the relation. */
  claims: number;
};

export type SourceDetail = {
  id: number;
  slug: string;
  title: string;
  publisher: string | null;
  url: string | null;
  kind: SourceKind;
  publishedAt: Date | null;
  reliability: SourceReliability | null;
  notes: string | null;
  /** In document order; a claim linked twice (cited in text and supporting) appears once per relation. */
  claims: {
    id: number;
    text: string;
    kind: ClaimKind;
    status: ReviewStatus;
    verdict: Verdict | null;
    citationMissing: boolean;
    relation: SourceRelation;
    document: { id: number; title: string };
  }[];
};

export function parseSourceSearch(params: SearchParams): SourceListQuery {
  return parseListSearch(params, Object.values(SourceKind));
}

/** Sources whose title or publisher contains `q` (any case), by title. */
export async function getSources(input: SourceSearch, db: Prisma = getDb()): Promise<Paged<SourceRow>> {
  const q = cleanQuery(input.q);
  const { page, size } = pageWindow(input.page, input.size);
  const where = {
    ...(input.kind ? { kind: input.kind } : {}),
    ...(q
      ? {
          OR: [
            { title: { contains: q, mode: "insensitive" as const } },
            { publisher: { contains: q, mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
  return db.$transaction(async (tx) => {
    const total = await tx.source.count({ where });
    const sources = await tx.source.findMany({
      where,
      orderBy: [{ title: "asc" }, { id: "asc" }],
      skip: (page - 1) * size,
      take: size,
      select: { id: true, title: true, publisher: true, kind: true, reliability: true, publishedAt: true },
    });
    // A claim both cited and supported by one source has two links; it still counts as one claim.
    const counts = await tx.$queryRaw<{ sourceId: number; claims: number }[]>`
      SELECT "sourceId", count(DISTINCT "claimId")::int AS claims FROM "ClaimSource"
      WHERE "sourceId" = ANY(${sources.map((source) => source.id)}::int[]) GROUP BY "sourceId"`;
    const claimsBySource = new Map(counts.map((row) => [row.sourceId, row.claims]));
    return pagedOf(
      sources.map((source) => ({ ...source, claims: claimsBySource.get(source.id) ?? 0 })),
      total,
      { page, size },
    );
  });
}

export async function getSource(id: number, db: Prisma = getDb()): Promise<SourceDetail | null> {
  const source = await db.source.findUnique({
    where: { id },
    include: {
      claims: {
        orderBy: [{ claim: { documentId: "asc" } }, { claim: { startOffset: "asc" } }, { relation: "asc" }],
        select: {
          relation: true,
          claim: {
            select: {
              id: true,
              text: true,
              kind: true,
              status: true,
              verdict: true,
              citationMissing: true,
              document: { select: { id: true, title: true } },
            },
          },
        },
      },
    },
  });
  if (!source) return null;
  const { claims, ...rest } = source;
  return { ...rest, claims: claims.map(({ relation, claim }) => ({ ...claim, relation })) };
}
