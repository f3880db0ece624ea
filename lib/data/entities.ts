// Reads of entities: the searchable list (also behind the JSON API and the claims table's entity typeahead) and an
// entity's profile with the claims that name it and the entities named alongside it.
import "server-only";
import { getDb } from "@/lib/db";
import { Prisma as PrismaSql } from "@/lib/generated/prisma/client.ts";
import {
  EntityKind,
  type ClaimKind,
  type EntityRole,
  type ReviewStatus,
  type Verdict,
} from "@/lib/generated/prisma/enums.ts";
import type { Prisma } from "@/lib/prisma-client";
import { pagedOf, type Paged } from "@/lib/data/paged";
import {
  cleanQuery,
  firstParam,
  pageWindow,
  parseListSearch,
  parseOption,
  type SearchParams,
} from "@/lib/validations/url-params";

const { sql, empty } = PrismaSql;

export const ENTITY_SORTS = ["relevance", "name", "claims"] as const;
export type EntitySort = (typeof ENTITY_SORTS)[number];

export type EntitySearch = {
  q?: string;
  kind?: EntityKind | null;
  page?: number;
  size?: number;
  /** Defaults to relevance when searching, otherwise to name. */
  sort?: EntitySort | null;
  /** Defaults to A to Z for names and most first for claims. */
  dir?: "asc" | "desc" | null;
};

export type EntityListQuery = Required<EntitySearch>;

export type EntityRow = {
  id: number;
  slug: string;
  name: string;
  kind: EntityKind;
  country: string | null;
  /** By language, then alphabetically. */
  aliases: { alias: string; language: string }[];
  parent: { id: number; slug: string; name: string } | null;
  /** Claims that name the entity, as subject or in passing. */
  claims: number;
};

export type EntityProfile = {
  id: number;
  slug: string;
  name: string;
  kind: EntityKind;
  country: string | null;
  description: string | null;
  aliases: { alias: string; language: string }[];
  parent: { id: number; name: string; kind: EntityKind } | null;
  children: { id: number; name: string; kind: EntityKind }[];
  claims: { subject: number; mentioned: number };
  /** The entities named in the most claims together with this one, most first, at most 10. */
  coMentions: { id: number; slug: string; name: string; kind: EntityKind; claims: number }[];
};

export type EntityClaim = {
  id: number;
  text: string;
  kind: ClaimKind;
  status: ReviewStatus;
  verdict: Verdict | null;
  citationMissing: boolean;
  role: EntityRole;
  document: { id: number; title: string };
};

const CO_MENTION_LIMIT = 10;
export const ENTITY_CLAIMS_PAGE_SIZE = 20;

/** The list page's query as its URL holds it; unknown values fall back to the defaults. */
export function parseEntitySearch(params: SearchParams): EntityListQuery {
  return {
    ...parseListSearch(params, Object.values(EntityKind)),
    sort: parseOption(ENTITY_SORTS, firstParam(params, "sort")),
    dir: parseOption(["asc", "desc"] as const, firstParam(params, "dir")),
  };
}

/**
 * Entities whose name or any alias contains `q` (any case, Chinese included) or is close to it by trigram
 * similarity, so a typo still finds its entity. Both lookups run on the trigram GIN indexes.
 */
export async function searchEntities(input: EntitySearch, db: Prisma = getDb()): Promise<Paged<EntityRow>> {
  const q = cleanQuery(input.q);
  const { page, size } = pageWindow(input.page, input.size);
  const sort = input.sort ?? (q ? "relevance" : "name");
  const matched = matchedEntitiesSql(q, input.kind ?? null);

  // The similarity threshold of `%` is the session's (SESSION_SETTINGS in lib/prisma-client.ts).
  const [[count], rows] = await db.$transaction([
    db.$queryRaw<[{ total: number }]>`WITH ${matched} SELECT count(*)::int AS total FROM matched`,
    db.$queryRaw<EntityRow[]>`
      WITH ${matched}
      SELECT e.id, e.slug, e.name, e.kind::text AS kind, e.country,
             e."claimCount" AS claims,
             CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('id', p.id, 'slug', p.slug, 'name', p.name) END AS parent,
             COALESCE((SELECT json_agg(json_build_object('alias', a.alias, 'language', a.language)
                                       ORDER BY a.language, a.alias)
                       FROM "EntityAlias" a WHERE a."entityId" = e.id), '[]'::json) AS aliases
      FROM matched m JOIN "Entity" e ON e.id = m.id LEFT JOIN "Entity" p ON p.id = e."parentId"
      ORDER BY ${orderSql(sort, input.dir)}, e.id
      LIMIT ${size} OFFSET ${(page - 1) * size}`,
  ]);
  return pagedOf(rows, count.total, { page, size });
}

