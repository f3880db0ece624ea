// GET /api/entities?q=&kind=&page=&size=: entities by name or alias (Chinese too), forgiving typos. The claims
// table's entity typeahead calls it with size=8.
import { parseApiPageSize, searchParamsOf } from "@/app/api/_lib/request-params";
import { answer, json } from "@/app/api/_lib/responses";
import { parseEntitySearch, searchEntities, type EntityRow } from "@/lib/data/entities";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return answer(async () => {
    const url = new URL(request.url);
    const query = parseEntitySearch(searchParamsOf(url));
    const result = await searchEntities({ ...query, size: parseApiPageSize(url.searchParams.get("size")) });
    const parents = await parentSlugs(result.rows);
    return json({
      data: result.rows.map((row) => ({
        id: row.id,
        slug: row.slug,
        name: row.name,
        kind: row.kind,
        country: row.country,
        aliases: row.aliases.map(({ alias }) => alias),
        parent: row.parent ? (parents.get(row.parent.id) ?? null) : null,
        claimCount: row.claims,
      })),
      page: result.page,
      size: result.size,
      total: result.total,
      pageCount: result.pageCount,
    });
  });
}

/** searchEntities names a parent without its slug, which API clients filter claims by; one lookup per page. */
async function parentSlugs(rows: EntityRow[]): Promise<Map<number, string>> {
  const ids = [...new Set(rows.flatMap((row) => (row.parent ? [row.parent.id] : [])))];
  if (!ids.length) return new Map();
  const parents = await getDb().entity.findMany({
    where: { id: { in: ids } },
    select: { id: true, slug: true },
  });
  return new Map(parents.map((parent) => [parent.id, parent.slug]));
}
