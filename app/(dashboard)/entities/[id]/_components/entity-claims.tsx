import Link from "next/link";
import type { ReactNode } from "react";
import { ClaimList } from "@/components/claims/claim-list";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTablePastLastPage } from "@/components/data-table/data-table-past-last-page";
import { listHref } from "@/components/data-table/list-href";
import { ToneBadge } from "@/components/ui/tone-badge";
import { ArrowRightIcon } from "@/components/ui/icons";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { EntityClaim } from "@/lib/data/entities";
import type { Paged } from "@/lib/data/list-params";
import { ENTITY_ROLE_OPTIONS, labelOf } from "@/lib/domain/options";
import { formatCount } from "@/lib/format";

const HEADING_ID = "entity-claims-heading";

type EntityRef = { id: number; slug: string; name: string; claims: { subject: number; mentioned: number } };

function ClaimsCard({ entity, children }: { entity: EntityRef; children: ReactNode }) {
  const total = entity.claims.subject + entity.claims.mentioned;
  return (
    <Card>
      <section aria-labelledby={HEADING_ID}>
        <CardHeader className="sm:flex-row sm:items-start sm:justify-between sm:gap-4">
          <div className="flex flex-col gap-1">
            <CardTitle id={HEADING_ID}>Claims</CardTitle>
            <CardDescription>
              {total === 0
                ? "No claim names it yet."
                : `Named in ${formatCount(total, "claim", "claims")}: ${entity.claims.subject} as the subject, ${entity.claims.mentioned} in passing.`}
            </CardDescription>
          </div>
          {total > 0 ? (
            <Link
              href={`/claims?entity=${encodeURIComponent(entity.slug)}`}
              className="inline-flex shrink-0 items-center gap-1.5 text-sm font-medium text-brand underline-offset-4 hover:underline"
            >
              See all in the claims table
              <ArrowRightIcon className="size-4" />
            </Link>
          ) : null}
        </CardHeader>
        <CardContent>{children}</CardContent>
      </section>
    </Card>
  );
}

export async function EntityClaims({
  entity,
  claims,
}: {
  entity: EntityRef;
  claims: Promise<Paged<EntityClaim>>;
}) {
  const { rows, total, pageCount, page, size } = await claims;
  const pageHref = (number: number) =>
    listHref(`/entities/${entity.id}`, { page: number === 1 ? null : number });
  return (
    <ClaimsCard entity={entity}>
      {rows.length === 0 && total > 0 ? (
        <DataTablePastLastPage page={page} pageCount={pageCount} lastHref={pageHref(pageCount)} />
      ) : (
        <ClaimList
          label={`Claims naming ${entity.name}`}
          claims={rows.map((claim) => ({
            ...claim,
            note: (
              <ToneBadge tone={claim.role === "SUBJECT" ? "info" : "neutral"}>
                {labelOf(ENTITY_ROLE_OPTIONS, claim.role)}
              </ToneBadge>
            ),
          }))}
        />
      )}
      {pageCount > 1 ? (
        <div className="mt-6 border-t pt-4">
          <DataTablePagination
            page={page}
            pageCount={pageCount}
            total={total}
            size={size}
            noun="claims"
            hrefFor={pageHref}
          />
        </div>
      ) : null}
    </ClaimsCard>
  );
}

export function EntityClaimsSkeleton({ entity }: { entity: EntityRef }) {
  return (
    <ClaimsCard entity={entity}>
      <div role="status" className="flex flex-col gap-6">
        <span className="sr-only">Loading claims…</span>
        {Array.from({ length: 5 }, (_, index) => (
          <div key={index} className="flex flex-col gap-2">
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-4 w-3/4" />
            <div className="flex gap-1.5">
              <Skeleton className="h-5 w-20 rounded-full" />
              <Skeleton className="h-5 w-16 rounded-full" />
            </div>
          </div>
        ))}
      </div>
    </ClaimsCard>
  );
}
