import type { Metadata } from "next";
import { Suspense } from "react";
import { ListSearchForm } from "@/app/(dashboard)/_components/list-search-form";
import { PageHeader } from "@/components/shell/page-header";
import { awaitedLater } from "@/lib/data/awaited-later";
import { parseEntitySearch, searchEntities } from "@/lib/data/entities";
import { DEFAULT_PAGE_SIZE, type SearchParams } from "@/lib/validations/url-params";
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
      <ListSearchForm
        action="/entities"
        name="Entities"
        q={query.q}
        queryLabel="Name or alias"
        placeholder="Huawei, 华为, DeepSeek…"
        kind={query.kind}
        kindOptions={ENTITY_KIND_OPTIONS}
        kindAll="All kinds"
        keep={{
          size: query.size === DEFAULT_PAGE_SIZE ? null : query.size,
          sort: query.sort,
          dir: query.dir,
        }}
      />
      {/* Keyed by the query, so a new search shows the skeleton instead of the previous results. */}
      <Suspense key={JSON.stringify(query)} fallback={<EntityTableSkeleton />}>
        <EntityTable results={results} query={query} />
      </Suspense>
    </>
  );
}
