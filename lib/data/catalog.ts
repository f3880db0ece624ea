// Admin edits to the catalog: a claim's classification, an entity, a source; and what their edit forms show.
// A claim's text is never edited here: it is the document's own words, at fixed offsets into it. Writes authorise here,
// and take input their action already parsed (lib/validations/catalog.ts).
import "server-only";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/data/audit";
import { InvalidStateError, NotFoundError, StaleVersionError } from "@/lib/data/errors";
import type { Prisma as PrismaNamespace } from "@/lib/generated/prisma/client.ts";
import type { ClaimKind, SourceKind, SourceReliability } from "@/lib/generated/prisma/enums.ts";
import type { Prisma, Tx } from "@/lib/prisma-client";
import { asOfIso } from "@/lib/format";
import type { UpdateClaimData, UpdateEntityData, UpdateSourceData } from "@/lib/validations/catalog";

export interface ClaimEdit {
  id: number;
  version: number;
  kind: ClaimKind;
  /** Sector slugs, in display order. */
  sectors: string[];
  citationMissing: boolean;
  /** "2025", "2025-03", "2025-03-14" or "". */
  asOf: string;
}

export interface EntityEdit {
  id: number;
  name: string;
  description: string | null;
  country: string | null;
  aliases: string[];
  version: number;
}

export interface SourceEdit {
  id: number;
  title: string;
  publisher: string | null;
  url: string | null;
  kind: SourceKind;
  reliability: SourceReliability | null;
  notes: string | null;
  version: number;
}

function entityFields(entity: {
  name: string;
  description: string | null;
  country: string | null;
  aliases: string[];
}) {
  return {
    name: entity.name,
    description: entity.description,
    country: entity.country,
    aliases: [...entity.aliases].sort(),
  };
}

function sourceFields(source: Omit<SourceEdit, "id" | "version">) {
  return {
    title: source.title,
    publisher: source.publisher,
    url: source.url,
    kind: source.kind,
    reliability: source.reliability,
    notes: source.notes,
  };
}

/** Only the fields whose value differs, for the audit trail. */
function changedFields<T extends Record<string, PrismaNamespace.InputJsonValue | null>>(before: T, after: T) {
  const keys = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key]])),
    after: Object.fromEntries(keys.map((key) => [key, after[key]])),
    changed: keys.length > 0,
  };
}

export async function getClaimEdit(db: Prisma | Tx, id: number): Promise<ClaimEdit | null> {
  const claim = await db.claim.findUnique({
    where: { id },
    select: {
      id: true,
      version: true,
      kind: true,
      citationMissing: true,
      asOfDate: true,
      asOfPrecision: true,
      sectors: { select: { sector: { select: { slug: true } } }, orderBy: { sector: { position: "asc" } } },
    },
  });
  if (!claim) return null;
  return {
    id: claim.id,
    version: claim.version,
    kind: claim.kind,
    sectors: claim.sectors.map(({ sector }) => sector.slug),
    citationMissing: claim.citationMissing,
    asOf:
      claim.asOfDate && claim.asOfPrecision
        ? asOfIso({ date: claim.asOfDate, precision: claim.asOfPrecision })
        : "",
  };
}

export async function getSectorOptions(db: Prisma): Promise<{ slug: string; name: string }[]> {
  return db.sector.findMany({ select: { slug: true, name: true }, orderBy: { position: "asc" } });
}

export async function getEntityEdit(db: Prisma | Tx, id: number): Promise<EntityEdit | null> {
  const entity = await db.entity.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      description: true,
      country: true,
      version: true,
      aliases: { select: { alias: true }, orderBy: [{ language: "asc" }, { alias: "asc" }] },
    },
  });
  return entity && { ...entity, aliases: entity.aliases.map(({ alias }) => alias) };
}

export async function getSourceEdit(db: Prisma | Tx, id: number): Promise<SourceEdit | null> {
  return db.source.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      publisher: true,
      url: true,
      kind: true,
      reliability: true,
      notes: true,
      version: true,
    },
  });
}

