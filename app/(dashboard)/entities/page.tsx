import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { parseEntitySearch, searchEntities } from "@/lib/data/entities";
import type { SearchParams } from "@/lib/data/list-params";
import { EntitySearchForm } from "./_components/entity-search-form";
import { EntityTable, EntityTableSkeleton } from "./_components/entity-table";

export const metadata: Metadata = { title: "Entities" };

export default async function EntitiesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = parseEntitySearch(await searchParams);
  const results = searchEntities(query);

  return (
    <>
      <PageHeader title="Entities">
        Companies, people, models, chips, government bodies and programmes named in the claims, with their
        Chinese names. Search finds a name even when it is misspelt.
      </PageHeader>
      <EntitySearchForm query={query} />
      {/* Keyed by the query, so a new search shows the skeleton instead of the previous results. */}
      <Suspense key={JSON.stringify(query)} fallback={<EntityTableSkeleton />}>
        <EntityTable results={results} query={query} />
      </Suspense>
    </>
  );
}
