import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { Breadcrumbs } from "@/components/records/breadcrumbs";
import { entityNameOf, loadEntity } from "@/lib/data/records";
import { EntityEditSlot } from "./_components/entity-edit-slot";
import { ToneBadge } from "@/components/ui/tone-badge";
import { SectionChart, VerdictChart } from "@/components/charts/overview-charts";
import { ChartCardSkeleton } from "@/components/charts/chart-skeleton";
import { awaitedLater } from "@/lib/data/awaited-later";
import { getEntityClaims } from "@/lib/data/entities";
import { getSectionCoverage, getVerdictCounts } from "@/lib/data/overview";
import { firstParam, parsePage, type SearchParams } from "@/lib/data/list-params";
import { DEFAULT_CLAIMS_QUERY } from "@/lib/validations/claims";
import { ENTITY_KIND_OPTIONS, labelOf } from "@/lib/domain/options";
import { countryName } from "@/lib/format";
import { EntityClaims, EntityClaimsSkeleton } from "./_components/entity-claims";
import { EntityCoMentions, EntityFamily, EntityNames } from "./_components/entity-facts";

type EntityPageProps = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: EntityPageProps): Promise<Metadata> {
  return { title: (await entityNameOf((await params).id)) ?? "Entity not found" };
}

export default async function EntityPage({ params, searchParams }: EntityPageProps) {
  const entity = await loadEntity((await params).id);
  if (!entity) notFound();
  const page = parsePage(firstParam(await searchParams, "page"));
  const claims = awaitedLater(getEntityClaims(entity.id, { page }));
  const query = { ...DEFAULT_CLAIMS_QUERY, entities: [entity.slug] };
  const coverage = awaitedLater(getSectionCoverage(query));
  const verdicts = awaitedLater(getVerdictCounts(query));

  return (
    <>
      <Breadcrumbs items={[{ label: "Entities", href: "/entities" }, { label: entity.name }]} />
      <header className="mb-8 flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-1.5">
          <ToneBadge tone="brand">{labelOf(ENTITY_KIND_OPTIONS, entity.kind)}</ToneBadge>
          {entity.country ? <ToneBadge>{countryName(entity.country)}</ToneBadge> : null}
        </div>
        <h1 className="text-2xl font-semibold tracking-tight text-balance sm:text-3xl">{entity.name}</h1>
        {entity.description ? (
          <p className="max-w-2xl text-muted-foreground text-pretty">{entity.description}</p>
        ) : null}
      </header>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
        <div className="flex flex-col gap-6 lg:col-start-2 lg:row-start-1">
          <EntityNames entity={entity} />
          <EntityFamily entity={entity} />
          <EntityCoMentions entity={entity} query={query} />
          <EntityEditSlot id={entity.id} />
        </div>
        <div className="min-w-0 lg:col-start-1 lg:row-start-1">
          <Suspense key={page} fallback={<EntityClaimsSkeleton entity={entity} />}>
            <EntityClaims entity={entity} claims={claims} />
          </Suspense>
        </div>
      </div>
      <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Suspense
          fallback={<ChartCardSkeleton title="Citation coverage by section" shape="rows" count={8} />}
        >
          <SectionChart query={query} coverage={coverage} />
        </Suspense>
        <Suspense fallback={<ChartCardSkeleton title="Claims by verdict" shape="rows" count={9} />}>
          <VerdictChart query={query} verdicts={verdicts} />
        </Suspense>
      </div>
    </>
  );
}