export async function updateClaim(
  db: Prisma,
  actor: Actor | null,
  { id, version, kind, sectors, citationMissing, asOf }: UpdateClaimData,
): Promise<ClaimEdit> {
  requirePermission(actor, "catalog.edit");
  await db.$transaction(async (tx) => {
    const current = await lockedClaimEdit(tx, id);
    if (current.version !== version) throw new StaleVersionError("claim");
    const sectorRows = await tx.sector.findMany({
      where: { slug: { in: sectors } },
      select: { id: true, slug: true },
    });
    const unknown = sectors.filter((slug) => !sectorRows.some((row) => row.slug === slug));
    if (unknown.length) throw new InvalidStateError(`Unknown sector: ${unknown.join(", ")}.`);
    const next = { ...current, kind, citationMissing, asOf: asOf ? asOfIso(asOf) : "" };
    const diff = changedFields(
      {
        kind: current.kind,
        sectors: [...current.sectors].sort(),
        citationMissing: current.citationMissing,
        asOf: current.asOf || null,
      },
      { kind: next.kind, sectors: [...sectors].sort(), citationMissing, asOf: next.asOf || null },
    );
    if (!diff.changed) return;
    await tx.claim.update({
      where: { id },
      data: {
        kind,
        citationMissing,
        asOfDate: asOf?.date ?? null,
        asOfPrecision: asOf?.precision ?? null,
        version: { increment: 1 },
        sectors: { deleteMany: {}, create: sectorRows.map((row) => ({ sectorId: row.id })) },
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "claim.edit",
      targetType: "claim",
      targetId: id,
      claimId: id,
      before: diff.before,
      after: diff.after,
    });
  });
  const saved = await getClaimEdit(db, id);
  if (!saved) throw new NotFoundError("claim");
  return saved;
}

/** The claim's editable fields, with its row locked until the transaction ends. */
async function lockedClaimEdit(tx: Tx, id: number): Promise<ClaimEdit> {
  await tx.$queryRaw`SELECT id FROM "Claim" WHERE id = ${id} FOR UPDATE`;
  const current = await getClaimEdit(tx, id);
  if (!current) throw new NotFoundError("claim");
  return current;
}

export async function updateEntity(
  db: Prisma,
  actor: Actor | null,
  { id, version, ...next }: UpdateEntityData,
): Promise<EntityEdit> {
  requirePermission(actor, "catalog.edit");
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Entity" WHERE id = ${id} FOR UPDATE`;
    const current = await getEntityEdit(tx, id);
    if (!current) throw new NotFoundError("entity");
    if (current.version !== version) throw new StaleVersionError("entity");
    const diff = changedFields(entityFields(current), entityFields(next));
    if (!diff.changed) return;
    const kept = current.aliases.filter((alias) => next.aliases.includes(alias));
    await tx.entity.update({
      where: { id },
      data: {
        name: next.name,
        description: next.description,
        country: next.country,
        version: { increment: 1 },
        aliases: {
          deleteMany: { alias: { notIn: kept } },
          create: next.aliases
            .filter((alias) => !kept.includes(alias))
            .map((alias) => ({ alias, language: aliasLanguage(alias) })),
        },
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "entity.edit",
      targetType: "entity",
      targetId: id,
      before: diff.before,
      after: diff.after,
    });
  });
  const saved = await getEntityEdit(db, id);
  if (!saved) throw new NotFoundError("entity");
  return saved;
}

/** The catalog's aliases are English or Chinese; a name written in Han characters is the Chinese one. */
function aliasLanguage(alias: string): string {
  return /\p{Script=Han}/u.test(alias) ? "zh" : "en";
}

export async function updateSource(
  db: Prisma,
  actor: Actor | null,
  { id, version, ...next }: UpdateSourceData,
): Promise<SourceEdit> {
  requirePermission(actor, "catalog.edit");
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Source" WHERE id = ${id} FOR UPDATE`;
    const current = await getSourceEdit(tx, id);
    if (!current) throw new NotFoundError("source");
    if (current.version !== version) throw new StaleVersionError("source");
    const diff = changedFields(sourceFields(current), sourceFields(next));
    if (!diff.changed) return;
    await tx.source.update({ where: { id }, data: { ...next, version: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "source.edit",
      targetType: "source",
      targetId: id,
      before: diff.before,
      after: diff.after,
    });
  });
  const saved = await getSourceEdit(db, id);
  if (!saved) throw new NotFoundError("source");
  return saved;
}
