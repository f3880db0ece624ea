import type { Metadata } from "next";
import { Suspense } from "react";
import { ClaimsToolbarSkeleton } from "@/components/claims/claims-table-skeleton";
import { ChartCardSkeleton } from "@/components/charts/chart-skeleton";
import { PageHeader } from "@/components/shell/page-header";
import { getCurrentUser } from "@/lib/auth";
import { awaitedLater } from "@/lib/data/awaited-later";
import {
  getCoMentions,
  getOverviewFacets,
  getOverviewFigures,
  getSectorBreakdown,
  reviewTimelineOf,
  sectionCoverageOf,
  topEntitiesOfFacets,
} from "@/lib/data/overview";
import { forViewer, parseClaimsQuery, serializeClaimsQuery } from "@/lib/validations/claims";
import { ClaimsQueryProvider } from "@/components/claims/claims-query-context";
import { ClaimsTableToolbar } from "@/components/claims/claims-table-toolbar";
import { HeadlineFigures, HeadlineFiguresSkeleton } from "./_components/headline-figures";
import {
  CoMentionChart,
  KindChart,
  ReviewChart,
  SectionChart,
  SectorChart,
  TopEntitiesChart,
} from "@/components/charts/overview-charts";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // The claims table's parameters and parser: the Overview charts exactly the claims the table would list.
  const query = parseClaimsQuery(await searchParams);
  const dataQuery = forViewer(query, query.assignees.length ? ((await getCurrentUser())?.id ?? null) : null);
  // One pass over the matching claims counts the filter bar's facets, the headline figures and two of the charts.
  const facets = awaitedLater(getOverviewFacets(dataQuery));
  const figures = awaitedLater(getOverviewFigures(dataQuery, facets));
  const sectors = awaitedLater(getSectorBreakdown(dataQuery));
  const coverage = awaitedLater(sectionCoverageOf(facets));
  const weeks = awaitedLater(reviewTimelineOf(facets));
  const topEntities = awaitedLater(facets.then((f) => topEntitiesOfFacets(f, query)));
  const matrix = awaitedLater(topEntities.then((entities) => getCoMentions(dataQuery, entities)));
  // New filters show each chart's skeleton until its own numbers arrive, never the previous filters' chart.
  const key = serializeClaimsQuery({ ...query, page: 1 }).toString();

  return (
    <>
      <PageHeader title="Overview">
        Where the report stands: how its claims are sourced, reviewed and rated, by sector, section and
        entity. Filter as in the claims table; every number opens the claims behind it.
      </PageHeader>
      <ClaimsQueryProvider query={query}>
        <div className="flex flex-col gap-6">
          <Suspense fallback={<ClaimsToolbarSkeleton />}>
            <ClaimsTableToolbar facets={facets} />
          </Suspense>
          <Suspense key={`figures:${key}`} fallback={<HeadlineFiguresSkeleton />}>
            <HeadlineFigures query={query} figures={figures} />
          </Suspense>
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            <div className="lg:col-span-2">
              <Suspense
                key={`sectors:${key}`}
                fallback={<ChartCardSkeleton title="Claims by sector" shape="rows" count={12} />}
              >
                <SectorChart query={query} sectors={sectors} />
              </Suspense>
            </div>
            <Suspense
              key={`sections:${key}`}
              fallback={<ChartCardSkeleton title="Citation coverage by section" shape="rows" count={10} />}
            >
              <SectionChart query={query} coverage={coverage} />
            </Suspense>
            <Suspense
              key={`review:${key}`}
              fallback={<ChartCardSkeleton title="Review progress" shape="columns" count={12} />}
            >
              <ReviewChart query={query} facets={facets} weeks={weeks} />
            </Suspense>
            <Suspense
              key={`entities:${key}`}
              fallback={<ChartCardSkeleton title="Most-named entities" shape="rows" count={10} />}
            >
              <TopEntitiesChart query={query} entities={topEntities} />
            </Suspense>
            <Suspense
              key={`kinds:${key}`}
              fallback={<ChartCardSkeleton title="Claims by kind" shape="rows" count={6} />}
            >
              <KindChart query={query} facets={facets} />
            </Suspense>
            <div className="lg:col-span-2">
              <Suspense
                key={`matrix:${key}`}
                fallback={<ChartCardSkeleton title="Entities named together" shape="grid" count={8} />}
              >
                <CoMentionChart query={query} matrix={matrix} />
              </Suspense>
            </div>
          </div>
        </div>
      </ClaimsQueryProvider>
    </>
  );
}
