import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { getClaimsPerSector, getOverviewFigures } from "@/lib/data/overview";
import { ClaimsPerSector, ClaimsPerSectorSkeleton } from "./_components/claims-per-sector";
import { HeadlineFigures, HeadlineFiguresSkeleton } from "./_components/headline-figures";

export const metadata: Metadata = { title: "Overview" };

export default function OverviewPage() {
  const figures = getOverviewFigures();
  const sectors = getClaimsPerSector();

  return (
    <>
      <PageHeader title="Overview">
        What ClaimDesk holds right now: the imported documents, the claims extracted from them, and the
        sources and entities those claims rely on.
      </PageHeader>
      <div className="flex flex-col gap-6 sm:gap-8">
        <Suspense fallback={<HeadlineFiguresSkeleton />}>
          <HeadlineFigures figures={figures} />
        </Suspense>
        <Suspense fallback={<ClaimsPerSectorSkeleton />}>
          <ClaimsPerSector sectors={sectors} />
        </Suspense>
      </div>
    </>
  );
}
