// The reference data every import links to: sectors (with their keyword rules), entities with their
// aliases, and the sources documents are known to cite (with the phrases that name them in a text).
// Synchronising writes only what differs, so running the seed twice changes nothing.

import { z } from "zod";
import { EntityKind, SourceKind } from "@/lib/generated/prisma/enums.ts";
import type { Prisma } from "@/lib/prisma-client";
import type { IngestContext } from "./pipeline";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lower-case words joined by hyphens");

export const sectorsSchema = z.array(
  z
    .object({
      slug,
      name: z.string().min(2),
      description: z.string().min(10),
      keywords: z.array(z.string().min(2)),
    })
    .strict(),
);

export const entitiesSchema = z.array(
  z
    .object({
      slug,
      name: z.string().min(1),
      kind: z.enum(EntityKind),
      country: z.string().length(2).nullable(),
      description: z.string().min(5),
      parent: slug.optional(),
      aliases: z.array(z.tuple([z.string().min(1), z.string().min(2)])),
    })
    .strict(),
);

export const sourcesSchema = z.array(
  z
    .object({
      slug,
      title: z.string().min(3),
      publisher: z.string().nullable(),
      url: z.url().nullable(),
      kind: z.enum(SourceKind),
      publishedAt: z.iso.date().nullable(),
      notes: z.string().nullable(),
      cues: z.array(z.string().min(3)),
    })
    .strict(),
);

export interface Catalog {
  sectors: z.infer<typeof sectorsSchema>;
  entities: z.infer<typeof entitiesSchema>;
  sources: z.infer<typeof sourcesSchema>;
}

/** Imports write hundreds of rows in one transaction; Prisma's 5 s default is too short on a busy machine. */
export const IMPORT_TRANSACTION = { maxWait: 10_000, timeout: 120_000 };

export interface SyncReport {
  created: number;
  updated: number;
}

type Row = Record<string, unknown>;

function differs(existing: Row, wanted: Row): boolean {
  return Object.entries(wanted).some(([key, value]) => {
    const current = existing[key];
    if (current instanceof Date && typeof value === "string")
      return current.toISOString().slice(0, 10) !== value;
    return (current ?? null) !== (value ?? null);
  });
}

function toDate(value: string | null): Date | null {
  return value === null ? null : new Date(`${value}T00:00:00Z`);
}

export async function syncCatalog(prisma: Prisma, catalog: Catalog): Promise<SyncReport> {
  const report: SyncReport = { created: 0, updated: 0 };
  const count = (created: boolean) => (created ? report.created++ : report.updated++);

  await prisma.$transaction(async (tx) => {
    const sectors = new Map((await tx.sector.findMany()).map((s) => [s.slug, s]));
    for (const [position, { slug, name, description }] of catalog.sectors.entries()) {
      const wanted = { slug, name, description, position };
      const existing = sectors.get(slug);
      if (!existing) await tx.sector.create({ data: wanted });
      else if (differs(existing, wanted)) await tx.sector.update({ where: { slug }, data: wanted });
      else continue;
      count(!existing);
    }

    const entities = new Map(
      (await tx.entity.findMany({ include: { aliases: true } })).map((e) => [e.slug, e]),
    );
    const created = new Set<string>();
    for (const { slug, name, kind, country, description } of catalog.entities) {
      const wanted = { slug, name, kind, country, description };
      const existing = entities.get(slug);
      if (!existing) {
        entities.set(slug, { ...(await tx.entity.create({ data: wanted })), aliases: [] });
        created.add(slug);
      } else if (differs(existing, wanted))
        // The version tells an admin's open edit form that the record changed under it (lib/data/catalog.ts).
        await tx.entity.update({ where: { slug }, data: { ...wanted, version: { increment: 1 } } });
      else continue;
      count(!existing);
    }
    // Parents are linked once every entity exists, so the file may list children before parents.
    for (const { slug, parent, aliases } of catalog.entities) {
      const entity = entities.get(slug)!;
      const parentId = parent ? entities.get(parent)?.id : null;
      if (parentId === undefined) throw new Error(`Entity "${slug}" names an unknown parent "${parent}"`);
      if (entity.parentId !== parentId) {
        await tx.entity.update({ where: { slug }, data: { parentId } });
        if (!created.has(slug)) count(false);
      }
      const known = new Map(entity.aliases.map((a) => [a.alias, a]));
      let aliasAdded = false;
      for (const [alias, language] of aliases) {
        const existing = known.get(alias);
        if (!existing) {
          await tx.entityAlias.create({ data: { entityId: entity.id, alias, language } });
          aliasAdded = true;
        } else if (existing.language !== language)
          await tx.entityAlias.update({ where: { id: existing.id }, data: { language } });
        else continue;
        count(!existing);
      }
      // Aliases are on the entity's edit form: a new one makes an open form stale, once however many were added.
      if (aliasAdded && !created.has(slug))
        await tx.entity.update({ where: { slug }, data: { version: { increment: 1 } } });
    }

    const sources = new Map((await tx.source.findMany()).map((s) => [s.slug, s]));
    for (const { slug, title, publisher, url, kind, publishedAt, notes } of catalog.sources) {
      const wanted = { slug, title, publisher, url, kind, notes, publishedAt };
      const existing = sources.get(slug);
      const data = { ...wanted, publishedAt: toDate(publishedAt) };
      if (!existing) await tx.source.create({ data });
      else if (differs(existing, wanted))
        await tx.source.update({ where: { slug }, data: { ...data, version: { increment: 1 } } });
      else continue;
      count(!existing);
    }
  }, IMPORT_TRANSACTION);
  return report;
}

/** What the claims pipeline needs of the catalog: names and aliases with kinds and parents, sector and source rules. */
export function ingestContext(catalog: Catalog): IngestContext {
  return {
    entities: catalog.entities.map((e) => ({
      slug: e.slug,
      name: e.name,
      kind: e.kind,
      aliases: e.aliases.map(([alias]) => alias),
      ...(e.parent ? { parent: e.parent } : {}),
    })),
    sectors: catalog.sectors,
    sources: catalog.sources,
  };
}
