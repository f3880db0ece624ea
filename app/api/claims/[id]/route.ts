// GET /api/claims/<id>: one claim with its sectors, entities, sources, quantities and where each name stands.
import { claimUrl, publicOrigin } from "@/app/api/_lib/formats";
import { asOfIso } from "@/lib/format";
import { recordRoute } from "@/app/api/_lib/record-route";
import { getClaim, type ClaimDetail } from "@/lib/data/claim-detail";

export const dynamic = "force-dynamic";

export const GET = recordRoute(getClaim, "No claim has this id.", (claim, request) => ({
  id: claim.id,
  url: claimUrl(publicOrigin(request), claim.id),
  text: claim.text,
  kind: claim.kind,
  status: claim.status,
  verdict: claim.verdict,
  citationMissing: claim.citationMissing,
  asOf: claim.asOf ? asOfIso(claim.asOf) : null,
  document: { id: claim.document.id, title: claim.document.title },
  section: claim.sections.map(({ id, heading }) => ({ id, heading })).at(-1) ?? null,
  sectors: claim.sectors.map(({ slug, name }) => ({ slug, name })),
  entities: claim.entities.map(({ id, slug, name, kind, role }) => ({ id, slug, name, kind, role })),
  sources: claim.sources.map(({ id, title, publisher, url, kind, reliability, relation }) => ({
    id,
    title,
    publisher,
    url,
    kind,
    reliability,
    relation,
  })),
  quantities: claim.quantities.map(({ value, unit, qualifier, measure, surface }) => ({
    value,
    unit,
    qualifier,
    measure,
    surface,
  })),
  mentions: mentionsOf(claim.textSegments),
}));

/** Where each name stands in `text`, in code points as every stored offset is, with the entities it names. */
function mentionsOf(segments: ClaimDetail["textSegments"]) {
  const mentions: { start: number; end: number; surface: string; entities: string[] }[] = [];
  let position = 0;
  for (const segment of segments) {
    const length = Array.from(segment.text).length;
    if (segment.mark) {
      mentions.push({
        start: position,
        end: position + length,
        surface: segment.text,
        entities: segment.mark.map((entity) => entity.slug),
      });
    }
    position += length;
  }
  return mentions;
}
