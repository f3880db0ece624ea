// Imports one document: runs the pipeline against the entities in the database and writes the
// document, its sections and claims in one transaction. A text already imported is left untouched,
// so reviewers' work on its claims is never overwritten.

import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/prisma-client";
import { IMPORT_TRANSACTION } from "./catalog";
import type { Overlay } from "./overlay";
import { ingestText, type IngestResult, type SourceCue } from "./pipeline";
import type { SectorRule } from "./sectors";

export interface DocumentInput {
  slug: string;
  title: string;
  publisher: string | null;
  url: string | null;
  publishedAt: string | null;
  fullText: string;
}

export type ImportOutcome =
  | {
      status: "imported";
      documentId: number;
      claims: number;
      skipped: IngestResult["skipped"];
      /** Not stored yet: accepting or rejecting them is the entity review's work. */
      proposedEntities: IngestResult["proposedEntities"];
    }
  | { status: "unchanged"; documentId: number };

/** Larger than any report we expect; beyond it an import is a mistake or an attack. */
export const MAX_DOCUMENT_CHARS = 2_000_000;

/**
 * Why a text cannot be imported, or null. Control characters (other than line breaks and tabs) never occur in a
 * real report, and highlighting relies on their absence; markup is fine: it is stored and shown as text.
 */
export function documentTextProblem(text: string): string | null {
  if (!text.trim()) return "the document is empty";
  if (text.length > MAX_DOCUMENT_CHARS)
    return `the document has ${text.length} characters, more than ${MAX_DOCUMENT_CHARS}`;
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).padStart(4, "0");
    return `the document contains the control character U+${code} at position ${control.index}`;
  }
  return null;
}

export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export async function importDocument(
  prisma: Prisma,
  input: DocumentInput,
  rules: { sectors: SectorRule[]; sources: SourceCue[]; overlay?: Overlay },
): Promise<ImportOutcome> {
  const problem = documentTextProblem(input.fullText);
  if (problem) throw new Error(`Cannot import "${input.slug}": ${problem}.`);
  const hash = contentHash(input.fullText);
  const existing = await prisma.document.findUnique({ where: { contentHash: hash }, select: { id: true } });
  if (existing) return { status: "unchanged", documentId: existing.id };
  const sameSlug = await prisma.document.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (sameSlug) {
    throw new Error(
      `A different text is already imported as "${input.slug}" (document ${sameSlug.id}); import the new version under a new slug.`,
    );
  }

  const entities = await prisma.entity.findMany({
    select: {
      id: true,
      slug: true,
      name: true,
      kind: true,
      aliases: { select: { alias: true } },
      parent: { select: { slug: true } },
    },
  });
  const result = ingestText(
    input.fullText,
    {
      entities: entities.map(({ parent, aliases, ...e }) => ({
        ...e,
        aliases: aliases.map((a) => a.alias),
        ...(parent ? { parent: parent.slug } : {}),
      })),
      sectors: rules.sectors,
      sources: rules.sources,
    },
    rules.overlay,
  );
  const ids = await lookupIds(prisma, entities);
  const missing = missingReferences(result, ids);
  if (missing.length)
    throw new Error(`The document refers to unknown catalog entries: ${missing.join(", ")}`);

  const documentId = await prisma.$transaction(async (tx) => {
    const document = await tx.document.create({
      data: {
        slug: input.slug,
        title: input.title,
        publisher: input.publisher,
        url: input.url,
        publishedAt: input.publishedAt ? new Date(`${input.publishedAt}T00:00:00Z`) : null,
        fullText: input.fullText,
        contentHash: hash,
      },
    });
    await tx.section.createMany({ data: result.sections.map((s) => ({ ...s, documentId: document.id })) });
    const sectionIds = new Map(
      (
        await tx.section.findMany({ where: { documentId: document.id }, select: { id: true, order: true } })
      ).map((s) => [s.order, s.id]),
    );
    for (const claim of result.claims) {
      await tx.claim.create({
        data: {
          documentId: document.id,
          sectionId: sectionIds.get(claim.sectionOrder)!,
          text: claim.text,
          startOffset: claim.startOffset,
          endOffset: claim.endOffset,
          kind: claim.kind,
          citationMissing: claim.citationMissing,
          asOfDate: claim.asOf ? new Date(`${claim.asOf.date}T00:00:00Z`) : null,
          asOfPrecision: claim.asOf?.precision ?? null,
          sectors: { create: claim.sectors.map((slug) => ({ sectorId: ids.sectors.get(slug)! })) },
          entities: {
            create: claim.entities.map((e) => ({ entityId: ids.entities.get(e.slug)!, role: e.role })),
          },
          mentions: {
            create: claim.mentions.map((m) => ({
              entityId: ids.entities.get(m.slug)!,
              startOffset: m.startOffset,
              endOffset: m.endOffset,
              surface: m.surface,
            })),
          },
          sources: {
            create: claim.sources.map((s) => ({ sourceId: ids.sources.get(s.slug)!, relation: s.relation })),
          },
          quantities: { create: claim.quantities },
        },
      });
    }
    return document.id;
  }, IMPORT_TRANSACTION);
  return {
    status: "imported",
    documentId,
    claims: result.claims.length,
    skipped: result.skipped,
    proposedEntities: result.proposedEntities,
  };
}

async function lookupIds(prisma: Prisma, entities: { id: number; slug: string }[]) {
  const [sectors, sources] = await Promise.all([
    prisma.sector.findMany({ select: { id: true, slug: true } }),
    prisma.source.findMany({ select: { id: true, slug: true } }),
  ]);
  const bySlug = (rows: { id: number; slug: string }[]) => new Map(rows.map((r) => [r.slug, r.id]));
  return { sectors: bySlug(sectors), sources: bySlug(sources), entities: bySlug(entities) };
}

function missingReferences(result: IngestResult, ids: Awaited<ReturnType<typeof lookupIds>>): string[] {
  const missing = new Set<string>();
  for (const claim of result.claims) {
    for (const slug of claim.sectors) if (!ids.sectors.has(slug)) missing.add(`sector ${slug}`);
    for (const { slug } of [...claim.entities, ...claim.mentions])
      if (!ids.entities.has(slug)) missing.add(`entity ${slug}`);
    for (const { slug } of claim.sources) if (!ids.sources.has(slug)) missing.add(`source ${slug}`);
  }
  return [...missing];
}
