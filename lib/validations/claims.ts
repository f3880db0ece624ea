// The claims table's state as it lives in the URL: one parser for the page, the client table, the export and the
// JSON API. Malformed or unknown values fall back to defaults instead of failing: a shared link never breaks.
//
// Every filter is one entry of CLAIMS_FILTERS: its URL parameter, parser (an allow-list), serializer, label, menu and
// chip. The query's fields, parseClaimsQuery, serializeClaimsQuery, hasFilters, the toolbar's menus and its chips are
// derived from it; its SQL (WHERE condition and facet) is the entry of the same name in lib/queries/claims-sql.ts.

import { ClaimKind, ReviewStatus, Verdict } from "@/lib/generated/prisma/enums.ts";
import {
  CLAIM_KIND_OPTIONS,
  NO_VERDICT_LABEL,
  REVIEW_STATUS_OPTIONS,
  VERDICT_OPTIONS,
} from "@/lib/domain/options";
import { formatDate } from "@/lib/format";
import {
  DEFAULT_PAGE_SIZE,
  PAGE_SIZES,
  calendarDay,
  cleanQuery,
  paramValues,
  positiveInt,
  type SearchParamsInput,
} from "./url-params";

/** Sorting runs in the database, so only columns with an index or a cheap key are offered. */
export const SORT_COLUMNS = ["relevance", "position", "kind", "status", "verdict", "updated"] as const;
/** More values than any real filter needs; beyond it, a URL is hostile or broken. */
const MAX_VALUES = 50;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type SortColumn = (typeof SORT_COLUMNS)[number];
export type YesNo = "yes" | "no";
/** "none" selects claims that have no verdict yet. */
export type VerdictFilter = Verdict | "none";
/** "me" is whoever opens the link (see forViewer), "none" the unassigned claims, a number a user's id. */
export type AssigneeFilter = "me" | "none" | number;

export interface FilterOption {
  value: string;
  label: string;
  description?: string;
}

/** One filter of the claims table, `V` its value in the parsed query. */
export interface ClaimsFilterSpec<V> {
  /** The URL parameter; its values may repeat or be joined by commas. */
  param: string;
  /** The menu's title and the chip's name. */
  label: string;
  /** The value from the parameter's values; whatever the allow-list refuses is dropped, none gives the default. */
  parse(values: readonly string[]): V;
  /** The parameter's values; none when the filter is not set. */
  serialize(value: V): string[];
  /** How the toolbar offers it. Without one only links set it (the Overview's timeline), and its chip drops it. */
  menu?: "multiSelect" | "singleSelect" | "typeahead";
  /** Options known without the database (enum values, yes/no), in menu order; the facet adds their counts. */
  options?: readonly FilterOption[];
  /** The chip's text for a value, when no option names it. */
  chip?(value: string): string;
  /** Filters whose values mean nothing once this one changes: sections belong to one document. */
  clears?: readonly string[];
}

function listFilter<T extends string | number>(
  spec: Omit<ClaimsFilterSpec<T[]>, "parse" | "serialize">,
  parseOne: (value: string) => T | null,
): ClaimsFilterSpec<T[]> {
  return {
    ...spec,
    parse: (values) =>
      [...new Set(values.flatMap((value) => parseOne(value) ?? []))].slice(0, MAX_VALUES) as T[],
    serialize: (values) => values.map(String),
  };
}

/** A filter of one value; only the first value given counts. */
function singleFilter<T extends string | number>(
  spec: Omit<ClaimsFilterSpec<T | null>, "parse" | "serialize">,
  parseOne: (value: string) => T | null,
): ClaimsFilterSpec<T | null> {
  return {
    ...spec,
    parse: ([value]) => (value === undefined ? null : parseOne(value)),
    serialize: (value) => (value === null ? [] : [String(value)]),
  };
}

const YES_NO_OPTIONS: FilterOption[] = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

