"use client";

// Search, a menu for each filter of the registry (lib/validations/claims.ts CLAIMS_FILTERS) with the facets' counts,
// and the active filters as chips. It sits outside the table's keyed Suspense boundary on purpose: a new query
// re-renders it instead of remounting it, so the search box keeps focus and half-typed text, and an open filter menu
// stays open while ticks are added.
import { use, type ReactNode } from "react";
import { DataTableFacetedFilter } from "@/components/data-table/data-table-faceted-filter";
import {
  DataTableFilterChips,
  type DataTableFilterChip,
} from "@/components/data-table/data-table-filter-chips";
import type { DataTableOption } from "@/components/data-table/data-table-option-list";
import { DataTableSearch } from "@/components/data-table/data-table-search";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { DataTableTypeaheadFilter } from "@/components/data-table/data-table-typeahead-filter";
import type { ClaimFacets } from "@/lib/queries/claims-sql";
import {
  CLAIMS_FILTERS,
  CLAIMS_FILTER_KEYS,
  filterValues,
  hasFilters,
  withFilterValues,
  type ClaimsFilterKey,
} from "@/lib/validations/claims";
import { normalizeSearch, useClaimsQuery, withSearch, withoutFilters } from "./claims-query-context";
import { entityKindLabel } from "./claims-table-columns";

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
  const setValues = (key: ClaimsFilterKey, values: readonly string[]) =>
    navigate(withFilterValues(query, key, values));
  /** The menu's options: the facet's, when the query offers it; the filter's own options otherwise. */
  const optionsOf = (key: ClaimsFilterKey): DataTableOption[] =>
    facets.options[key] ?? [...(CLAIMS_FILTERS[key].options ?? [])];
  const labelOf = (key: ClaimsFilterKey, value: string) =>
    optionsOf(key).find((option) => option.value === value)?.label ??
    CLAIMS_FILTERS[key].chip?.(value) ??
    value;
  // A menu shows when the query offers it (sections once a document is chosen), or when its filter is set, so that
  // what is chosen can be seen and changed.
  const menus = CLAIMS_FILTER_KEYS.filter(
    (key) => CLAIMS_FILTERS[key].menu && (facets.options[key] || filterValues(query, key).length),
  );

  const chips: DataTableFilterChip[] = [
    ...(query.q
      ? [{ key: "q", name: "Search", value: `“${query.q}”`, onRemove: () => navigate(withSearch(query, "")) }]
      : []),
    ...CLAIMS_FILTER_KEYS.flatMap((key) => {
      const values = filterValues(query, key);
      return values.map((value) => ({
        key: `${key}:${value}`,
        name: CLAIMS_FILTERS[key].label,
        value: labelOf(key, value),
        onRemove: () =>
          setValues(
            key,
            values.filter((v) => v !== value),
          ),
      }));
    }),
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
      filters={menus.map((key) => {
        const { label, menu } = CLAIMS_FILTERS[key];
        const values = filterValues(query, key);
        if (menu === "typeahead") {
          return (
            <DataTableTypeaheadFilter
              key={key}
              title={label}
              placeholder="Name or alias, e.g. 华为"
              selected={values.map(
                (value) => optionsOf(key).find((option) => option.value === value) ?? { value, label: value },
              )}
              suggestions={optionsOf(key)}
              suggestionsLabel="Most named in these results"
              load={loadEntities}
              onChange={(next) => setValues(key, next)}
            />
          );
        }
        return (
          <DataTableFacetedFilter
            key={key}
            title={label}
            options={optionsOf(key)}
            selected={values}
            multiple={menu === "multiSelect"}
            onChange={(next) => setValues(key, next)}
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
