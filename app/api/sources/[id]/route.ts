// GET /api/sources/<id>: one source with the claims linked to it and how (cited in text, supports, contradicts).
import { claimUrl, isoDate } from "@/app/api/_lib/formats";
import { answer, json, jsonError } from "@/app/api/_lib/responses";
import { parseRecordId } from "@/lib/data/record-id";
import { getSource } from "@/lib/data/sources";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return answer(async () => {
    const id = parseRecordId((await params).id);
    const source = id === null ? null : await getSource(id);
    if (!source) return jsonError(404, "No source has this id.");
    const origin = new URL(request.url).origin;
    return json({
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
    });
  });
}
