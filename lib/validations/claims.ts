// The claims table's state as it lives in the URL: one parser for the page, the client table, the export and the
// JSON API. Malformed or unknown values fall back to defaults instead of failing: a shared link never breaks.

import { ClaimKind, ReviewStatus, Verdict } from "@/lib/generated/prisma/enums.ts";

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
/** Sorting runs in the database, so only columns with an index or a cheap key are offered. */
export const SORT_COLUMNS = ["relevance", "position", "kind", "status", "verdict", "updated"] as const;
export const MAX_QUERY_LENGTH = 200;
/** More values than any real filter needs; beyond it, a URL is hostile or broken. */
const MAX_VALUES = 50;

export type SortColumn = (typeof SORT_COLUMNS)[number];
export type YesNo = "yes" | "no";
/** "none" selects claims that have no verdict yet. */
export type VerdictFilter = Verdict | "none";
/** "me" is whoever opens the link (see forViewer), "none" the unassigned claims, a number a user's id. */
export type AssigneeFilter = "me" | "none" | number;

export interface ClaimsQuery {
  q: string;
  sectors: string[];
  entities: string[];
  kinds: ClaimKind[];
  documentId: number | null;
  sectionIds: number[];
  statuses: ReviewStatus[];
  verdicts: VerdictFilter[];
  assignees: AssigneeFilter[];
  citationMissing: YesNo | null;
  hasSources: YesNo | null;
  hasQuantities: YesNo | null;
  /** Monday (UTC, YYYY-MM-DD) of the week the claim last changed in: the Overview's review timeline links here. */
  updatedWeek: string | null;
  sort: SortColumn;
  dir: "asc" | "desc";
  page: number;
  size: number;
  /**
   * Who the claims are read for, set by forViewer and never from the URL: null until a page or route says who is
   * signed in. An assignee filter needs someone (see claims-sql.ts), so forgetting to say shows no assignments.
   */
  viewerId: number | null;
}

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_INT = 2_147_483_647;

function valuesOf(input: SearchParamsInput, key: string): string[] {
  const raw = input instanceof URLSearchParams ? input.getAll(key) : [input[key] ?? []].flat();
  // "a,b" and repeated keys both work: links stay short, forms stay simple.
  return raw
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter(Boolean);
}

function first(input: SearchParamsInput, key: string): string | undefined {
  return valuesOf(input, key)[0];
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)].slice(0, MAX_VALUES);
}

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

function positiveInt(value: string | undefined): number | null {
  if (!value || !/^\d{1,10}$/.test(value)) return null;
  const number = Number(value);
  return number >= 1 && number <= MAX_INT ? number : null;
}

