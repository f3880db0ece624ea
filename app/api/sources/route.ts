// GET /api/sources?q=&kind=&page=&size=: the reports, articles and statements claims cite, by title.
import { isoDate } from "@/app/api/_lib/formats";
import { parseApiPageSize, searchParamsOf } from "@/app/api/_lib/request-params";
import { answer, json } from "@/app/api/_lib/responses";
import { getSources, parseSourceSearch, type SourceRow } from "@/lib/data/sources";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return answer(async () => {
    const url = new URL(request.url);
    const query = parseSourceSearch(searchParamsOf(url));
    const result = await getSources({ ...query, size: parseApiPageSize(url.searchParams.get("size")) });
    const links = await sourceLinks(result.rows);
    return json({
      data: result.rows.map((row) => ({
        id: row.id,
        slug: links.get(row.id)?.slug ?? null,
        title: row.title,
        publisher: row.publisher,
        url: links.get(row.id)?.url ?? null,
        kind: row.kind,
        reliability: row.reliability,
        publishedAt: isoDate(row.publishedAt),
        claimCount: row.claims,
      })),
      page: result.page,
      size: result.size,
      total: result.total,
      pageCount: result.pageCount,
    });
  });
}

/** getSources leaves out the slug and the link, which API clients need; one lookup per page adds them. */
async function sourceLinks(rows: SourceRow[]): Promise<Map<number, { slug: string; url: string | null }>> {
  if (!rows.length) return new Map();
  const sources = await getDb().source.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    select: { id: true, slug: true, url: true },
  });
  return new Map(sources.map(({ id, slug, url }) => [id, { slug, url }]));
}
