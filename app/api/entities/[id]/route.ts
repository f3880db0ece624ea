// GET /api/entities/<id>: one entity with its aliases, parent, children, claim counts and co-mentioned entities.
import { publicOrigin } from "@/app/api/_lib/formats";
import { recordRoute } from "@/app/api/_lib/record-route";
import { getEntity } from "@/lib/data/entities";

export const dynamic = "force-dynamic";

export const GET = recordRoute(getEntity, "No entity has this id.", (entity, request) => {
  const claimsUrl = new URL("/api/claims", publicOrigin(request));
  claimsUrl.searchParams.set("entity", entity.slug);
  return {
    id: entity.id,
    slug: entity.slug,
    name: entity.name,
    kind: entity.kind,
    country: entity.country,
    description: entity.description,
    aliases: entity.aliases.map(({ alias, language }) => ({ alias, language })),
    parent: entity.parent && { id: entity.parent.id, name: entity.parent.name, kind: entity.parent.kind },
    children: entity.children.map(({ id, name, kind }) => ({ id, name, kind })),
    claimCount: entity.claims.subject + entity.claims.mentioned,
    claimCountByRole: { subject: entity.claims.subject, mentioned: entity.claims.mentioned },
    coMentions: entity.coMentions.map(({ id, slug, name, kind, claims }) => ({
      id,
      slug,
      name,
      kind,
      claimCount: claims,
    })),
    claimsUrl: claimsUrl.toString(),
  };
});
