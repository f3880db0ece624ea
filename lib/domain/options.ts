// Every enum the UI shows, with its label, in display order: filters, badges, charts and exports read these.
// Values come from the Prisma schema, so a new enum value fails the type check here until it has a label.

import type {
  ClaimKind,
  EntityKind,
  EntityRole,
  ReviewStatus,
  SourceKind,
  SourceRelation,
  SourceReliability,
  Verdict,
} from "@/lib/generated/prisma/enums.ts";

export interface Option<T extends string> {
  value: T;
  label: string;
  description?: string;
}

export type Tone = "neutral" | "positive" | "caution" | "negative" | "info";

export const CLAIM_KIND_OPTIONS: Option<ClaimKind>[] = [
  { value: "STATISTIC", label: "Statistic", description: "A figure: money, a share, a count" },
  { value: "EVENT", label: "Event", description: "Something that happened or is happening" },
  { value: "ASSESSMENT", label: "Assessment", description: "A judgement about a state of affairs" },
  { value: "FORECAST", label: "Forecast", description: "A statement about the future" },
  { value: "QUOTE", label: "Quote", description: "Words attributed to a person, in quotation marks" },
  {
    value: "ATTRIBUTION",
    label: "Attribution",
    description: "A claim the document attributes to someone else",
  },
];

export const REVIEW_STATUS_OPTIONS: (Option<ReviewStatus> & { tone: Tone })[] = [
  { value: "UNREVIEWED", label: "Unreviewed", tone: "neutral" },
  { value: "IN_REVIEW", label: "In review", tone: "info" },
  { value: "REVIEWED", label: "Reviewed", tone: "positive" },
];

/**
 * The verdict scale and its schema.org ClaimReview reviewRating: ratingValue on a 1 (false) to 5 (true) scale,
 * alternateName as the label. Unverifiable and opinion have no place on the truth scale, so no ratingValue.
 */
export const VERDICT_OPTIONS: (Option<Verdict> & { tone: Tone; ratingValue: number | null })[] = [
  { value: "SUPPORTED", label: "Supported", tone: "positive", ratingValue: 5 },
  { value: "MOSTLY_SUPPORTED", label: "Mostly supported", tone: "positive", ratingValue: 4 },
  { value: "MIXED", label: "Mixed", tone: "caution", ratingValue: 3 },
  { value: "MISLEADING", label: "Misleading", tone: "negative", ratingValue: 2 },
  { value: "UNSUPPORTED", label: "Unsupported", tone: "negative", ratingValue: 2 },
  { value: "FALSE", label: "False", tone: "negative", ratingValue: 1 },
  { value: "UNVERIFIABLE", label: "Unverifiable", tone: "neutral", ratingValue: null },
  { value: "OPINION", label: "Opinion", tone: "neutral", ratingValue: null },
];

/** What the Overview counts as supported and as disputed: the positive and the negative ends of the scale. */
export const SUPPORTED_VERDICTS: Verdict[] = VERDICT_OPTIONS.filter((o) => o.tone === "positive").map(
  (o) => o.value,
);
export const DISPUTED_VERDICTS: Verdict[] = VERDICT_OPTIONS.filter((o) => o.tone === "negative").map(
  (o) => o.value,
);

/** "none" is a filter value, not a verdict: claims not rated yet. */
export const NO_VERDICT_LABEL = "No verdict yet";

export const ENTITY_KIND_OPTIONS: Option<EntityKind>[] = [
  { value: "COMPANY", label: "Company" },
  { value: "PERSON", label: "Person" },
  { value: "MODEL", label: "Model" },
  { value: "CHIP", label: "Chip" },
  { value: "GOVERNMENT_BODY", label: "Government body" },
  { value: "PROGRAMME", label: "Programme" },
  { value: "PLACE", label: "Place" },
  { value: "INSTITUTION", label: "Institution" },
  { value: "PUBLICATION", label: "Publication or index" },
];

export const ENTITY_ROLE_OPTIONS: Option<EntityRole>[] = [
  { value: "SUBJECT", label: "Subject" },
  { value: "MENTIONED", label: "Mentioned" },
];

export const SOURCE_KIND_OPTIONS: Option<SourceKind>[] = [
  { value: "REPORT", label: "Report" },
  { value: "NEWS", label: "News" },
  { value: "INDEX", label: "Index" },
  { value: "ACADEMIC", label: "Academic" },
  { value: "GOVERNMENT", label: "Government" },
  { value: "COMPANY_STATEMENT", label: "Company statement" },
  { value: "SPEECH", label: "Speech" },
];

export const SOURCE_RELATION_OPTIONS: Option<SourceRelation>[] = [
  {
    value: "CITED_IN_TEXT",
    label: "Cited in text",
    description: "The document names this source for the claim",
  },
  { value: "SUPPORTS", label: "Supports" },
  { value: "CONTRADICTS", label: "Contradicts" },
  { value: "CONTEXT", label: "Context", description: "Background a reviewer should read" },
];

/** Admiralty code for source reliability. */
export const SOURCE_RELIABILITY_OPTIONS: Option<SourceReliability>[] = [
  { value: "A", label: "A · Completely reliable" },
  { value: "B", label: "B · Usually reliable" },
  { value: "C", label: "C · Fairly reliable" },
  { value: "D", label: "D · Not usually reliable" },
  { value: "E", label: "E · Unreliable" },
  { value: "F", label: "F · Reliability cannot be judged" },
];

export function labelOf<T extends string>(options: Option<T>[], value: T): string {
  return options.find((option) => option.value === value)?.label ?? value;
}