/** Any valid date, as the Monday (UTC) of its week, so that every day of a week links to the same URL. */
function weekStart(value: string | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  // Date rolls 2026-02-31 over into March; a date that does not read back the same was not a real day.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return null;
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** Control characters never belong in a search, and would only confuse highlighting. */
function cleanQuery(value: string | undefined): string {
  return (value ?? "")
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
}

export function parseClaimsQuery(input: SearchParamsInput): ClaimsQuery {
  const q = cleanQuery(valuesOf(input, "q").join(" "));
  const kinds = Object.values(ClaimKind);
  const statuses = Object.values(ReviewStatus);
  const verdicts: VerdictFilter[] = [...Object.values(Verdict), "none"];
  const yesNo = (key: string) => oneOf(["yes", "no"] as const, first(input, key)) ?? null;
  const sortValue = oneOf(SORT_COLUMNS, first(input, "sort"));
  // Relevance means nothing without a search; document order is what a reader expects then.
  const sort = sortValue && !(sortValue === "relevance" && !q) ? sortValue : q ? "relevance" : "position";
  const size = Number(first(input, "size"));
  return {
    q,
    sectors: unique(valuesOf(input, "sector").filter((v) => SLUG.test(v))),
    entities: unique(valuesOf(input, "entity").filter((v) => SLUG.test(v))),
    kinds: unique(valuesOf(input, "kind").flatMap((v) => oneOf(kinds, v.toUpperCase()) ?? [])),
    documentId: positiveInt(first(input, "document")),
    sectionIds: unique(valuesOf(input, "section").flatMap((v) => positiveInt(v) ?? [])),
    statuses: unique(valuesOf(input, "status").flatMap((v) => oneOf(statuses, v.toUpperCase()) ?? [])),
    verdicts: unique(
      valuesOf(input, "verdict").flatMap((v) => oneOf(verdicts, v === "none" ? v : v.toUpperCase()) ?? []),
    ),
    assignees: unique(
      valuesOf(input, "assignee").flatMap((v): AssigneeFilter[] => {
        if (v === "me" || v === "none") return [v];
        const id = positiveInt(v);
        return id === null ? [] : [id];
      }),
    ),
    citationMissing: yesNo("citation_missing"),
    hasSources: yesNo("has_sources"),
    hasQuantities: yesNo("has_quantities"),
    updatedWeek: weekStart(first(input, "updated_week")),
    sort,
    dir:
      oneOf(["asc", "desc"] as const, first(input, "dir")) ??
      (sort === "updated" || sort === "relevance" ? "desc" : "asc"),
    page: positiveInt(first(input, "page")) ?? 1,
    size: PAGE_SIZES.find((allowed) => allowed === size) ?? DEFAULT_PAGE_SIZE,
    viewerId: null,
  };
}

export const DEFAULT_CLAIMS_QUERY: ClaimsQuery = parseClaimsQuery(new URLSearchParams());

/** The URL form of a query, leaving out defaults so links stay short and stable. */
export function serializeClaimsQuery(query: ClaimsQuery): URLSearchParams {
  const params = new URLSearchParams();
  const list = (key: string, values: (string | number)[]) => {
    if (values.length) params.set(key, values.join(","));
  };
  if (query.q) params.set("q", query.q);
  list("sector", query.sectors);
  list("entity", query.entities);
  list("kind", query.kinds);
  if (query.documentId) params.set("document", String(query.documentId));
  list("section", query.sectionIds);
  list("status", query.statuses);
  list("verdict", query.verdicts);
  list("assignee", query.assignees);
  if (query.citationMissing) params.set("citation_missing", query.citationMissing);
  if (query.hasSources) params.set("has_sources", query.hasSources);
  if (query.hasQuantities) params.set("has_quantities", query.hasQuantities);
  if (query.updatedWeek) params.set("updated_week", query.updatedWeek);
  const defaults = parseClaimsQuery(query.q ? new URLSearchParams({ q: query.q }) : new URLSearchParams());
  if (query.sort !== defaults.sort || query.dir !== defaults.dir) {
    params.set("sort", query.sort);
    params.set("dir", query.dir);
  }
  if (query.page !== 1) params.set("page", String(query.page));
  if (query.size !== DEFAULT_PAGE_SIZE) params.set("size", String(query.size));
  return params;
}

/** True when any filter or search narrows the table: the "reset filters" button shows then. */
export function hasFilters(query: ClaimsQuery): boolean {
  return (
    Boolean(query.q) ||
    [
      query.sectors,
      query.entities,
      query.kinds,
      query.sectionIds,
      query.statuses,
      query.verdicts,
      query.assignees,
    ].some((v) => v.length > 0) ||
    query.documentId !== null ||
    query.citationMissing !== null ||
    query.hasSources !== null ||
    query.hasQuantities !== null ||
    query.updatedWeek !== null
  );
}

/**
 * The query as the database reads it for one viewer: "me" is them, so a shared "my claims" link shows each person
 * their own. Signed out (null), an assignee filter matches no claim, whatever it names.
 */
export function forViewer(query: ClaimsQuery, viewerId: number | null): ClaimsQuery {
  return { ...query, viewerId };
}
