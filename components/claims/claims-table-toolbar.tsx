"use client";

// Search, the filter menus the columns declare, and the active filters as chips. It sits outside the table's
// keyed Suspense boundary on purpose: a new query re-renders it instead of remounting it, so the search box
// keeps focus and half-typed text, and an open filter menu stays open while ticks are added.
import { use, useMemo, type ReactNode } from "react";
import { DataTableFacetedFilter } from "@/components/data-table/data-table-faceted-filter";
import {
  DataTableFilterChips,
  type DataTableFilterChip,
} from "@/components/data-table/data-table-filter-chips";
import type { DataTableOption } from "@/components/data-table/data-table-option-list";
import { DataTableSearch } from "@/components/data-table/data-table-search";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { DataTableTypeaheadFilter } from "@/components/data-table/data-table-typeahead-filter";
import type { ClaimFacets } from "@/lib/data/claims";
import { formatDate } from "@/lib/format";
import { hasFilters, parseClaimsQuery, type ClaimsQuery } from "@/lib/validations/claims";
import {
  normalizeSearch,
  useClaimsQuery,
  withFilters,
  withSearch,
  withoutFilters,
} from "./claims-query-context";
import { entityKindLabel, getClaimsTableColumns, type ClaimsFilter } from "./claims-table-columns";

type FilterKey = ClaimsFilter["key"];

/** The URL parameter behind each filter; values go through the shared parser, which drops anything invalid. */
const PARAM: Record<FilterKey, string> = {
  kinds: "kind",
  sectors: "sector",
  entities: "entity",
  statuses: "status",
  verdicts: "verdict",
  documentId: "document",
  sectionIds: "section",
  citationMissing: "citation_missing",
  hasSources: "has_sources",
  hasQuantities: "has_quantities",
  assignees: "assignee",
};

function copyField<K extends keyof ClaimsQuery>(target: ClaimsQuery, source: ClaimsQuery, key: K) {
  target[key] = source[key];
}

function filterValues(query: ClaimsQuery, key: FilterKey): string[] {
  const value = query[key];
  if (value === null) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

function withFilterValues(query: ClaimsQuery, key: FilterKey, values: readonly string[]): ClaimsQuery {
  const parsed = parseClaimsQuery(new URLSearchParams(values.length ? [[PARAM[key], values.join(",")]] : []));
  const next = withFilters(query, {});
  copyField(next, parsed, key);
  // Sections belong to one document: choosing another (or none) makes the chosen sections meaningless.
  if (key === "documentId") next.sectionIds = [];
  return next;
}

export function ClaimsTableToolbar({
  facets: facetsPromise,
  views,
}: {
  facets: Promise<ClaimFacets>;
  /** The saved-views menu, for those who may save views. */
  views?: ReactNode;
}) {
  const facets = use(facetsPromise);
  const { query, pending, navigate } = useClaimsQuery();
  const sectionFilter = query.documentId !== null || query.sectionIds.length > 0;
  const columns = useMemo(() => getClaimsTableColumns(facets, { sectionFilter }), [facets, sectionFilter]);
  const declared = columns.flatMap((column) => column.meta?.filters ?? []);
  // Facets first, in column order; the yes/no flags after them.
  const filters = [
    ...declared.filter((filter) => !("flag" in filter && filter.flag)),
    ...declared.filter((filter) => "flag" in filter && filter.flag),
  ];

  const setValues = (key: FilterKey, values: readonly string[]) =>
    navigate(withFilterValues(query, key, values));

  const chips: DataTableFilterChip[] = [
    ...(query.q
      ? [{ key: "q", name: "Search", value: `“${query.q}”`, onRemove: () => navigate(withSearch(query, "")) }]
      : []),
    ...filters.flatMap((filter) => {
      const values = filterValues(query, filter.key);
      return values.map((value) => ({
        key: `${filter.key}:${value}`,
        name: filter.title,
        value: filter.options.find((option) => option.value === value)?.label ?? value,
        onRemove: () =>
          setValues(
            filter.key,
            values.filter((v) => v !== value),
          ),
      }));
    }),
    // No menu sets it: it arrives from the Overview's review timeline, and the chip is the way to drop it.
    ...(query.updatedWeek
      ? [
          {
            key: "updatedWeek",
            name: "Last changed",
            value: `week of ${formatDate(new Date(`${query.updatedWeek}T00:00:00Z`))}`,
            onRemove: () => navigate(withFilters(query, { updatedWeek: null })),
          },
        ]
      : []),
  ];

  return (
    <DataTableToolbar
      search={
        <DataTableSearch
          label="Search claims"
          placeholder="Search claims, entities, 华为…"
          value={query.q}
          normalize={normalizeSearch}
          pending={pending}
          onSearch={(q) =>
            // Refining a search replaces the history entry; starting or clearing one is a step Back undoes.
            navigate(withSearch(query, q), { history: query.q && q ? "replace" : "push" })
          }
        />
      }
      filters={filters.map((filter) => {
        const values = filterValues(query, filter.key);
        if (filter.variant === "typeahead") {
          return (
            <DataTableTypeaheadFilter
              key={filter.key}
              title={filter.title}
              placeholder="Name or alias, e.g. 华为"
              selected={values.map(
                (value) => filter.options.find((option) => option.value === value) ?? { value, label: value },
              )}
              suggestions={filter.options}
              suggestionsLabel="Most named in these results"
              load={loadEntities}
              onChange={(next) => setValues(filter.key, next)}
            />
          );
        }
        return (
          <DataTableFacetedFilter
            key={filter.key}
            title={filter.title}
            options={filter.options}
            selected={values}
            multiple={filter.variant === "multiSelect"}
            onChange={(next) => setValues(filter.key, next)}
          />
        );
      })}
      end={views}
      below={
        hasFilters(query) ? (
          <DataTableFilterChips chips={chips} onReset={() => navigate(withoutFilters(query))} />
        ) : null
      }
    />
  );
}

interface EntitySearchResult {
  slug: string;
  name: string;
  kind: string;
  aliases: string[];
  claimCount: number;
}

function isEntitySearchResult(value: unknown): value is EntitySearchResult {
  if (typeof value !== "object" || value === null) return false;
  const entity = value as Record<string, unknown>;
  return (
    typeof entity.slug === "string" &&
    typeof entity.name === "string" &&
    typeof entity.kind === "string" &&
    Array.isArray(entity.aliases) &&
    entity.aliases.every((alias) => typeof alias === "string") &&
    typeof entity.claimCount === "number"
  );
}

/** Names and aliases, Chinese included, through the entities API that the Entities page uses too. */
async function loadEntities(text: string, signal: AbortSignal): Promise<DataTableOption[]> {
  const response = await fetch(`/api/entities?${new URLSearchParams({ q: text, size: "8" })}`, { signal });
  if (!response.ok) throw new Error(`GET /api/entities answered ${response.status}`);
  const body: unknown = await response.json();
  const data = typeof body === "object" && body !== null && "data" in body ? body.data : null;
  if (!Array.isArray(data)) throw new Error("GET /api/entities answered without a data list");
  const needle = text.toLocaleLowerCase();
  return data.filter(isEntitySearchResult).map((entity) => {
    // Say which alias matched when the name itself does not show why the entity was found (华为 → Huawei).
    const alias = entity.name.toLocaleLowerCase().includes(needle)
      ? undefined
      : entity.aliases.find((a) => a.toLocaleLowerCase().includes(needle));
    return {
      value: entity.slug,
      label: entity.name,
      description: [entityKindLabel(entity.kind), alias].filter(Boolean).join(" · "),
      count: entity.claimCount,
    };
  });
}
