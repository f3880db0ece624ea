// Test data, one record at a time. Every factory gives defaults unique to the call (a random tag in names, slugs
// and addresses), so tests running side by side each have records of their own, and takes overrides for what a
// test is about. Writes go through Prisma, or through the data layer where the write has effects that belong
// with it: an account's audit event, a note's verdicts and history.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/permissions";
import { COMMAND_LINE, createUser } from "@/lib/data/users";
import type {
  Claim,
  ClaimCandidate,
  Document,
  Entity,
  Section,
  Sector,
  Source,
} from "@/lib/generated/prisma/client.ts";
import type {
  ClaimKind,
  DatePrecision,
  EntityKind,
  EntityRole,
  ReviewStatus,
  Role,
  SourceKind,
  SourceReliability,
  SourceRelation,
  Verdict,
} from "@/lib/generated/prisma/enums.ts";
import { readPlainText } from "@/lib/ingest/formats/plain-text";
import { contentHash, importDocument } from "@/lib/ingest/import-document";
import type { Prisma } from "@/lib/prisma-client";
import { loadCatalog } from "@/prisma/seed";

/** A short random tag that makes a name, slug or address unique to one test. */
export function uniqueTag(): string {
  return randomUUID().slice(0, 8);
}

/** Every factory-made account signs in with this password unless a test chooses another. */
export const FACTORY_PASSWORD = "a factory-made password";

export interface UserOverrides {
  role?: Role;
  name?: string;
  email?: string;
  password?: string;
}

/** An account made as `npm run user:create` makes one, with its audit event. */
export async function makeUser(db: Prisma, overrides: UserOverrides = {}): Promise<Actor> {
  const tag = uniqueTag();
  const role = overrides.role ?? "VIEWER";
  const { id, email, name } = await createUser(db, COMMAND_LINE, {
    email: overrides.email ?? `${role.toLowerCase()}-${tag}@claimdesk.test`,
    name: overrides.name ?? `${role[0]}${role.slice(1).toLowerCase()} ${tag}`,
    password: overrides.password ?? FACTORY_PASSWORD,
    role,
  });
  return { id, email, name, role };
}

export interface SectorOverrides {
  slug?: string;
  name?: string;
  description?: string;
  position?: number;
}

export async function makeSector(db: Prisma, overrides: SectorOverrides = {}): Promise<Sector> {
  const tag = uniqueTag();
  const last = await db.sector.aggregate({ _max: { position: true } });
  return db.sector.create({
    data: {
      slug: overrides.slug ?? `sector-${tag}`,
      name: overrides.name ?? `Sector ${tag}`,
      description: overrides.description ?? `Claims about sector ${tag}.`,
      position: overrides.position ?? (last._max.position ?? -1) + 1,
    },
  });
}

export interface EntityOverrides {
  slug?: string;
  name?: string;
  kind?: EntityKind;
  country?: string | null;
  description?: string | null;
  parent?: Pick<Entity, "id"> | null;
  /** Alias and its BCP 47 language tag. */
  aliases?: [alias: string, language: string][];
}

export async function makeEntity(db: Prisma, overrides: EntityOverrides = {}): Promise<Entity> {
  const tag = uniqueTag();
  return db.entity.create({
    data: {
      slug: overrides.slug ?? `entity-${tag}`,
      name: overrides.name ?? `Entity ${tag}`,
      kind: overrides.kind ?? "COMPANY",
      country: overrides.country ?? null,
      description: overrides.description ?? null,
      parentId: overrides.parent?.id ?? null,
      aliases: { create: (overrides.aliases ?? []).map(([alias, language]) => ({ alias, language })) },
    },
  });
}

export interface SourceOverrides {
  slug?: string;
  title?: string;
  publisher?: string | null;
  url?: string | null;
  kind?: SourceKind;
  publishedAt?: Date | null;
  reliability?: SourceReliability | null;
  notes?: string | null;
}

export async function makeSource(db: Prisma, overrides: SourceOverrides = {}): Promise<Source> {
  const tag = uniqueTag();
  return db.source.create({
    data: {
      slug: overrides.slug ?? `source-${tag}`,
      title: overrides.title ?? `Source ${tag}`,
      publisher: overrides.publisher === undefined ? `Publisher ${tag}` : overrides.publisher,
      url: overrides.url === undefined ? `https://example.org/source-${tag}` : overrides.url,
      kind: overrides.kind ?? "REPORT",
      publishedAt: overrides.publishedAt ?? null,
      reliability: overrides.reliability ?? null,
      notes: overrides.notes ?? null,
    },
  });
}

export interface QuantitySpec {
  value: number;
  unit: string;
  measure: string;
  surface?: string;
  qualifier?: string;
}

