// Imports one document as a draft: runs the pipeline against the entities in the database and writes the document,
// its sections, its candidate claims, the entities it proposes and the sentences it left out in one transaction.
// A text already imported is left untouched, so reviewers' work on it is never overwritten. Publishing
// (lib/ingest/publish-document.ts) turns the candidates into claims.

import { createHash } from "node:crypto";
import type { Prisma, Tx } from "@/lib/prisma-client";
import { IMPORT_TRANSACTION } from "./catalog";
import type { ExtractedDocument } from "./formats/document";
import type { Overlay } from "./overlay";
import { ingestDocument, type IngestResult, type SourceCue } from "./pipeline";
import type { SectorRule } from "./sectors";
import type { ImportStageName } from "@/lib/imports/stages";

export interface DocumentInput {
  /** The URL name; derived from the title (made unique) when not given. */
  slug?: string;
  /** The person's title; the document's own when null. */
  title: string | null;
  publisher: string | null;
  url: string | null;
  publishedAt: string | null;
  document: ExtractedDocument;
}

export interface ImportRules {
  sectors: SectorRule[];
  sources: SourceCue[];
  overlay?: Overlay;
}

export type ImportStage = Extract<ImportStageName, "finding claims" | "saving">;

export interface ImportOptions {
  /** The import job whose documentId is set in the transaction that writes the document. */
  importJobId?: number;
  /** Told when a stage starts, and while saving how many of `total` candidates are written. */
  onProgress?: (stage: ImportStage, done: number, total: number) => Promise<void>;
}

export type ImportOutcome =
  | {
      status: "imported";
      documentId: number;
      claims: number;
      proposedEntities: number;
      skipped: number;
      sections: number;
    }
  | { status: "unchanged"; documentId: number };

/** Larger than any report we expect (a 300-page report is about a million); beyond it an import is a mistake. */
export const MAX_DOCUMENT_CHARS = 2_000_000;

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for the widest row written here. */
const BATCH = 1_000;

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

/** The title a document is listed under: the person's, else the document's own, else its first line. */
export function documentTitle(input: Pick<DocumentInput, "title" | "document">): string {
  const firstLine = input.document.text.trim().split("\n", 1)[0] ?? "";
  const title = [input.title, input.document.title, firstLine].find((t) => t?.trim())?.trim() ?? "Untitled";
  return title.length > 300 ? `${title.slice(0, 299)}…` : title;
}