function matchedEntitiesSql(q: string, kind: EntityKind | null) {
  const kindFilter = kind ? sql`AND e.kind = ${kind}::"EntityKind"` : empty;
  if (!q) return sql`matched AS (SELECT e.id, 0::float8 AS score FROM "Entity" e WHERE true ${kindFilter})`;
  const pattern = `%${q.replace(/[\\%_]/g, "\\$&")}%`;
  // An exact name outranks a substring, which outranks a merely similar spelling.
  const score = (column: PrismaSql.Sql) => sql`
    (CASE WHEN lower(${column}) = lower(${q}) THEN 2 WHEN ${column} ILIKE ${pattern} THEN 1 ELSE 0 END)
    + similarity(${column}, ${q})`;
  return sql`matched AS (
    SELECT e.id, GREATEST(${score(sql`e.name`)},
           COALESCE((SELECT max(${score(sql`a.alias`)}) FROM "EntityAlias" a WHERE a."entityId" = e.id), 0)) AS score
    FROM "Entity" e
    WHERE e.id IN (
      SELECT id FROM "Entity" WHERE name ILIKE ${pattern} OR name % ${q}
      UNION
      SELECT "entityId" FROM "EntityAlias" WHERE alias ILIKE ${pattern} OR alias % ${q}
    ) ${kindFilter}
  )`;
}

function orderSql(sort: EntitySort, dir: "asc" | "desc" | null | undefined) {
  switch (sort) {
    case "relevance":
      return sql`m.score DESC, lower(e.name) ASC`;
    case "claims":
      return dir === "asc" ? sql`claims ASC, lower(e.name) ASC` : sql`claims DESC, lower(e.name) ASC`;
    case "name":
      return dir === "desc" ? sql`lower(e.name) DESC` : sql`lower(e.name) ASC`;
  }
}

export async function getEntity(id: number, db: Prisma = getDb()): Promise<EntityProfile | null> {
  const [entity, subject, mentioned, coMentions] = await db.$transaction([
    db.entity.findUnique({
      where: { id },
      include: {
        aliases: {
          select: { alias: true, language: true },
          orderBy: [{ language: "asc" }, { alias: "asc" }],
        },
        parent: { select: { id: true, name: true, kind: true } },
        children: { select: { id: true, name: true, kind: true }, orderBy: { name: "asc" } },
      },
    }),
    db.claimEntity.count({ where: { entityId: id, role: "SUBJECT" } }),
    db.claimEntity.count({ where: { entityId: id, role: "MENTIONED" } }),
    db.$queryRaw<EntityProfile["coMentions"]>`
      SELECT e.id, e.slug, e.name, e.kind::text AS kind, count(*)::int AS claims
      FROM "ClaimEntity" mine
      JOIN "ClaimEntity" other ON other."claimId" = mine."claimId" AND other."entityId" <> mine."entityId"
      JOIN "Entity" e ON e.id = other."entityId"
      WHERE mine."entityId" = ${id}
      GROUP BY e.id
      ORDER BY claims DESC, lower(e.name), e.id
      LIMIT ${CO_MENTION_LIMIT}`,
  ]);
  if (!entity) return null;
  return {
    id: entity.id,
    slug: entity.slug,
    name: entity.name,
    kind: entity.kind,
    country: entity.country,
    description: entity.description,
    aliases: entity.aliases,
    parent: entity.parent,
    children: entity.children,
    claims: { subject, mentioned },
    coMentions,
  };
}

/** The claims that name an entity, in document order. */
export async function getEntityClaims(
  entityId: number,
  options: { page?: number; size?: number } = {},
  db: Prisma = getDb(),
): Promise<Paged<EntityClaim>> {
  const { page, size } = pageWindow(options.page, options.size ?? ENTITY_CLAIMS_PAGE_SIZE);
  const [total, links] = await db.$transaction([
    db.claimEntity.count({ where: { entityId } }),
    db.claimEntity.findMany({
      where: { entityId },
      orderBy: [{ claim: { documentId: "asc" } }, { claim: { startOffset: "asc" } }, { claimId: "asc" }],
      skip: (page - 1) * size,
      take: size,
      select: {
        role: true,
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
    }),
  ]);
  return pagedOf(
    links.map(({ role, claim }) => ({ ...claim, role })),
    total,
    { page, size },
  );
}
