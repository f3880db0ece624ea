// GET /api/claims?<the /claims table's parameters>: one page of claims, filtered and sorted exactly as the table.
import { claimUrl, publicOrigin } from "@/app/api/_lib/formats";
import { answer, json } from "@/app/api/_lib/responses";
import { getRequestUser } from "@/lib/auth";
import { getClaims, type ClaimRow } from "@/lib/data/claims";
import { getDb } from "@/lib/db";
import { asOfIso } from "@/lib/format";
import type { DatePrecision } from "@/lib/generated/prisma/enums.ts";
import { forViewer, parseClaimsQuery } from "@/lib/validations/claims";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return answer(async () => {
    const url = new URL(request.url);
    const query = parseClaimsQuery(url.searchParams);
    const origin = publicOrigin(request);
    // Only the assignee filter needs the session; without one it matches no claim (see forViewer).
    const viewer = query.assignees.length ? await getRequestUser(request) : null;
    const { rows, total, pageCount } = await getClaims(forViewer(query, viewer?.id ?? null));
    const precisions = await asOfPrecisions(rows);
    return json({
      data: rows.map((row) => ({
        id: row.id,
        url: claimUrl(origin, row.id),
        text: row.text,
        kind: row.kind,
        status: row.status,
        verdict: row.verdict,
        citationMissing: row.citationMissing,
        // A date without a recorded precision reads as a day, as in the export.
        asOf: row.asOfDate
          ? asOfIso({ date: row.asOfDate, precision: precisions.get(row.id) ?? "DAY" })
          : null,
        document: { id: row.document.id, title: row.document.title },
        section: { id: row.section.id, heading: row.section.heading },
        sectors: row.sectors.map((sector) => sector.slug),
        entities: row.entities.map(({ slug, name, role }) => ({ slug, name, role })),
        sourceCount: row.sourceCount,
        quantityCount: row.quantityCount,
        highlights: row.highlights,
      })),
      page: query.page,
      size: query.size,
      total,
      pageCount,
    });
  });
}

/** getClaims gives the as-of date without its precision; one indexed lookup for the page's dated claims adds it. */
async function asOfPrecisions(rows: ClaimRow[]): Promise<Map<number, DatePrecision | null>> {
  const dated = rows.filter((row) => row.asOfDate).map((row) => row.id);
  if (!dated.length) return new Map();
  const claims = await getDb().claim.findMany({
    where: { id: { in: dated } },
    select: { id: true, asOfPrecision: true },
  });
  return new Map(claims.map((claim) => [claim.id, claim.asOfPrecision]));
}
