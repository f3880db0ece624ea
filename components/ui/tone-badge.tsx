import { clsx } from "clsx";
import type { ReactNode } from "react";
import {
  CLAIM_KIND_OPTIONS,
  REVIEW_STATUS_OPTIONS,
  VERDICT_OPTIONS,
  labelOf,
  type Tone,
} from "@/lib/domain/options";
import type { ClaimKind, ReviewStatus, Verdict } from "@/lib/generated/prisma/enums.ts";

/** The colours of each tone, shared with the claims table's smaller badges. */
export const TONES: Record<Tone | "brand", string> = {
  neutral: "bg-muted text-muted-foreground ring-border",
  brand: "bg-brand-soft text-brand ring-brand/20",
  info: "bg-sky-50 text-sky-800 ring-sky-600/20 dark:bg-sky-400/10 dark:text-sky-300 dark:ring-sky-400/25",
  positive:
    "bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-400/10 dark:text-emerald-300 dark:ring-emerald-400/25",
  caution:
    "bg-amber-50 text-amber-800 ring-amber-600/25 dark:bg-amber-400/10 dark:text-amber-300 dark:ring-amber-400/25",
  negative:
    "bg-rose-50 text-rose-800 ring-rose-600/20 dark:bg-rose-400/10 dark:text-rose-300 dark:ring-rose-400/25",
};

export function ToneBadge({
  tone = "neutral",
  className,
  children,
}: {
  tone?: Tone | "brand";
  className?: string;
  children: ReactNode;
}) {
  return (
    <span
      className={clsx(
        "inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        TONES[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}

// Badges sit in rows without column headers; the hidden prefix tells a screen reader which field each one is.

export function ClaimKindBadge({ kind }: { kind: ClaimKind }) {
  return (
    <ToneBadge tone="brand">
      <span className="sr-only">Kind: </span>
      {labelOf(CLAIM_KIND_OPTIONS, kind)}
    </ToneBadge>
  );
}

export function ReviewStatusBadge({ status }: { status: ReviewStatus }) {
  const option = REVIEW_STATUS_OPTIONS.find((candidate) => candidate.value === status);
  return (
    <ToneBadge tone={option?.tone}>
      <span className="sr-only">Review status: </span>
      {option?.label ?? status}
    </ToneBadge>
  );
}

/** A claim without a verdict says so, rather than showing an empty slot. */
export function VerdictBadge({ verdict }: { verdict: Verdict | null }) {
  const option = VERDICT_OPTIONS.find((candidate) => candidate.value === verdict);
  return (
    <ToneBadge tone={option?.tone}>
      <span className="sr-only">Verdict: </span>
      {option?.label ?? "Not yet reviewed"}
    </ToneBadge>
  );
}