/** A claim as a test describes it; what it leaves out gets an unrated, unreviewed statistic of its own. */
export interface ClaimSpec {
  text?: string;
  kind?: ClaimKind;
  citationMissing?: boolean;
  status?: ReviewStatus;
  verdict?: Verdict | null;
  asOf?: { date: Date; precision: DatePrecision } | null;
  assignee?: Pick<Actor, "id"> | null;
  sectors?: Pick<Sector, "id">[];
  /** An entity alone is the claim's subject. Where its name stands in the text, the mention is recorded too. */
  entities?: (Pick<Entity, "id" | "name"> | { entity: Pick<Entity, "id" | "name">; role: EntityRole })[];
  /** A source alone is cited in the text. */
  sources?: (Pick<Source, "id"> | { source: Pick<Source, "id">; relation: SourceRelation })[];
  quantities?: QuantitySpec[];
  /** Notes added through the data layer, in order, each by a reviewer or an admin. */
  notes?: { author: Actor; body?: string; verdict?: Verdict | null }[];
}

export interface SectionSpec {
  heading?: string;
  level?: number;
  claims?: ClaimSpec[];
}

export interface DocumentOverrides {
  slug?: string;
  title?: string;
  publisher?: string | null;
  url?: string | null;
  publishedAt?: Date | null;
  /** One section without claims when left out. */
  sections?: SectionSpec[];
}

export interface MadeDocument {
  document: Document;
  sections: Section[];
  /** In document order, section by section. */
  claims: Claim[];
}

const codePoints = (text: string) => Array.from(text).length;

/**
 * A document whose text is built from its title, section headings and claims, one paragraph per section, so that
 * every claim's offsets point at its own words, as an import's do.
 */
export async function makeDocument(db: Prisma, overrides: DocumentOverrides = {}): Promise<MadeDocument> {
  const tag = uniqueTag();
  const title = overrides.title ?? `Document ${tag}`;
  const specs = overrides.sections ?? [{}];
  let text = "";
  const append = (part: string) => {
    const start = codePoints(text);
    text += part;
    return { start, end: codePoints(text) };
  };
  append(`${title}\n\n`);
  const layout = specs.map((spec, order) => {
    const heading = spec.heading ?? `${order + 1}. Section ${tag}-${order + 1}`;
    const start = append(`${heading}\n\n`).start;
    const claims = (spec.claims ?? []).map((claim, index) => {
      const words = claim.text ?? defaultClaimText(`${tag}-${order + 1}-${index + 1}`, claim.citationMissing);
      if (index > 0) append(" ");
      return { spec: claim, text: words, ...append(words) };
    });
    append("\n\n");
    return { spec, order, heading, start, end: codePoints(text), claims };
  });

  const made = await db.$transaction(async (tx) => {
    const document = await tx.document.create({
      data: {
        slug: overrides.slug ?? `document-${tag}`,
        title,
        publisher: overrides.publisher === undefined ? `Publisher ${tag}` : overrides.publisher,
        url: overrides.url === undefined ? `https://example.org/document-${tag}` : overrides.url,
        publishedAt: overrides.publishedAt ?? null,
        fullText: text,
        contentHash: contentHash(text),
      },
    });
    const sections: Section[] = [];
    const claims: Claim[] = [];
    for (const section of layout) {
      const row = await tx.section.create({
        data: {
          documentId: document.id,
          order: section.order,
          heading: section.heading,
          level: section.spec.level ?? 1,
          startOffset: section.start,
          endOffset: section.end,
        },
      });
      sections.push(row);
      for (const claim of section.claims) {
        const { spec } = claim;
        claims.push(
          await tx.claim.create({
            data: {
              documentId: document.id,
              sectionId: row.id,
              text: claim.text,
              startOffset: claim.start,
              endOffset: claim.end,
              kind: spec.kind ?? "STATISTIC",
              citationMissing: spec.citationMissing ?? false,
              status: spec.status ?? "UNREVIEWED",
              verdict: spec.verdict ?? null,
              asOfDate: spec.asOf?.date ?? null,
              asOfPrecision: spec.asOf?.precision ?? null,
              assigneeId: spec.assignee?.id ?? null,
              sectors: { create: (spec.sectors ?? []).map((sector) => ({ sectorId: sector.id })) },
              entities: {
                create: entityLinks(spec).map(({ entity, role }) => ({ entityId: entity.id, role })),
              },
              mentions: { create: mentionsOf(claim.text, claim.start, spec) },
              sources: {
                create: (spec.sources ?? []).map((link) =>
                  "source" in link
                    ? { sourceId: link.source.id, relation: link.relation }
                    : { sourceId: link.id, relation: "CITED_IN_TEXT" as const },
                ),
              },
              quantities: {
                create: (spec.quantities ?? []).map((quantity) => ({
                  ...quantity,
                  surface: quantity.surface ?? `${quantity.value} ${quantity.unit}`,
                })),
              },
            },
          }),
        );
      }
    }
    return { document, sections, claims };
  });

  const specsInOrder = layout.flatMap((section) => section.claims.map((claim) => claim.spec));
  if (!specsInOrder.some((spec) => spec.notes?.length)) return made;
  // The data layer's note writes are server-only: loaded only for notes, so that browser tests, which run outside
  // React's server runtime, can make everything else.
  const { createAnnotation } = await import("@/lib/data/annotations");
  for (const [index, spec] of specsInOrder.entries()) {
    for (const note of spec.notes ?? []) {
      await createAnnotation(db, note.author, {
        claimId: made.claims[index]!.id,
        body: note.body ?? `A note on claim ${made.claims[index]!.id}.`,
        verdict: note.verdict ?? null,
        evidence: { kind: "none" },
        locator: null,
      });
    }
  }
  // Notes with a verdict change the claim (its verdict, status and version): hand back what the database holds.
  const claims = await db.claim.findMany({
    where: { documentId: made.document.id },
    orderBy: { startOffset: "asc" },
  });
  return { ...made, claims };
}

