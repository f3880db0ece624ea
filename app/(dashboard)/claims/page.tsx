import type { Metadata } from "next";
import { Suspense } from "react";
import { ClaimsTableSkeleton, ClaimsToolbarSkeleton } from "@/components/claims/claims-table-skeleton";
import { PageHeader } from "@/components/shell/page-header";
import { getCurrentUser } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { awaitedLater } from "@/lib/data/awaited-later";
import { getClaimCount, getClaimFacets, getClaims } from "@/lib/data/claims";
import { getSavedViews } from "@/lib/data/saved-views";
import { getDb } from "@/lib/db";
import { forViewer, hasFilters, parseClaimsQuery, serializeClaimsQuery } from "@/lib/validations/claims";
import { ClaimsQueryProvider } from "@/components/claims/claims-query-context";
import { ClaimsTable } from "./_components/claims-table";
import { ClaimsTableToolbar } from "@/components/claims/claims-table-toolbar";
import { SavedViewsMenu } from "./_components/saved-views-menu";

export const metadata: Metadata = { title: "Claims" };

export default async function ClaimsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Malformed or unknown parameters fall back to defaults here: a mangled link still shows the table.
  const query = parseClaimsQuery(await searchParams);
  const viewer = await getCurrentUser();
  const dataQuery = forViewer(query, viewer?.id ?? null);
  const facets = awaitedLater(getClaimFacets(dataQuery, undefined, viewer?.id ?? null));
  // The facets' pass over the matching claims counts them too, so the list does not count them again.
  const claims = awaitedLater(
    getClaims(
      dataQuery,
      undefined,
      facets.then((f) => f.total),
    ),
  );
  // "12 of 43": the unfiltered total, beside the filtered reads.
  const allClaims = hasFilters(query) ? awaitedLater(getClaimCount()) : null;

  const exportAccess = can(viewer, "claims.export") ? "allowed" : viewer ? "forbidden" : "sign-in";
  const savedViews =
    viewer && can(viewer, "savedViews.manage") ? awaitedLater(getSavedViews(getDb(), viewer)) : null;

  return (
    <>
      <PageHeader title="Claims">
        Every checkable statement in the imported documents. Filter by sector, entity, kind and review state,
        search the text, and open a claim to see its sources.
      </PageHeader>
      <ClaimsQueryProvider query={query}>
        <div className="flex flex-col gap-5">
          <Suspense fallback={<ClaimsToolbarSkeleton />}>
            <ClaimsTableToolbar
              facets={facets}
              views={savedViews ? <SavedViewsMenu views={savedViews} /> : null}
            />
          </Suspense>
          {/* Keyed by the query: a new query shows the skeleton until its own rows arrive, never stale rows. */}
          <Suspense
            key={serializeClaimsQuery(query).toString()}
            fallback={<ClaimsTableSkeleton rowCount={Math.min(query.size, 10)} />}
          >
            <ClaimsTable claims={claims} facets={facets} allClaims={allClaims} exportAccess={exportAccess} />
          </Suspense>
        </div>
      </ClaimsQueryProvider>
    </>
  );
}
