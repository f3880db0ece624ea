import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { Breadcrumbs } from "@/components/records/breadcrumbs";
import { sectorNameOf, loadSector } from "@/lib/data/records";
import { SectionChart, TopEntitiesChart, VerdictChart } from "@/components/charts/overview-charts";
import { ChartCardSkeleton } from "@/components/charts/chart-skeleton";
import { awaitedLater } from "@/lib/data/awaited-later";
import { getSectionCoverage, getTopEntities, getVerdictCounts } from "@/lib/data/overview";
import { formatCount } from "@/lib/format";
import { claimsHref } from "@/lib/queries/drill-down";
import { DEFAULT_CLAIMS_QUERY } from "@/lib/validations/claims";

type SectorPageProps = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: SectorPageProps): Promise<Metadata> {
  return { title: (await sectorNameOf((await params).slug)) ?? "Sector not found" };
}

export default async function SectorPage({ params }: SectorPageProps) {
  const sector = await loadSector((await params).slug);
  if (!sector) notFound();
  const query = { ...DEFAULT_CLAIMS_QUERY, sectors: [sector.slug] };
  const coverage = awaitedLater(getSectionCoverage(query));
  const verdicts = awaitedLater(getVerdictCounts(query));
  const entities = awaitedLater(getTopEntities(query));

  return (
    <>
      <Breadcrumbs items={[{ label: "Sectors", href: "/sectors" }, { label: sector.name }]} />
      <header className="mb-8 flex flex-col gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-balance sm:text-3xl">{sector.name}</h1>
        <p className="max-w-2xl text-muted-foreground text-pretty">{sector.description}</p>
        <p className="text-sm">
          <Link
            href={claimsHref(query)}
            className="font-medium text-brand underline-offset-4 hover:underline"
          >
            {formatCount(sector.claims, "claim", "claims")} in this sector
          </Link>
          <span className="text-muted-foreground"> · </span>
          <Link
            href={`/?sector=${sector.slug}`}
            className="font-medium text-brand underline-offset-4 hover:underline"
          >
            Its overview
          </Link>
        </p>
      </header>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Suspense
          fallback={<ChartCardSkeleton title="Citation coverage by section" shape="rows" count={10} />}
        >
          <SectionChart query={query} coverage={coverage} />
        </Suspense>
        <Suspense fallback={<ChartCardSkeleton title="Claims by verdict" shape="rows" count={9} />}>
          <VerdictChart query={query} verdicts={verdicts} />
        </Suspense>
        <Suspense fallback={<ChartCardSkeleton title="Entities in this sector" shape="rows" count={10} />}>
          <TopEntitiesChart
            className="lg:col-span-2"
            query={query}
            entities={entities}
            title="Entities in this sector"
            description="The entities the sector’s claims name most often."
          />
        </Suspense>
      </div>
    </>
  );
}
