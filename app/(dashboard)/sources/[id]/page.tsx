import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { Breadcrumbs } from "@/components/records/breadcrumbs";
import { sourceTitleOf, loadSource } from "@/lib/data/records";
import { SourceEditSlot } from "./_components/source-edit-slot";
import { ClaimList } from "@/components/claims/claim-list";
import { ExternalLink } from "@/components/ui/external-link";
import { ToneBadge } from "@/components/ui/tone-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  SOURCE_KIND_OPTIONS,
  SOURCE_RELATION_OPTIONS,
  SOURCE_RELIABILITY_OPTIONS,
  labelOf,
} from "@/lib/domain/options";
import { formatCount, formatDate } from "@/lib/format";

type SourcePageProps = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: SourcePageProps): Promise<Metadata> {
  return { title: (await sourceTitleOf((await params).id)) ?? "Source not found" };
}

export default async function SourcePage({ params }: SourcePageProps) {
  const source = await loadSource((await params).id);
  if (!source) notFound();
  const claimCount = new Set(source.claims.map((claim) => claim.id)).size;

  return (
    <>
      <Breadcrumbs items={[{ label: "Sources", href: "/sources" }, { label: source.title }]} />
      <header className="mb-8 flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-1.5">
          <ToneBadge tone="brand">{labelOf(SOURCE_KIND_OPTIONS, source.kind)}</ToneBadge>
        </div>
        <h1 className="text-2xl font-semibold tracking-tight text-balance sm:text-3xl">{source.title}</h1>
        {source.publisher ? <p className="text-muted-foreground">{source.publisher}</p> : null}
      </header>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
        <div className="flex flex-col gap-6 lg:col-start-2 lg:row-start-1">
          <Card>
            <section aria-labelledby="source-details-heading">
              <CardHeader>
                <CardTitle id="source-details-heading">Details</CardTitle>
              </CardHeader>
              <CardContent>
                <dl className="flex flex-col gap-4 text-sm">
                  <Detail term="Reliability">
                    {source.reliability
                      ? labelOf(SOURCE_RELIABILITY_OPTIONS, source.reliability)
                      : "Not yet rated"}
                  </Detail>
                  <Detail term="Published">
                    {source.publishedAt ? (
                      <time dateTime={source.publishedAt.toISOString().slice(0, 10)}>
                        {formatDate(source.publishedAt)}
                      </time>
                    ) : (
                      <span className="text-muted-foreground">Date unknown</span>
                    )}
                  </Detail>
                  <Detail term="Address">
                    {source.url ? (
                      <ExternalLink url={source.url} />
                    ) : (
                      <span className="text-muted-foreground">Not known yet</span>
                    )}
                  </Detail>
                  {source.notes ? (
                    <Detail term="Notes">
                      <p className="leading-relaxed text-pretty">{source.notes}</p>
                    </Detail>
                  ) : null}
                </dl>
              </CardContent>
            </section>
          </Card>
          <SourceEditSlot id={source.id} />
        </div>
        <Card className="min-w-0 lg:col-start-1 lg:row-start-1">
          <section aria-labelledby="source-claims-heading">
            <CardHeader>
              <CardTitle id="source-claims-heading">Claims</CardTitle>
              <CardDescription>
                {claimCount === 0
                  ? "No claim is linked to this source yet."
                  : `${formatCount(claimCount, "claim", "claims")} linked to this source, in document order.`}
              </CardDescription>
            </CardHeader>
            <CardContent>
              <ClaimList
                label={`Claims linked to ${source.title}`}
                claims={source.claims.map((claim) => ({
                  ...claim,
                  note: (
                    <ToneBadge tone={claim.relation === "CONTRADICTS" ? "negative" : "info"}>
                      {labelOf(SOURCE_RELATION_OPTIONS, claim.relation)}
                    </ToneBadge>
                  ),
                }))}
              />
            </CardContent>
          </section>
        </Card>
      </div>
    </>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <dt className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
