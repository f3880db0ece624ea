// The cards around a claim on its page: details, context in the document, sources, entities.
import Link from "next/link";
import type { ReactNode } from "react";
import { ArrowRightIcon } from "@/components/ui/icons";
import { ExternalLink } from "@/components/ui/external-link";
import { ClaimKindBadge, ReviewStatusBadge, ToneBadge, VerdictBadge } from "@/components/ui/tone-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ClaimDetail } from "@/lib/data/claim-detail";
import {
  CLAIM_KIND_OPTIONS,
  ENTITY_KIND_OPTIONS,
  ENTITY_ROLE_OPTIONS,
  SOURCE_KIND_OPTIONS,
  SOURCE_RELATION_OPTIONS,
  SOURCE_RELIABILITY_OPTIONS,
  labelOf,
} from "@/lib/domain/options";
import { asOfIso, formatAsOf } from "@/lib/format";
import { formatQuantity } from "./claim-format";

export function PanelCard({ id, title, description, children }: PanelProps) {
  return (
    <Card>
      <section aria-labelledby={id}>
        <CardHeader>
          <CardTitle id={id}>{title}</CardTitle>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </CardHeader>
        <CardContent>{children}</CardContent>
      </section>
    </Card>
  );
}

type PanelProps = { id: string; title: string; description?: ReactNode; children: ReactNode };

export function ClaimDetails({ claim }: { claim: ClaimDetail }) {
  const kind = CLAIM_KIND_OPTIONS.find((option) => option.value === claim.kind);
  return (
    <PanelCard id="claim-details-heading" title="Details">
      <dl className="flex flex-col gap-4 text-sm">
        <Detail term="Kind">
          <ClaimKindBadge kind={claim.kind} />
          {kind?.description ? <p className="mt-1 text-muted-foreground">{kind.description}.</p> : null}
        </Detail>
        <Detail term="Review">
          <span className="flex flex-wrap gap-1.5">
            <ReviewStatusBadge status={claim.status} />
            <VerdictBadge verdict={claim.verdict} />
          </span>
        </Detail>
        <Detail term="As of">
          {claim.asOf ? (
            <time dateTime={asOfIso(claim.asOf)}>{formatAsOf(claim.asOf)}</time>
          ) : (
            <span className="text-muted-foreground">No date in the claim</span>
          )}
        </Detail>
        {claim.quantities.length > 0 ? (
          <Detail term={claim.quantities.length === 1 ? "Figure" : "Figures"}>
            <ul className="flex flex-col gap-2">
              {claim.quantities.map((quantity) => (
                <li key={quantity.id}>
                  <span className="block text-lg font-semibold tracking-tight tabular-nums">
                    {formatQuantity(quantity)}
                  </span>
                  <span className="text-muted-foreground">{quantity.measure}</span>
                </li>
              ))}
            </ul>
          </Detail>
        ) : null}
        <Detail term="Sectors">
          {claim.sectors.length > 0 ? (
            <ul className="flex flex-wrap gap-1.5">
              {claim.sectors.map((sector) => (
                <li key={sector.id}>
                  <Link
                    href={`/sectors/${encodeURIComponent(sector.slug)}`}
                    className="inline-flex rounded-full border px-2.5 py-0.5 text-xs font-medium transition-colors hover:border-brand hover:text-brand"
                  >
                    {sector.name}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <span className="text-muted-foreground">No sector</span>
          )}
        </Detail>
      </dl>
    </PanelCard>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1.5">
      <dt className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function ClaimContext({ claim }: { claim: ClaimDetail }) {
  return (
    <PanelCard
      id="claim-context-heading"
      title="In the document"
      description="The paragraph around the claim, as the document has it."
    >
      <blockquote className="border-l-2 border-brand/40 pl-4 leading-relaxed text-pretty text-muted-foreground">
        {claim.paragraph.map((segment, index) =>
          segment.mark ? (
            <mark
              key={index}
              className="rounded-sm bg-brand-soft box-decoration-clone px-0.5 text-foreground"
            >
              {segment.text}
            </mark>
          ) : (
            <span key={index}>{segment.text}</span>
          ),
        )}
      </blockquote>
      {/* A full page load, not a client-side navigation: only then does the browser set :target, which the
          reader uses to single out this claim. */}
      <a
        href={`/documents/${claim.document.id}#claim-${claim.id}`}
        className="mt-4 inline-flex items-center gap-1.5 text-sm font-medium text-brand underline-offset-4 hover:underline"
      >
        Read it in place
        <ArrowRightIcon className="size-4" />
      </a>
    </PanelCard>
  );
}

export function ClaimSources({ claim }: { claim: ClaimDetail }) {
  return (
    <PanelCard
      id="claim-sources-heading"
      title="Sources"
      description="What the document cites for this claim, and what reviewers linked to it."
    >
      {claim.sources.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          {claim.citationMissing
            ? "No source is known yet: the document cited one here, but the citation was stripped."
            : "The document names no source for this claim."}
        </p>
      ) : (
        <ul className="flex flex-col divide-y">
          {claim.sources.map((source) => (
            <li
              key={`${source.id}-${source.relation}`}
              className="flex flex-col gap-1.5 py-4 first:pt-0 last:pb-0"
            >
              <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
                <Link
                  href={`/sources/${source.id}`}
                  className="font-medium text-foreground underline-offset-4 hover:text-brand hover:underline"
                >
                  {source.title}
                </Link>
                <ToneBadge tone={source.relation === "CONTRADICTS" ? "negative" : "info"}>
                  {labelOf(SOURCE_RELATION_OPTIONS, source.relation)}
                </ToneBadge>
              </div>
              <p className="text-sm text-muted-foreground">
                {[source.publisher, labelOf(SOURCE_KIND_OPTIONS, source.kind)].filter(Boolean).join(" · ")}
              </p>
              <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                <span className="text-muted-foreground">
                  Reliability:{" "}
                  <span className="text-foreground">
                    {source.reliability
                      ? labelOf(SOURCE_RELIABILITY_OPTIONS, source.reliability)
                      : "Not yet rated"}
                  </span>
                </span>
                {source.url ? <ExternalLink url={source.url} /> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </PanelCard>
  );
}

export function ClaimEntities({ claim }: { claim: ClaimDetail }) {
  return (
    <PanelCard
      id="claim-entities-heading"
      title="Entities"
      description="The subject is who or what the claim is about; the others are named in passing."
    >
      {claim.entities.length === 0 ? (
        <p className="text-sm text-muted-foreground">The claim names no known entity.</p>
      ) : (
        <ul className="flex flex-col gap-2.5">
          {claim.entities.map((entity) => (
            <li key={entity.id} className="flex items-center justify-between gap-3 text-sm">
              <span className="flex min-w-0 flex-col">
                <Link
                  href={`/entities/${entity.id}`}
                  className="font-medium text-foreground underline-offset-4 hover:text-brand hover:underline"
                >
                  {entity.name}
                </Link>
                <span className="text-xs text-muted-foreground">
                  {labelOf(ENTITY_KIND_OPTIONS, entity.kind)}
                </span>
              </span>
              <ToneBadge tone={entity.role === "SUBJECT" ? "info" : "neutral"}>
                {labelOf(ENTITY_ROLE_OPTIONS, entity.role)}
              </ToneBadge>
            </li>
          ))}
        </ul>
      )}
    </PanelCard>
  );
}