/** One claim in a document of its own. */
export async function makeClaim(db: Prisma, spec: ClaimSpec = {}): Promise<Claim> {
  const { claims } = await makeDocument(db, { sections: [{ claims: [spec] }] });
  return claims[0]!;
}

/** A claim whose citation was lost keeps the telltale space before its final period. */
function defaultClaimText(tag: string, citationMissing = false): string {
  return `Claim ${tag} puts a figure on something checkable${citationMissing ? " ." : "."}`;
}

function entityLinks(spec: ClaimSpec): { entity: Pick<Entity, "id" | "name">; role: EntityRole }[] {
  return (spec.entities ?? []).map((link) =>
    "entity" in link ? link : { entity: link, role: "SUBJECT" as const },
  );
}

function mentionsOf(text: string, start: number, spec: ClaimSpec) {
  return entityLinks(spec).flatMap(({ entity }) => {
    const at = text.indexOf(entity.name);
    if (at < 0) return [];
    const offset = start + codePoints(text.slice(0, at));
    return [
      {
        entityId: entity.id,
        startOffset: offset,
        endOffset: offset + codePoints(entity.name),
        surface: entity.name,
      },
    ];
  });
}

export interface DraftOverrides {
  /** The whole plain text; by default a short report whose title line and cited address are unique to the call. */
  text?: string;
  /** The title a person gave when importing; the text's first line when left out. */
  title?: string;
}

export interface MadeDraft {
  document: Document;
  /** In reading order. */
  candidates: ClaimCandidate[];
}

/**
 * A draft as an import makes one, through the importer and the seed's catalog rules. The default text has candidate
 * claims naming catalog entities (a sector, a figure, a note with a web address among them), a lost citation, names
 * the catalog lacks and a sentence the rules skip. A text must differ from every other imported one. The database
 * needs the seed's catalog, whose sectors and sources the rules name.
 */
export async function makeDraftDocument(db: Prisma, overrides: DraftOverrides = {}): Promise<MadeDraft> {
  const tag = uniqueTag();
  const text = overrides.text ?? defaultDraftText(tag);
  const catalog = await loadCatalog();
  const outcome = await importDocument(
    db,
    {
      title: overrides.title ?? null,
      publisher: null,
      url: null,
      publishedAt: null,
      document: readPlainText(text),
    },
    { sectors: catalog.sectors, sources: catalog.sources },
  );
  if (outcome.status !== "imported")
    throw new Error(
      `This text was imported before (document ${outcome.documentId}): give each draft its own.`,
    );
  const [document, candidates] = await Promise.all([
    db.document.findUniqueOrThrow({ where: { id: outcome.documentId } }),
    db.claimCandidate.findMany({
      where: { documentId: outcome.documentId },
      orderBy: { startOffset: "asc" },
    }),
  ]);
  return { document, candidates };
}

function defaultDraftText(tag: string): string {
  return [
    `Draft report ${tag}`,
    "",
    "1. Compute",
    "",
    "Huawei shipped 200,000 Ascend 910C chips in 2025, according to the ministry [1].",
    "Zhipu Nebula Labs opened a data centre in Hefei in March 2025, with investment of $2 billion.",
    "We thank our readers.",
    "",
    "2. Models",
    "",
    "Baidu released Ernie 4.5 in 2025 and said it was used by 300 million people .",
    "",
    "Notes",
    `[1] Ministry of Industry, Chip output statistics ${tag}, https://example.gov/chips-${tag}`,
    "",
  ].join("\n");
}
