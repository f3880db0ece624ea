import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { Breadcrumbs } from "@/components/records/breadcrumbs";
import { ClaimEditSlot } from "./_components/claim-edit-slot";
import { claimTextOf, loadClaim } from "@/lib/data/records";
import { ClaimKindBadge, ReviewStatusBadge, VerdictBadge } from "@/components/ui/tone-badge";
import { awaitedLater } from "@/lib/data/awaited-later";
import { getRelatedClaims } from "@/lib/data/claim-detail";
import { claimTitle } from "./_components/claim-format";
import { ClaimContext, ClaimDetails, ClaimEntities, ClaimSources } from "./_components/claim-panels";
import { ClaimQuote } from "./_components/claim-quote";
import { RelatedClaims, RelatedClaimsSkeleton } from "./_components/related-claims";
import { ReviewRegion, ReviewRegionSkeleton } from "./_components/review-region";

type ClaimPageProps = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: ClaimPageProps): Promise<Metadata> {
  const text = await claimTextOf((await params).id);
  return { title: text === null ? "Claim not found" : claimTitle(text) };
}

export default async function ClaimPage({ params }: ClaimPageProps) {
  const claim = await loadClaim((await params).id);
  if (!claim) notFound();
  const related = awaitedLater(getRelatedClaims(claim.id));

  return (
    <>
      <Breadcrumbs
        items={[
          { label: "Documents", href: "/documents" },
          { label: claim.document.title, href: `/documents/${claim.document.id}` },
          ...claim.sections.map((section) => ({
            label: section.heading,
            href: `/documents/${claim.document.id}#section-${section.id}`,
          })),
          { label: `Claim ${claim.id}` },
        ]}
      />
      <header className="mb-8 flex flex-col gap-4">
        <div className="flex flex-wrap items-center gap-1.5">
          <ClaimKindBadge kind={claim.kind} />
          <ReviewStatusBadge status={claim.status} />
          <VerdictBadge verdict={claim.verdict} />
        </div>
        <h1 className="max-w-4xl text-2xl leading-snug font-medium tracking-tight text-pretty sm:text-[1.75rem] sm:leading-snug">
          <ClaimQuote claim={claim} />
        </h1>
      </header>
      {/* Details come first in reading order, so on a phone the kind, review state and figures sit under the claim. */}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
        <div className="flex flex-col gap-6 lg:col-start-2 lg:row-start-1">
          <ClaimDetails claim={claim} />
          <ClaimEntities claim={claim} />
          <ClaimEditSlot id={claim.id} />
        </div>
        <div className="flex flex-col gap-6 lg:col-start-1 lg:row-start-1">
          <ClaimContext claim={claim} />
          <ClaimSources claim={claim} />
          <Suspense fallback={<ReviewRegionSkeleton />}>
            <ReviewRegion claimId={claim.id} />
          </Suspense>
          <Suspense fallback={<RelatedClaimsSkeleton />}>
            <RelatedClaims related={related} />
          </Suspense>
        </div>
      </div>
    </>
  );
}
