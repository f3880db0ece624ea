import Link from "next/link";
import { LostCitationBadge } from "@/components/claims/lost-citation";
import { Skeleton } from "@/components/ui/skeleton";
import type { RelatedClaim } from "@/lib/data/claim-detail";
import { PanelCard } from "./claim-panels";

const HEADING_ID = "related-claims-heading";
const DESCRIPTION = "Claims naming the same entities, those sharing the most first.";

export async function RelatedClaims({ related }: { related: Promise<RelatedClaim[]> }) {
  const claims = await related;
  return (
    <PanelCard id={HEADING_ID} title="Related claims" description={DESCRIPTION}>
      {claims.length === 0 ? (
        <p className="text-sm text-muted-foreground">No other claim names any of these entities.</p>
      ) : (
        <ol className="flex flex-col divide-y">
          {claims.map((claim) => (
            <li key={claim.id} className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0">
              <Link
                href={`/claims/${claim.id}`}
                className="line-clamp-3 text-sm text-foreground underline-offset-4 hover:text-brand hover:underline"
              >
                {claim.text}
                {claim.citationMissing ? <LostCitationBadge /> : null}
              </Link>
              <p className="text-xs text-muted-foreground">
                Shares {claim.shared.map((entity) => entity.name).join(", ")}
              </p>
            </li>
          ))}
        </ol>
      )}
    </PanelCard>
  );
}

export function RelatedClaimsSkeleton() {
  return (
    <PanelCard id={HEADING_ID} title="Related claims" description={DESCRIPTION}>
      <div role="status" className="flex flex-col gap-4">
        <span className="sr-only">Loading related claims…</span>
        {Array.from({ length: 4 }, (_, index) => (
          <div key={index} className="flex flex-col gap-1.5">
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-4 w-4/5" />
            <Skeleton className="h-3 w-28" />
          </div>
        ))}
      </div>
    </PanelCard>
  );
}
