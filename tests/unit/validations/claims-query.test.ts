import { describe, expect, it } from "vitest";
import { createRandom, type Random } from "@/scripts/bench/prng";
import {
  CLAIMS_FILTERS,
  CLAIMS_FILTER_KEYS,
  DEFAULT_CLAIMS_QUERY,
  SORT_COLUMNS,
  filterValues,
  hasFilters,
  parseClaimsQuery,
  serializeClaimsQuery,
  withFilterValues,
  type ClaimsQuery,
} from "@/lib/validations/claims";
import { MAX_QUERY_LENGTH } from "@/lib/validations/url-params";

const parse = (params: Record<string, string> | [string, string][]) =>
  parseClaimsQuery(new URLSearchParams(params));
const roundTrip = (query: ClaimsQuery) => parseClaimsQuery(serializeClaimsQuery(query));

/** Values a URL may carry for a parameter: some allowed, some near misses, some hostile. */
const VALUES: Record<string, readonly string[]> = {
  sector: ["healthcare", "hardware-chips", "a", "x-1", "Bad Slug!", "-lead", "trail-", "a--b", "ÄÖ", ""],
  entity: ["huawei", "ascend-910b", "kai-fu-lee", "HUAWEI", "huawei'--", "e1", "../etc", " huawei "],
  kind: ["statistic", "STATISTIC", "Event", "forecast", "NOPE", "quote;", ""],
  document: ["1", "7", "0", "-1", "1e3", "1.5", "2147483647", "2147483648", "99999999999", "abc"],
  section: ["1", "12", "0", "-4", "007", "2147483647", "3,4", "x"],
  status: ["unreviewed", "IN_REVIEW", "reviewed", "DONE", ""],
  verdict: ["none", "NONE", "supported", "MOSTLY_SUPPORTED", "false", "true", "maybe"],
  assignee: ["me", "none", "ME", "7", "0", "-3", "abc", "2147483648"],
  citation_missing: ["yes", "no", "YES", "maybe", "1"],
  has_sources: ["yes", "no", "true"],
  has_quantities: ["yes", "no", ""],
  has_notes: ["yes", "no", "y"],
  updated_week: [
    "2026-11-04",
    "2026-11-02",
    "2024-02-29",
    "2026-02-30",
    "2026-13-01",
    "20261104",
    "yesterday",
  ],
  sort: [...SORT_COLUMNS, "text; DROP", "id", ""],
  dir: ["asc", "desc", "ASC", "sideways"],
  page: ["1", "2", "40", "0", "-3", "abc", "2147483647", "2147483648"],
  size: ["10", "25", "50", "100", "9999", "0", "1"],
};

const SEARCH_PIECES = [
  "Huawei",
  "华为",
  "Hauwei",
  "export controls",
  "  spaced   out  ",
  "a,b",
  "100%",
  "C++ & Rust",
  '\'; DROP TABLE "Claim"; --',
  "\u0000\u0007tab\tnew\nline",
  "🚀 emoji",
  "x".repeat(190),
];

/** A random query string: a few parameters, some repeated, values joined by commas or not. */
function randomParams(random: Random): [string, string][] {
  const params: [string, string][] = [];
  if (random.chance(0.4)) params.push(["q", random.pick(SEARCH_PIECES) + random.pick(["", " ", "🚀", "é"])]);
  for (const [key, values] of Object.entries(VALUES)) {
    if (!random.chance(0.35)) continue;
    const count = random.int(1, 3);
    const chosen = Array.from({ length: count }, () => random.pick(values));
    if (random.chance(0.5)) params.push([key, chosen.join(",")]);
    else for (const value of chosen) params.push([key, value]);
  }
  return params;
}

