// Publishing a draft: each candidate claim becomes a claim with the links the importer found, the links and
// footnotes it cites become its sources, and the document becomes visible to everyone. One transaction: a
// publish that fails leaves the draft as it was.

import { createHash } from "node:crypto";
import type { EntityRole, SourceKind, SourceRelation } from "@/lib/generated/prisma/enums.ts";
import type { Tx } from "@/lib/prisma-client";

/** The links a candidate holds as JSON (ClaimCandidate's entities, mentions, sources, quantities, references). */
export interface CandidateLinks {
  entities: { entityId: number; role: EntityRole }[];
  mentions: { entityId: number; startOffset: number; endOffset: number; surface: string }[];
  sources: { sourceId: number; relation: SourceRelation }[];
  quantities: { value: number; unit: string; measure: string; surface: string; qualifier: string }[];
  references: { label: string | null; url: string | null; title: string | null }[];
}

/** Rows per INSERT, as in import-document.ts. */
const BATCH = 1_000;

/**
 * Publishes the draft `documentId` inside the caller's transaction (which checks who may, and audits it). Returns
 * how many claims were made, or null when the document is not a draft (already published, or gone).
 */
export async function publishDraft(tx: Tx, documentId: number): Promise<{ claims: number } | null> {
  // Locks the draft, so two publishes of it wait for each other and the second finds it published.
  const [draft] = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM "Document" WHERE id = ${documentId} AND state = 'DRAFT' FOR UPDATE`;
  if (!draft) return null;
  const candidates = await tx.claimCandidate.findMany({
    where: { documentId, claimId: null },
    orderBy: { id: "asc" },
  });
  const sourceIds = await sourcesForReferences(
    tx,
    candidates.flatMap((c) => (c.references as unknown as CandidateLinks["references"]) ?? []),
  );
  for (let from = 0; from < candidates.length; from += BATCH) {
    const batch = candidates.slice(from, from + BATCH);
    const claims = await tx.claim.createManyAndReturn({
      data: batch.map((c) => ({
        documentId,
        sectionId: c.sectionId,
        text: c.text,
        startOffset: c.startOffset,
        endOffset: c.endOffset,
        kind: c.kind,
        citationMissing: c.citationMissing,
        asOfDate: c.asOfDate,
        asOfPrecision: c.asOfPrecision,
      })),
      select: { id: true, startOffset: true, endOffset: true },
    });
    const claimIdAt = new Map(claims.map((c) => [`${c.startOffset}:${c.endOffset}`, c.id]));
    const links = batch.map((candidate) => ({
      candidate,
      claimId: claimIdAt.get(`${candidate.startOffset}:${candidate.endOffset}`)!,
      links: candidate as unknown as CandidateLinks,
    }));
    await tx.claimSector.createMany({
      data: links.flatMap(({ candidate, claimId }) =>
        candidate.sectorIds.map((sectorId) => ({ claimId, sectorId })),
      ),
    });
    await tx.claimEntity.createMany({
      data: links.flatMap(({ claimId, links }) => links.entities.map((e) => ({ claimId, ...e }))),
    });
    await tx.entityMention.createMany({
      data: links.flatMap(({ claimId, links }) => links.mentions.map((m) => ({ claimId, ...m }))),
    });
    await tx.claimSource.createMany({
      data: links.flatMap(({ claimId, links }) => [
        ...links.sources.map((s) => ({ claimId, ...s })),
        ...links.references.map((r) => ({
          claimId,
          sourceId: sourceIds.get(referenceKey(r))!,
          relation: "CITED_IN_TEXT" as const,
        })),
      ]),
      // A sentence that cites the same note twice, or names a source it also links to, links it once.
      skipDuplicates: true,
    });
    await tx.quantity.createMany({
      data: links.flatMap(({ claimId, links }) => links.quantities.map((q) => ({ claimId, ...q }))),
    });
    await tx.$executeRaw`
      UPDATE "ClaimCandidate" AS c SET "claimId" = v.claim_id
      FROM unnest(${links.map((l) => l.candidate.id)}::int[], ${links.map((l) => l.claimId)}::int[])
        AS v(candidate_id, claim_id)
      WHERE c.id = v.candidate_id`;
  }
  await tx.document.update({ where: { id: documentId }, data: { state: "PUBLISHED" } });
  return { claims: candidates.length };
}

type Reference = CandidateLinks["references"][number];

/** A link is its URL; a note without one is its text. */
function referenceKey(reference: Reference): string {
  return reference.url ?? `note:${reference.title ?? reference.label ?? ""}`;
}

/**
 * The source each cited link or note stands for: an existing source with the same URL, else a new one (a note
 * without a URL is a source named by its text, found again by it). Kinds are guessed from the address; a reviewer
 * corrects them on the source's page.
 */
async function sourcesForReferences(tx: Tx, references: Reference[]): Promise<Map<string, number>> {
  const unique = new Map(references.map((r) => [referenceKey(r), r]));
  const ids = new Map<string, number>();
  if (!unique.size) return ids;
  const urls = [...unique.values()].flatMap((r) => (r.url ? [r.url] : []));
  for (const source of await tx.source.findMany({
    where: { url: { in: urls } },
    select: { id: true, url: true },
    orderBy: { id: "asc" },
  })) {
    if (!ids.has(source.url!)) ids.set(source.url!, source.id);
  }
  const missing = [...unique].filter(([key]) => !ids.has(key));
  const slugs = missing.map(
    ([key]) => `cited-${createHash("sha256").update(key).digest("hex").slice(0, 12)}`,
  );
  for (const existing of await tx.source.findMany({
    where: { slug: { in: slugs } },
    select: { id: true, slug: true },
  })) {
    const index = slugs.indexOf(existing.slug);
    ids.set(missing[index]![0], existing.id);
  }
  const created = await tx.source.createManyAndReturn({
    data: missing
      .map(([key, reference], index) => ({ key, reference, slug: slugs[index]! }))
      .filter(({ key }) => !ids.has(key))
      .map(({ reference, slug }) => ({
        slug,
        title: sourceTitle(reference),
        url: reference.url,
        kind: kindOfUrl(reference.url),
      })),
    select: { id: true, slug: true },
  });
  for (const source of created) ids.set(missing[slugs.indexOf(source.slug)]![0], source.id);
  return ids;
}

function sourceTitle(reference: Reference): string {
  const title = reference.title?.trim() || reference.url || `Note ${reference.label ?? ""}`.trim();
  return title.length > 300 ? `${title.slice(0, 299)}…` : title;
}

/** A guess from the address alone: government domains are GOVERNMENT, journals' ACADEMIC, the rest NEWS. */
function kindOfUrl(url: string | null): SourceKind {
  if (!url) return "REPORT";
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return "NEWS";
  }
  if (/(^|\.)(gov|mil)(\.[a-z]{2})?$|(^|\.)gov\.cn$|(^|\.)europa\.eu$/.test(host)) return "GOVERNMENT";
  if (/(^|\.)(edu|ac\.[a-z]{2})$|arxiv\.org$|doi\.org$|nature\.com$|science\.org$/.test(host))
    return "ACADEMIC";
  return "NEWS";
}