export async function importDocument(
  prisma: Prisma,
  input: DocumentInput,
  rules: ImportRules,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const fullText = input.document.text;
  const problem = documentTextProblem(fullText);
  if (problem) throw new Error(`Cannot import this document: ${problem}.`);
  const hash = contentHash(fullText);
  const existing = await prisma.document.findUnique({ where: { contentHash: hash }, select: { id: true } });
  if (existing) return { status: "unchanged", documentId: existing.id };
  if (input.slug) {
    const sameSlug = await prisma.document.findUnique({ where: { slug: input.slug }, select: { id: true } });
    if (sameSlug) {
      throw new Error(
        `A different text is already imported as "${input.slug}" (document ${sameSlug.id}); import the new version under a new slug.`,
      );
    }
  }

  await options.onProgress?.("finding claims", 0, 0);
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
  const result = ingestDocument(
    input.document,
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

  const total = result.claims.length;
  await options.onProgress?.("saving", 0, total);
  const documentId = await prisma.$transaction(async (tx) => {
    const document = await tx.document.create({
      data: {
        slug: input.slug ?? (await freeSlug(tx, documentTitle(input))),
        title: documentTitle(input),
        publisher: input.publisher,
        url: input.url,
        publishedAt: input.publishedAt ? new Date(`${input.publishedAt}T00:00:00Z`) : null,
        fullText,
        contentHash: hash,
        state: "DRAFT",
      },
    });
    const sections = await tx.section.createManyAndReturn({
      data: result.sections.map((s) => ({ ...s, documentId: document.id })),
      select: { id: true, order: true },
    });
    const sectionIds = new Map(sections.map((s) => [s.order, s.id]));
    for (let from = 0; from < total; from += BATCH) {
      await tx.claimCandidate.createMany({
        data: result.claims
          .slice(from, from + BATCH)
          .map((claim) => candidateRow(claim, document.id, sectionIds, ids)),
      });
      await options.onProgress?.("saving", Math.min(from + BATCH, total), total);
    }
    await saveProposedEntities(tx, document.id, result.proposedEntities, ids.entities);
    for (let from = 0; from < result.skipped.length; from += BATCH) {
      await tx.skippedSentence.createMany({
        data: result.skipped.slice(from, from + BATCH).map((s) => ({ ...s, documentId: document.id })),
      });
    }
    if (options.importJobId !== undefined)
      await tx.importJob.update({ where: { id: options.importJobId }, data: { documentId: document.id } });
    return document.id;
  }, IMPORT_TRANSACTION);
  return {
    status: "imported",
    documentId,
    claims: total,
    proposedEntities: result.proposedEntities.length,
    skipped: result.skipped.length,
    sections: result.sections.length,
  };
}

type Ids = Awaited<ReturnType<typeof lookupIds>>;

function candidateRow(
  claim: IngestResult["claims"][number],
  documentId: number,
  sectionIds: Map<number, number>,
  ids: Ids,
) {
  return {
    documentId,
    sectionId: sectionIds.get(claim.sectionOrder)!,
    text: claim.text,
    startOffset: claim.startOffset,
    endOffset: claim.endOffset,
    kind: claim.kind,
    citationMissing: claim.citationMissing,
    asOfDate: claim.asOf ? new Date(`${claim.asOf.date}T00:00:00Z`) : null,
    asOfPrecision: claim.asOf?.precision ?? null,
    sectorIds: claim.sectors.map((slug) => ids.sectors.get(slug)!),
    entities: claim.entities.map((e) => ({ entityId: ids.entities.get(e.slug)!, role: e.role })),
    mentions: claim.mentions.map((m) => ({
      entityId: ids.entities.get(m.slug)!,
      startOffset: m.startOffset,
      endOffset: m.endOffset,
      surface: m.surface,
    })),
    sources: claim.sources.map((s) => ({ sourceId: ids.sources.get(s.slug)!, relation: s.relation })),
    quantities: claim.quantities,
    references: claim.references.map((r) => ({ label: r.label, url: r.url, title: r.title })),
  };
}

/** Proposals in the pipeline's order, then the parents among them, which may come later in that order. */
async function saveProposedEntities(
  tx: Tx,
  documentId: number,
  proposals: IngestResult["proposedEntities"],
  entityIds: Map<string, number>,
): Promise<void> {
  if (!proposals.length) return;
  const rows = await tx.proposedEntity.createManyAndReturn({
    data: proposals.map((p) => ({
      documentId,
      name: p.name,
      kind: p.kind,
      aliases: p.aliases,
      parentEntityId: p.parent && "slug" in p.parent ? (entityIds.get(p.parent.slug) ?? null) : null,
      siblings: p.siblings,
    })),
    select: { id: true },
  });
  const idOfKey = new Map(proposals.map((p, index) => [p.key, rows[index]!.id]));
  for (const [index, p] of proposals.entries()) {
    if (p.parent && "key" in p.parent && idOfKey.has(p.parent.key)) {
      await tx.proposedEntity.update({
        where: { id: rows[index]!.id },
        data: { parentProposalId: idOfKey.get(p.parent.key)! },
      });
    }
  }
  const mentions = proposals.flatMap((p, index) =>
    p.mentions.map((m) => ({ ...m, proposedEntityId: rows[index]!.id })),
  );
  for (let from = 0; from < mentions.length; from += BATCH)
    await tx.proposedEntityMention.createMany({ data: mentions.slice(from, from + BATCH) });
}

/** A URL name for a new document: its title's words, with a number added when another document has them. */
async function freeSlug(tx: Tx, title: string): Promise<string> {
  const base =
    title
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "document";
  const taken = new Set(
    (
      await tx.document.findMany({
        where: { slug: { startsWith: base } },
        select: { slug: true },
      })
    ).map((d) => d.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

async function lookupIds(prisma: Prisma, entities: { id: number; slug: string }[]) {
  const [sectors, sources] = await Promise.all([
    prisma.sector.findMany({ select: { id: true, slug: true } }),
    prisma.source.findMany({ select: { id: true, slug: true } }),
  ]);
  const bySlug = (rows: { id: number; slug: string }[]) => new Map(rows.map((r) => [r.slug, r.id]));
  return { sectors: bySlug(sectors), sources: bySlug(sources), entities: bySlug(entities) };
}

function missingReferences(result: IngestResult, ids: Ids): string[] {
  const missing = new Set<string>();
  for (const claim of result.claims) {
    for (const slug of claim.sectors) if (!ids.sectors.has(slug)) missing.add(`sector ${slug}`);
    for (const { slug } of [...claim.entities, ...claim.mentions])
      if (!ids.entities.has(slug)) missing.add(`entity ${slug}`);
    for (const { slug } of claim.sources) if (!ids.sources.has(slug)) missing.add(`source ${slug}`);
  }
  return [...missing];
}
