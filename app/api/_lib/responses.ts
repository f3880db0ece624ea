// Answers of the read-only JSON API and the export: never cached, errors as `{ error }` with a fitting status.
import type { SearchParams } from "@/lib/data/list-params";

/** Claims change under review; a stale copy in a browser or proxy would show a verdict that no longer holds. */
export const NO_STORE = { "Cache-Control": "no-store" } as const;

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export function jsonError(status: number, message: string): Response {
  return json({ error: message }, status);
}

/** Runs a handler so that a failed read answers JSON like every other error, not Next's HTML error page. */
export async function answer(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    console.error(error);
    return jsonError(500, "The request failed on the server. Try again; if it keeps failing, report it.");
  }
}

/** The query string in the shape the list pages receive it, every value of a repeated key kept. */
export function searchParamsOf(url: URL): SearchParams {
  return Object.fromEntries(
    [...new Set(url.searchParams.keys())].map((key) => [key, url.searchParams.getAll(key)]),
  );
}

/** `?size=` of the entity and source lists: any whole number from 1 to 100 (the typeahead asks for 8). */
export function parseApiPageSize(value: string | null): number | undefined {
  if (!value || !/^\d{1,3}$/.test(value)) return undefined;
  const size = Number(value);
  return size >= 1 && size <= 100 ? size : undefined;
}