describe("parseClaimsQuery and serializeClaimsQuery", () => {
  it("read back every query they write, for random and edge-case URLs", () => {
    const random = createRandom("claims-query-round-trip");
    for (let run = 0; run < 2_000; run++) {
      const params = randomParams(random);
      const query = parse(params);
      expect(roundTrip(query), new URLSearchParams(params).toString()).toEqual(query);
      // The written form is canonical: writing what was read back gives the same link.
      expect(serializeClaimsQuery(roundTrip(query)).toString()).toBe(serializeClaimsQuery(query).toString());
    }
  });

  it("read back a query with every filter set at once", () => {
    const query = parse({
      q: "Huawei chips",
      sector: "healthcare,hardware-chips",
      entity: "huawei,ascend-910b",
      kind: "STATISTIC,EVENT",
      document: "3",
      section: "4,5",
      status: "IN_REVIEW",
      verdict: "none,SUPPORTED",
      assignee: "me,none,7",
      citation_missing: "yes",
      has_sources: "no",
      has_quantities: "yes",
      has_notes: "no",
      updated_week: "2026-11-04",
      sort: "updated",
      dir: "asc",
      page: "3",
      size: "50",
    });
    for (const key of CLAIMS_FILTER_KEYS) expect(filterValues(query, key), key).not.toEqual([]);
    expect(roundTrip(query)).toEqual(query);
  });

  it("write nothing for the defaults, and each set filter under its own parameter", () => {
    expect(serializeClaimsQuery(DEFAULT_CLAIMS_QUERY).toString()).toBe("");
    expect(hasFilters(DEFAULT_CLAIMS_QUERY)).toBe(false);
    const params = CLAIMS_FILTER_KEYS.map((key) => CLAIMS_FILTERS[key].param);
    expect(new Set(params).size).toBe(params.length);
    for (const key of CLAIMS_FILTER_KEYS) {
      const value = VALUES[CLAIMS_FILTERS[key].param]![0]!;
      const query = parse({ [CLAIMS_FILTERS[key].param]: value });
      expect(hasFilters(query), key).toBe(true);
      expect([...serializeClaimsQuery(query).keys()], key).toEqual([CLAIMS_FILTERS[key].param]);
    }
  });

  it("keeps the link format saved views and shared links already use", () => {
    expect(
      serializeClaimsQuery(
        parse({ has_sources: "no", citation_missing: "yes", sector: "foundation-models", entity: "huawei" }),
      ).toString(),
    ).toBe("sector=foundation-models&entity=huawei&citation_missing=yes&has_sources=no");
    expect(serializeClaimsQuery(parse({ kind: "statistic", sort: "kind" })).toString()).toBe(
      "kind=STATISTIC&sort=kind&dir=asc",
    );
  });
});

describe("parseClaimsQuery with malformed or hostile parameters", () => {
  it("falls back to defaults", () => {
    expect(
      parse({
        page: "-3",
        size: "1000000",
        sort: "text; DROP",
        dir: "sideways",
        kind: "NOPE",
        sector: "Bad Slug!",
        document: "1e9",
        citation_missing: "maybe",
        has_notes: "perhaps",
        updated_week: "2026-02-30",
        assignee: "me'; DROP TABLE x",
      }),
    ).toEqual(DEFAULT_CLAIMS_QUERY);
  });

  it("drops the refused values of a list and keeps the others", () => {
    expect(parse({ assignee: "me,none,7,0,-3,abc,7,'; DROP TABLE x" }).assignees).toEqual(["me", "none", 7]);
    expect(parse({ kind: "statistic,NOPE,Event" }).kinds).toEqual(["STATISTIC", "EVENT"]);
    expect(parse({ verdict: "NONE,none,supported" }).verdicts).toEqual(["none", "SUPPORTED"]);
  });

  it("caps huge values", () => {
    const parsed = parse({
      q: "x".repeat(100_000),
      entity: Array.from({ length: 500 }, (_, i) => `e${i}`).join(","),
    });
    expect(parsed.q).toHaveLength(MAX_QUERY_LENGTH);
    expect(parsed.entities).toHaveLength(50);
  });

  it("never leaves half a character or a trailing space where a long search is cut", () => {
    const emoji = parse({ q: `${"x".repeat(MAX_QUERY_LENGTH - 1)}🚀🚀` }).q;
    expect(Array.from(emoji)).toHaveLength(MAX_QUERY_LENGTH);
    expect(emoji.endsWith("🚀")).toBe(true);
    expect(parse({ q: `${"x".repeat(MAX_QUERY_LENGTH - 1)} tail` }).q).toBe("x".repeat(MAX_QUERY_LENGTH - 1));
  });

  it("reads any day of a week as its Monday", () => {
    expect(parse({ updated_week: "2026-11-08" }).updatedWeek).toBe("2026-11-02");
    expect(parse({ updated_week: "2026-11-02" }).updatedWeek).toBe("2026-11-02");
  });
});

describe("withFilterValues", () => {
  it("sets one filter through its allow-list, starting again on page 1", () => {
    const query = { ...parse({ kind: "EVENT", page: "4" }) };
    const next = withFilterValues(query, "sectors", ["healthcare", "Bad Slug!"]);
    expect(next).toEqual({ ...query, sectors: ["healthcare"], page: 1 });
  });

  it("clears the sections when the document changes, since they belong to it", () => {
    const query = parse({ document: "1", section: "2,3" });
    expect(withFilterValues(query, "documentId", ["4"])).toMatchObject({ documentId: 4, sectionIds: [] });
    expect(withFilterValues(query, "sectionIds", ["5"])).toMatchObject({ documentId: 1, sectionIds: [5] });
  });
});
