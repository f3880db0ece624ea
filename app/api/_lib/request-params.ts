// Query-string parsing the list endpoints add to the pages' parsers.
import { MAX_PAGE_SIZE, type SearchParams } from "@/lib/validations/url-params";

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
  return size >= 1 && size <= MAX_PAGE_SIZE ? size : undefined;
}