function yesNoFilter(param: string, label: string): ClaimsFilterSpec<YesNo | null> {
  return singleFilter({ param, label, menu: "singleSelect", options: YES_NO_OPTIONS }, (value) =>
    value === "yes" || value === "no" ? value : null,
  );
}

function oneOf<T extends string>(allowed: readonly T[], value: string): T | null {
  return allowed.find((candidate) => candidate === value) ?? null;
}

/** Enum values in any case: `kind=statistic` is what people type. */
const anyCase =
  <T extends string>(allowed: readonly T[]) =>
  (value: string) =>
    oneOf(allowed, value.toUpperCase());

const slug = (value: string) => (SLUG.test(value) ? value : null);

/** Any valid date, as the Monday (UTC) of its week, so that every day of a week links to the same URL. */
function weekStart(value: string): string | null {
  const day = calendarDay(value);
  if (!day) return null;
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** The claims table's filters, in URL and toolbar order. */
export const CLAIMS_FILTERS = {
  sectors: listFilter({ param: "sector", label: "Sector", menu: "multiSelect" }, slug),
  entities: listFilter({ param: "entity", label: "Entity", menu: "typeahead" }, slug),
  kinds: listFilter(
    { param: "kind", label: "Kind", menu: "multiSelect", options: CLAIM_KIND_OPTIONS },
    anyCase(Object.values(ClaimKind)),
  ),
  documentId: singleFilter(
    { param: "document", label: "Document", menu: "singleSelect", clears: ["sectionIds"] },
    positiveInt,
  ),
  sectionIds: listFilter({ param: "section", label: "Section", menu: "multiSelect" }, positiveInt),
  statuses: listFilter(
    { param: "status", label: "Status", menu: "multiSelect", options: REVIEW_STATUS_OPTIONS },
    anyCase(Object.values(ReviewStatus)),
  ),
  verdicts: listFilter<VerdictFilter>(
    {
      param: "verdict",
      label: "Verdict",
      menu: "multiSelect",
      options: [...VERDICT_OPTIONS, { value: "none", label: NO_VERDICT_LABEL }],
    },
    (value) => (value === "none" ? value : anyCase(Object.values(Verdict))(value)),
  ),
  assignees: listFilter<AssigneeFilter>(
    {
      param: "assignee",
      label: "Assignee",
      menu: "multiSelect",
      options: [
        { value: "me", label: "Me" },
        { value: "none", label: "Unassigned" },
      ],
    },
    (value) => (value === "me" || value === "none" ? value : positiveInt(value)),
  ),
  citationMissing: yesNoFilter("citation_missing", "Citation missing"),
  hasSources: yesNoFilter("has_sources", "Has sources"),
  hasQuantities: yesNoFilter("has_quantities", "Has quantities"),
  hasNotes: yesNoFilter("has_notes", "Has notes"),
  /** Monday (UTC, YYYY-MM-DD) of the week the claim last changed in: the Overview's review timeline links here. */
  updatedWeek: singleFilter(
    {
      param: "updated_week",
      label: "Last changed",
      chip: (week) => `week of ${formatDate(new Date(`${week}T00:00:00Z`))}`,
    },
    weekStart,
  ),
};

export type ClaimsFilterKey = keyof typeof CLAIMS_FILTERS;
export const CLAIMS_FILTER_KEYS = Object.keys(CLAIMS_FILTERS) as ClaimsFilterKey[];

type ValueOf<Spec> = Spec extends ClaimsFilterSpec<infer V> ? V : never;
/** Each filter's value in the parsed query, as its entry's parser returns it. */
export type ClaimsFilters = { [K in ClaimsFilterKey]: ValueOf<(typeof CLAIMS_FILTERS)[K]> };

export interface ClaimsQuery extends ClaimsFilters {
  q: string;
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

/** The entry of `key`, typed by its own field (TypeScript cannot follow that through a key it only knows as a union). */
function specOf<K extends ClaimsFilterKey>(key: K): ClaimsFilterSpec<ClaimsFilters[K]> {
  return CLAIMS_FILTERS[key] as unknown as ClaimsFilterSpec<ClaimsFilters[K]>;
}

/** The filter's values as the URL writes them (enum values, slugs, ids, yes/no); none when it is not set. */
export function filterValues(query: ClaimsFilters, key: ClaimsFilterKey): string[] {
  return specOf(key).serialize(query[key]);
}

export function isFilterSet(query: ClaimsFilters, key: ClaimsFilterKey): boolean {
  return filterValues(query, key).length > 0;
}

/** Every value of the parameter: "a,b" and repeated keys both work, so links stay short and forms stay simple. */
function listParam(input: SearchParamsInput, key: string): string[] {
  return paramValues(input, key)
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter(Boolean);
}

function parseFilters(values: (param: string) => readonly string[]): ClaimsFilters {
  // Each entry parses its own field; fromEntries cannot say which key got which type.
  return Object.fromEntries(
    CLAIMS_FILTER_KEYS.map((key) => [key, CLAIMS_FILTERS[key].parse(values(CLAIMS_FILTERS[key].param))]),
  ) as ClaimsFilters;
}

export function parseClaimsQuery(input: SearchParamsInput): ClaimsQuery {
  const q = cleanQuery(listParam(input, "q").join(" "));
  const [sortValue] = listParam(input, "sort").flatMap((value) => oneOf(SORT_COLUMNS, value) ?? []);
  // Relevance means nothing without a search; document order is what a reader expects then.
  const sort = sortValue && !(sortValue === "relevance" && !q) ? sortValue : q ? "relevance" : "position";
  const [dir] = listParam(input, "dir");
  const [size] = listParam(input, "size");
  const [page] = listParam(input, "page");
  return {
    q,
    ...parseFilters((param) => listParam(input, param)),
    sort,
    dir: dir === "asc" || dir === "desc" ? dir : sort === "updated" || sort === "relevance" ? "desc" : "asc",
    page: positiveInt(page) ?? 1,
    size: PAGE_SIZES.find((allowed) => String(allowed) === size) ?? DEFAULT_PAGE_SIZE,
    viewerId: null,
  };
}

export const DEFAULT_CLAIMS_QUERY: ClaimsQuery = parseClaimsQuery(new URLSearchParams());

/** The URL form of a query, leaving out defaults so links stay short and stable. */
export function serializeClaimsQuery(query: ClaimsQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  for (const key of CLAIMS_FILTER_KEYS) {
    const values = filterValues(query, key);
    if (values.length) params.set(CLAIMS_FILTERS[key].param, values.join(","));
  }
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
  return Boolean(query.q) || CLAIMS_FILTER_KEYS.some((key) => isFilterSet(query, key));
}

/**
 * The query with one filter set to `values` (URL values, through its entry's allow-list), and the filters that
 * depend on it cleared. A narrower or wider filter changes which rows exist, so the reader starts again on page 1.
 */
export function withFilterValues(
  query: ClaimsQuery,
  key: ClaimsFilterKey,
  values: readonly string[],
): ClaimsQuery {
  const next = { ...query, page: 1 };
  setFilter(next, key, values);
  for (const other of CLAIMS_FILTER_KEYS) {
    if (CLAIMS_FILTERS[key].clears?.includes(other)) setFilter(next, other, []);
  }
  return next;
}

function setFilter<K extends ClaimsFilterKey>(query: ClaimsFilters, key: K, values: readonly string[]) {
  query[key] = specOf(key).parse(values);
}

/**
 * The query as the database reads it for one viewer: "me" is them, so a shared "my claims" link shows each person
 * their own. Signed out (null), an assignee filter matches no claim, whatever it names.
 */
export function forViewer(query: ClaimsQuery, viewerId: number | null): ClaimsQuery {
  return { ...query, viewerId };
}
