// GET /api/sources/<id>: one source with the claims linked to it and how (cited in text, supports, contradicts).
import { claimUrl, isoDate, publicOrigin } from "@/app/api/_lib/formats";
import { recordRoute } from "@/app/api/_lib/record-route";
import { getSource } from "@/lib/data/sources";

export const dynamic = "force-dynamic";

export const GET = recordRoute(getSource, "No source has this id.", (source, request) => {
  const origin = publicOrigin(request);
  return {
    id: source.id,
    slug: source.slug,
    title: source.title,
    publisher: source.publisher,
    url: source.url,
    kind: source.kind,
    reliability: source.reliability,
    publishedAt: isoDate(source.publishedAt),
    notes: source.notes,
    claimCount: new Set(source.claims.map((claim) => claim.id)).size,
    claims: source.claims.map((claim) => ({
      id: claim.id,
      url: claimUrl(origin, claim.id),
      text: claim.text,
      kind: claim.kind,
      status: claim.status,
      verdict: claim.verdict,
      citationMissing: claim.citationMissing,
      relation: claim.relation,
      document: { id: claim.document.id, title: claim.document.title },
    })),
  };
});
