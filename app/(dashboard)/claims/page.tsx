import type { Metadata } from "next";
import { Suspense } from "react";
import { DataTableSkeleton, DataTableToolbarSkeleton } from "@/components/data-table/data-table-skeleton";
import { PageHeader } from "@/components/shell/page-header";
import { getCurrentUser } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { awaitedLater } from "@/lib/data/awaited-later";
import {
  claimsPage,
  getClaimCount,
  getClaimFacets,
  getClaimRows,
  resolveClaimsQuery,
} from "@/lib/data/claims";
import { getSavedViews } from "@/lib/data/saved-views";
import { getDb } from "@/lib/db";
import { forViewer, hasFilters, parseClaimsQuery, serializeClaimsQuery } from "@/lib/validations/claims";
import { ClaimsQueryProvider } from "./_components/claims-query-context";
import { ClaimsTable } from "./_components/claims-table";
import { ClaimsTableToolbar } from "./_components/claims-table-toolbar";
import { SavedViewsMenu } from "./_components/saved-views-menu";

export const metadata: Metadata = { title: "Claims" };

/** Widths of the table skeleton's columns, in the order of the columns shown by default. */
const SKELETON_COLUMNS = [
  { header: "w-12", cell: "w-[22rem] max-w-full grow" },
  { header: "w-10", cell: "w-16" },
  { header: "w-14", cell: "w-28", className: "hidden md:flex" },
  { header: "w-14", cell: "w-32", className: "hidden md:flex" },
  { header: "w-12", cell: "w-20", className: "hidden lg:flex" },
  { header: "w-12", cell: "w-16", className: "hidden lg:flex" },
  { header: "w-12", cell: "w-8", className: "hidden lg:flex" },
  { header: "w-14", cell: "w-28", className: "hidden lg:flex" },
] as const;

const SKELETON_ACTIONS = ["w-32", "w-32", "w-32", "w-24"] as const;

const SKELETON_FILTERS = ["w-20", "w-24", "w-20", "w-20", "w-22", "w-26", "w-36", "w-32", "w-30"] as const;

export default async function ClaimsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Malformed or unknown parameters fall back to defaults here: a mangled link still shows the table.
  const query = parseClaimsQuery(await searchParams);
  const viewer = await getCurrentUser();
  // Resolved once, for the rows and the facets alike.
  const resolved = resolveClaimsQuery(forViewer(query, viewer?.id ?? null));
  const facets = awaitedLater(resolved.then((read) => getClaimFacets(read)));
  const rows = resolved.then((read) => getClaimRows(read));
  // The facets' pass over the matching claims counts them too, so the list does not count them again.
  const claims = awaitedLater(
    Promise.all([rows, facets]).then(([page, counted]) => claimsPage(page, counted.total, query.size)),
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
          <Suspense fallback={<DataTableToolbarSkeleton filterWidths={SKELETON_FILTERS} />}>
            <ClaimsTableToolbar
              facets={facets}
              views={savedViews ? <SavedViewsMenu views={savedViews} /> : null}
            />
          </Suspense>
          {/* Keyed by the query: a new query shows the skeleton until its own rows arrive, never stale rows. */}
          <Suspense
            key={serializeClaimsQuery(query).toString()}
            fallback={
              <DataTableSkeleton
                columns={SKELETON_COLUMNS}
                actionWidths={SKELETON_ACTIONS}
                rowCount={Math.min(query.size, 10)}
              />
            }
          >
            <ClaimsTable claims={claims} facets={facets} allClaims={allClaims} exportAccess={exportAccess} />
          </Suspense>
        </div>
      </ClaimsQueryProvider>
    </>
  );
}
