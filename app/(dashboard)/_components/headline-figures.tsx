// The Overview's headline: how many claims match, and what share of them is sourced, lost its citation, has been
// reviewed, supported or disputed. Every claim figure links to the claims it counts.
import { clsx } from "clsx";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Code } from "@/components/ui/code";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { OverviewFigures } from "@/lib/data/overview";
import { DISPUTED_VERDICTS, SUPPORTED_VERDICTS } from "@/lib/domain/options";
import { formatCount, formatNumber, formatPercent } from "@/lib/format";
import { claimsHref, withFlag, withStatuses, withVerdicts } from "@/lib/queries/drill-down";
import { hasFilters, type ClaimsQuery } from "@/lib/validations/claims";

type Figure = { label: string; value: number; href: string; tone?: "warning" | "positive" | "negative" };

const GRID = "grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6";

export async function HeadlineFigures({
  query,
  figures,
}: {
  query: ClaimsQuery;
  figures: Promise<OverviewFigures>;
}) {
  const f = await figures;
  const shares: Figure[] = [
    { label: "Sourced", value: f.sourced, href: claimsHref(withFlag(query, "hasSources")), tone: "positive" },
    {
      label: "Lost citation",
      value: f.citationMissing,
      href: claimsHref(withFlag(query, "citationMissing")),
      tone: "warning",
    },
    { label: "Reviewed", value: f.reviewed, href: claimsHref(withStatuses(query, ["REVIEWED"])) },
    {
      label: "Supported",
      value: f.supported,
      href: claimsHref(withVerdicts(query, SUPPORTED_VERDICTS)),
      tone: "positive",
    },
    {
      label: "Disputed",
      value: f.disputed,
      href: claimsHref(withVerdicts(query, DISPUTED_VERDICTS)),
      tone: "negative",
    },
  ];
  return (
    <section aria-label="Headline figures" className="flex flex-col gap-3">
      <dl className={GRID}>
        <Card className="flex flex-col gap-1 p-4">
          <dt className="text-sm font-medium text-muted-foreground">Claims</dt>
          <dd className="text-3xl font-semibold tracking-tight tabular-nums">
            <Link
              href={claimsHref({ ...query, page: 1 })}
              className="underline-offset-4 hover:text-brand hover:underline"
            >
              {formatNumber(f.claims)}
            </Link>
          </dd>
        </Card>
        {shares.map((figure) => (
          <Card key={figure.label} className="flex flex-col gap-1 p-4">
            <dt className="text-sm font-medium text-muted-foreground">{figure.label}</dt>
            <dd
              className={clsx(
                "text-3xl font-semibold tracking-tight tabular-nums",
                figure.tone === "warning" && figure.value > 0 && "text-warning",
              )}
            >
              {f.claims > 0 ? formatPercent(figure.value / f.claims) : "—"}
            </dd>
            <dd className="text-sm text-muted-foreground">
              {figure.value > 0 ? (
                <Link
                  href={figure.href}
                  prefetch={false}
                  className="text-brand underline-offset-4 hover:underline"
                >
                  {formatCount(figure.value, "claim", "claims")}
                </Link>
              ) : (
                formatCount(figure.value, "claim", "claims")
              )}
            </dd>
          </Card>
        ))}
      </dl>
      <p className="text-sm text-muted-foreground">
        {f.claims > 0 ? (
          <>
            These claims cite <Reach href="/sources" value={f.sources} one="source" many="sources" />, name{" "}
            <Reach href="/entities" value={f.entities} one="entity" many="entities" /> and come from{" "}
            <Reach href="/documents" value={f.documents} one="document" many="documents" />.
          </>
        ) : null}
      </p>
      {f.claims === 0 ? (
        hasFilters(query) ? (
          <EmptyState title="No claims match">
            No claim matches {query.q ? <>the search “{query.q}” with </> : null}these filters. Remove a
            filter above, or{" "}
            <Link href="/" className="font-medium text-brand underline underline-offset-4">
              reset them
            </Link>
            .
          </EmptyState>
        ) : (
          <EmptyState title="No documents imported yet">
            Load the sample report with <Code>npm run db:seed</Code>, then reload this page.
          </EmptyState>
        )
      ) : null}
    </section>
  );
}

function Reach({ href, value, one, many }: { href: string; value: number; one: string; many: string }) {
  return (
    <Link
      href={href}
      className="font-medium text-foreground underline-offset-4 hover:text-brand hover:underline"
    >
      {formatCount(value, one, many)}
    </Link>
  );
}

export function HeadlineFiguresSkeleton() {
  return (
    <div role="status" className="flex flex-col gap-3">
      <span className="sr-only">Loading figures…</span>
      <div className={GRID}>
        {Array.from({ length: 6 }, (_, index) => (
          <Card key={index} className="flex flex-col gap-2 p-4">
            <Skeleton className="h-4 w-20" />
            <Skeleton className="h-8 w-16" />
            {index > 0 ? <Skeleton className="h-4 w-14" /> : null}
          </Card>
        ))}
      </div>
      <Skeleton className="h-4 w-96 max-w-full" />
    </div>
  );
}
