import type { Metadata } from "next";
import { Suspense } from "react";
import { DataTableSearchField, DataTableSearchForm } from "@/components/data-table/data-table-search-form";
import { PageHeader } from "@/components/shell/page-header";
import { Field, Select } from "@/components/ui/field";
import { awaitedLater } from "@/lib/data/awaited-later";
import { parseEntitySearch, searchEntities } from "@/lib/data/entities";
import { DEFAULT_PAGE_SIZE, type SearchParams } from "@/lib/data/list-params";
import { ENTITY_KIND_OPTIONS } from "@/lib/domain/options";
import { EntityTable, EntityTableSkeleton } from "./_components/entity-table";

export const metadata: Metadata = { title: "Entities" };

export default async function EntitiesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = parseEntitySearch(await searchParams);
  const results = awaitedLater(searchEntities(query));

  return (
    <>
      <PageHeader title="Entities">
        Companies, people, models, chips, government bodies and programmes named in the claims, with their
        Chinese names. Search finds a name even when it is misspelt.
      </PageHeader>
      <DataTableSearchForm
        action="/entities"
        label="Entities"
        filtered={query.q !== "" || query.kind !== null}
        keep={{
          size: query.size === DEFAULT_PAGE_SIZE ? null : query.size,
          sort: query.sort,
          dir: query.dir,
        }}
        className="mb-6 flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end"
      >
        <DataTableSearchField
          id="entities-q"
          label="Name or alias"
          value={query.q}
          placeholder="Huawei, 华为, DeepSeek…"
        />
        <Field id="entities-kind" label="Kind" className="sm:w-52">
          {(described) => (
            <Select id="entities-kind" name="kind" defaultValue={query.kind ?? ""} {...described}>
              <option value="">All kinds</option>
              {ENTITY_KIND_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </DataTableSearchForm>
      {/* Keyed by the query, so a new search shows the skeleton instead of the previous results. */}
      <Suspense key={JSON.stringify(query)} fallback={<EntityTableSkeleton />}>
        <EntityTable results={results} query={query} />
      </Suspense>
    </>
  );
}
