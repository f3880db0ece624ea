import type { Metadata } from "next";
import { Suspense } from "react";
import { DataTableSearchField, DataTableSearchForm } from "@/components/data-table/data-table-search-form";
import { PageHeader } from "@/components/shell/page-header";
import { Field, Select } from "@/components/ui/field";
import { awaitedLater } from "@/lib/data/awaited-later";
import { DEFAULT_PAGE_SIZE, type SearchParams } from "@/lib/data/list-params";
import { getSources, parseSourceSearch } from "@/lib/data/sources";
import { SOURCE_KIND_OPTIONS } from "@/lib/domain/options";
import { SourceTable, SourceTableSkeleton } from "./_components/source-table";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = parseSourceSearch(await searchParams);
  const results = awaitedLater(getSources(query));

  return (
    <>
      <PageHeader title="Sources">
        The reports, articles, indexes and statements that claims cite, with how reliable reviewers judge
        them.
      </PageHeader>
      <DataTableSearchForm
        action="/sources"
        label="Sources"
        filtered={query.q !== "" || query.kind !== null}
        keep={{ size: query.size === DEFAULT_PAGE_SIZE ? null : query.size }}
        className="mb-6 flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end"
      >
        <DataTableSearchField
          id="sources-q"
          label="Title or publisher"
          value={query.q}
          placeholder="AI Index, RAND…"
        />
        <Field id="sources-kind" label="Kind" className="sm:w-52">
          {(described) => (
            <Select id="sources-kind" name="kind" defaultValue={query.kind ?? ""} {...described}>
              <option value="">All kinds</option>
              {SOURCE_KIND_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </DataTableSearchForm>
      {/* Keyed by the query, so a new search shows the skeleton instead of the previous results. */}
      <Suspense key={JSON.stringify(query)} fallback={<SourceTableSkeleton />}>
        <SourceTable results={results} query={query} />
      </Suspense>
    </>
  );
}
