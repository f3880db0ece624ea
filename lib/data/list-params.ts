// Paging and search values of the entity and source lists as they arrive in the URL. Malformed values fall back to
// defaults instead of failing, so a hand-edited or truncated link still opens a page.

export type SearchParams = Record<string, string | string[] | undefined>;

export type Paged<T> = {
  rows: T[];
  total: number;
  pageCount: number;
  /** The page these rows are from; may be past the last page, with no rows. */
  page: number;
  size: number;
};

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
/** The most rows one read returns, whatever a caller asks for. */
export const MAX_PAGE_SIZE = 100;
export const MAX_QUERY_LENGTH = 200;
const MAX_INT4 = 2_147_483_647;

export function firstParam(params: SearchParams, key: string): string | undefined {
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

export function parsePage(value: string | undefined): number {
  if (!value || !/^\d{1,10}$/.test(value)) return 1;
  const page = Number(value);
  return page >= 1 && page <= MAX_INT4 ? page : 1;
}

export function parsePageSize(value: string | undefined): number {
  return PAGE_SIZES.find((size) => String(size) === value) ?? DEFAULT_PAGE_SIZE;
}

export function parseOption<T extends string>(allowed: readonly T[], value: string | undefined): T | null {
  return allowed.find((candidate) => candidate === value) ?? null;
}

/** The search, kind filter and page every list URL carries; a list adds its own parameters (sort) to these. */
export function parseListSearch<K extends string>(
  params: SearchParams,
  kinds: readonly K[],
): { q: string; kind: K | null; page: number; size: number } {
  return {
    q: cleanQuery(firstParam(params, "q")),
    kind: parseOption(kinds, firstParam(params, "kind")),
    page: parsePage(firstParam(params, "page")),
    size: parsePageSize(firstParam(params, "size")),
  };
}

/** Control characters never belong in a search; runs of spaces collapse so "  huawei " finds Huawei. */
export function cleanQuery(value: string | undefined): string {
  return (value ?? "")
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
}

/** Bounds for callers that pass numbers directly (the JSON API, a typeahead): a whole page, 1 to 100 rows. */
export function pageWindow(
  page: number | undefined,
  size: number | undefined,
): { page: number; size: number } {
  return {
    page: clampInteger(page, 1, MAX_INT4, 1),
    size: clampInteger(size, 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
  };
}

function clampInteger(value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(Math.max(Math.floor(value), min), max);
}

/** One page of a list read, with the count of pages it is one of. */
export function pagedOf<T>(
  rows: T[],
  total: number,
  { page, size }: { page: number; size: number },
): Paged<T> {
  return { rows, total, pageCount: Math.ceil(total / size), page, size };
}
