// The one kit for reading values out of URLs (query strings and path segments): the claims table's parser, the other
// lists', the audit log's and the API's use these. Malformed values become null or the default instead of failing, so
// a hand-edited or truncated link still opens a page.

export type SearchParams = Record<string, string | string[] | undefined>;
export type SearchParamsInput = URLSearchParams | SearchParams;

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
/** The most rows one read returns, whatever a caller asks for. */
export const MAX_PAGE_SIZE = 100;
export const MAX_QUERY_LENGTH = 200;
/** Every table keys on a PostgreSQL int4 serial: a larger id or page names nothing and would fail as a parameter. */
export const MAX_INT4 = 2_147_483_647;

/** Every value of `key`, whether repeated or given once. */
export function paramValues(input: SearchParamsInput, key: string): string[] {
  return input instanceof URLSearchParams ? input.getAll(key) : [input[key] ?? []].flat();
}

export function firstParam(input: SearchParamsInput, key: string): string | undefined {
  return paramValues(input, key)[0];
}

/** A positive whole number that fits an int4 column, or null ("abc", "0", "-1", "1e3", "99999999999"). */
export function positiveInt(value: string | undefined): number | null {
  if (!value || !/^\d{1,10}$/.test(value)) return null;
  const number = Number(value);
  return number >= 1 && number <= MAX_INT4 ? number : null;
}

export function parsePage(value: string | undefined): number {
  return positiveInt(value) ?? 1;
}

export function parsePageSize(value: string | undefined): number {
  return PAGE_SIZES.find((size) => String(size) === value) ?? DEFAULT_PAGE_SIZE;
}

export function parseOption<T extends string>(allowed: readonly T[], value: string | undefined): T | null {
  return allowed.find((candidate) => candidate === value) ?? null;
}

/** A real calendar day as YYYY-MM-DD: Date rolls 2026-02-31 over into March, so a day must read back the same. */
export function calendarDay(value: string | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : null;
}

/**
 * Control characters never belong in a search; runs of spaces collapse so "  huawei " finds Huawei. Cut by code point
 * and trimmed after the cut, so that a cut search reads back unchanged (half a surrogate pair would not).
 */
export function cleanQuery(value: string | undefined): string {
  const collapsed = (value ?? "")
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return Array.from(collapsed).slice(0, MAX_QUERY_LENGTH).join("").trimEnd();
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
