// GET /api/entities?q=&kind=&page=&size=: entities by name or alias (Chinese too), forgiving typos. The claims
// table's entity typeahead calls it with size=8.
import { parseApiPageSize, searchParamsOf } from "@/app/api/_lib/request-params";
import { answer, json } from "@/app/api/_lib/responses";
import { parseEntitySearch, searchEntities } from "@/lib/data/entities";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return answer(async () => {
    const url = new URL(request.url);
    const query = parseEntitySearch(searchParamsOf(url));
    const result = await searchEntities({ ...query, size: parseApiPageSize(url.searchParams.get("size")) });
    return json({
      data: result.rows.map((row) => ({
        id: row.id,
        slug: row.slug,
        name: row.name,
        kind: row.kind,
        country: row.country,
        aliases: row.aliases.map(({ alias }) => alias),
        parent: row.parent?.slug ?? null,
        claimCount: row.claims,
      })),
      page: result.page,
      size: result.size,
      total: result.total,
      pageCount: result.pageCount,
    });
  });
}
