import type { Metadata } from "next";
import { Suspense } from "react";
import { ListSearchForm } from "@/app/(dashboard)/_components/list-search-form";
import { PageHeader } from "@/components/shell/page-header";
import { awaitedLater } from "@/lib/data/awaited-later";
import { DEFAULT_PAGE_SIZE, type SearchParams } from "@/lib/validations/url-params";
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
      <ListSearchForm
        action="/sources"
        name="Sources"
        q={query.q}
        queryLabel="Title or publisher"
        placeholder="AI Index, RAND…"
        kind={query.kind}
        kindOptions={SOURCE_KIND_OPTIONS}
        kindAll="All kinds"
        keep={{ size: query.size === DEFAULT_PAGE_SIZE ? null : query.size }}
      />
      {/* Keyed by the query, so a new search shows the skeleton instead of the previous results. */}
      <Suspense key={JSON.stringify(query)} fallback={<SourceTableSkeleton />}>
        <SourceTable results={results} query={query} />
      </Suspense>
    </>
  );
}
