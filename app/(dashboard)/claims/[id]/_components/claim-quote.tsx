import Link from "next/link";
import { Fragment } from "react";
import { LostCitationMarker } from "@/components/claims/lost-citation";
import type { ClaimDetail, EntityRef } from "@/lib/data/claim-detail";
import { ENTITY_KIND_OPTIONS, labelOf } from "@/lib/domain/options";
import { splitSegmentsAt, type Segment } from "@/lib/data/text-segments";

const MENTION =
  "rounded-sm bg-brand-soft/80 box-decoration-clone px-0.5 underline decoration-brand/50 decoration-2 underline-offset-[0.2em]";
const MENTION_LINK = `${MENTION} transition-colors hover:decoration-brand`;

/** The claim's words exactly as the document has them, its names linked to their entities. */
export function ClaimQuote({
  claim,
}: {
  claim: Pick<ClaimDetail, "id" | "textSegments" | "lostCitationAt">;
}) {
  const [before, after] =
    claim.lostCitationAt === null
      ? [claim.textSegments, []]
      : splitSegmentsAt(claim.textSegments, claim.lostCitationAt);
  return (
    <>
      {before.map((segment, index) => (
        <QuoteSegment key={index} segment={segment} />
      ))}
      {claim.lostCitationAt !== null ? (
        <>
          {" "}
          <LostCitationMarker id={`lost-citation-${claim.id}`} />
        </>
      ) : null}
      {after.map((segment, index) => (
        <QuoteSegment key={`after-${index}`} segment={segment} />
      ))}
    </>
  );
}

function QuoteSegment({ segment }: { segment: Segment<EntityRef[]> }) {
  const [only, ...more] = segment.mark ?? [];
  if (!only) return <>{segment.text}</>;
  if (more.length === 0) {
    return (
      <Link href={`/entities/${only.id}`} title={describe(only)} className={MENTION_LINK}>
        {segment.text}
      </Link>
    );
  }
  // One name for several entities ("Ascend 910B/C"): the name is marked, and each entity gets its own link.
  return (
    <>
      <span className={MENTION}>{segment.text}</span>
      <sup className="ml-0.5 text-[0.5em] font-medium tracking-normal">
        <span className="sr-only"> (</span>
        {segment.mark?.map((entity, index) => (
          <Fragment key={entity.id}>
            {index > 0 ? (
              <>
                <span aria-hidden="true"> · </span>
                <span className="sr-only">, </span>
              </>
            ) : null}
            <Link
              href={`/entities/${entity.id}`}
              title={describe(entity)}
              className="text-brand underline-offset-2 hover:underline"
            >
              {entity.name}
            </Link>
          </Fragment>
        ))}
        <span className="sr-only">)</span>
      </sup>
    </>
  );
}

function describe(entity: EntityRef): string {
  return `${entity.name} · ${labelOf(ENTITY_KIND_OPTIONS, entity.kind)}`;
}
