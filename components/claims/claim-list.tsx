import Link from "next/link";
import type { ReactNode } from "react";
import type { ClaimKind, ReviewStatus, Verdict } from "@/lib/generated/prisma/enums.ts";
import { LostCitationBadge } from "./lost-citation";
import { ClaimKindBadge, ReviewStatusBadge, VerdictBadge } from "@/components/ui/tone-badge";

export type ClaimListItem = {
  id: number;
  text: string;
  kind: ClaimKind;
  status?: ReviewStatus;
  verdict?: Verdict | null;
  citationMissing: boolean;
  /** Shown before the badges: the claim's role or relation in the list's context. */
  note?: ReactNode;
};

/** Claims as a list of links, each quoted verbatim with its kind and review state. */
export function ClaimList({ claims, label }: { claims: ClaimListItem[]; label?: string }) {
  return (
    <ol aria-label={label} className="divide-y">
      {claims.map((claim) => (
        <li key={claim.id} className="group relative flex flex-col gap-2 py-4 first:pt-0 last:pb-0">
          <Link
            href={`/claims/${claim.id}`}
            className="text-pretty text-foreground decoration-brand/40 underline-offset-4 group-hover:text-brand hover:underline"
          >
            {claim.text}
            {claim.citationMissing ? <LostCitationBadge /> : null}
          </Link>
          <div className="flex flex-wrap items-center gap-1.5">
            {claim.note}
            <ClaimKindBadge kind={claim.kind} />
            {claim.status ? <ReviewStatusBadge status={claim.status} /> : null}
            {/* "Unreviewed" already says there is no verdict; a list repeats only verdicts that exist. */}
            {claim.verdict ? <VerdictBadge verdict={claim.verdict} /> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
