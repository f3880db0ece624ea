// Where each number of a chart leads: the claims table's query for exactly the claims it counts, built from the
// query the chart was drawn under. Each chart's statement in overview-sql.ts is written so that these hold.
import type { ClaimKind, ReviewStatus } from "@/lib/generated/prisma/enums.ts";
import type { Sourcing } from "@/lib/data/overview";
import type { SectorFigure } from "@/lib/data/sectors";
import { DISPUTED_VERDICTS, SUPPORTED_VERDICTS } from "@/lib/domain/options";
import {
  DEFAULT_CLAIMS_QUERY,
  serializeClaimsQuery,
  type ClaimsQuery,
  type VerdictFilter,
} from "@/lib/validations/claims";

/** A drill-down starts on page 1 of the table, whatever page the filters came from. */
function drill(query: ClaimsQuery, patch: Partial<ClaimsQuery>): ClaimsQuery {
  return { ...query, ...patch, page: 1 };
}

/**
 * The chosen values within the filter already in force: a figure counted under "status: In review, Reviewed" and
 * restricted to Reviewed must stay inside both. Empty when they do not meet (the figure is then 0).
 */
function within<T extends string>(current: T[], chosen: T[]): T[] {
  return current.length ? chosen.filter((value) => current.includes(value)) : chosen;
}

const SOURCING_FLAGS: Record<Sourcing, Pick<ClaimsQuery, "hasSources" | "citationMissing">> = {
  sourced: { hasSources: "yes", citationMissing: null },
  lost: { hasSources: "no", citationMissing: "yes" },
  unsourced: { hasSources: "no", citationMissing: "no" },
};

/** Sourced keeps a citation filter in force; the other two set both flags, which their counts already respect. */
export function withSourcing(query: ClaimsQuery, sourcing: Sourcing): ClaimsQuery {
  const flags = SOURCING_FLAGS[sourcing];
  return drill(query, { ...flags, citationMissing: flags.citationMissing ?? query.citationMissing });
}

/** Sector bars ignore the sector filter (see sectorBreakdownSql), so the bar's sector replaces it. */
export function withSector(query: ClaimsQuery, slug: string): ClaimsQuery {
  return drill(query, { sectors: [slug] });
}

export function withVerdicts(query: ClaimsQuery, verdicts: VerdictFilter[]): ClaimsQuery {
  return drill(query, { verdicts: within(query.verdicts, verdicts) });
}

/** For charts that count verdicts ignoring the verdict filter, as the table's facet does. */
export function withVerdict(query: ClaimsQuery, verdict: VerdictFilter): ClaimsQuery {
  return drill(query, { verdicts: [verdict] });
}

/** Entity filters add up ("names A and B"), so a co-mention adds to those already chosen. */
export function withEntities(query: ClaimsQuery, ...slugs: string[]): ClaimsQuery {
  return drill(query, { entities: [...new Set([...query.entities, ...slugs])] });
}

/** The kind chart counts kinds ignoring the kind filter, as the table's facet does. */
export function withKind(query: ClaimsQuery, kind: ClaimKind): ClaimsQuery {
  return drill(query, { kinds: [kind] });
}

/** The status counts ignore the status filter, as the table's facet does. */
export function withStatus(query: ClaimsQuery, status: ReviewStatus): ClaimsQuery {
  return drill(query, { statuses: [status] });
}

export function withStatuses(query: ClaimsQuery, statuses: ReviewStatus[]): ClaimsQuery {
  return drill(query, { statuses: within(query.statuses, statuses) });
}

export function withSection(query: ClaimsQuery, section: { id: number; documentId: number }): ClaimsQuery {
  return drill(query, { documentId: section.documentId, sectionIds: [section.id] });
}

export function withReviewWeek(query: ClaimsQuery, week: string, status: ReviewStatus): ClaimsQuery {
  return drill(query, { updatedWeek: week, statuses: within(query.statuses, [status]) });
}

export function withFlag(query: ClaimsQuery, flag: "citationMissing" | "hasSources"): ClaimsQuery {
  return drill(query, { [flag]: "yes" });
}

/** A figure of the sector index (getSectors): the sector's claims, narrowed as the figure counts them. */
export function sectorFigureQuery(slug: string, figure: SectorFigure): ClaimsQuery {
  const sector = withSector(DEFAULT_CLAIMS_QUERY, slug);
  switch (figure) {
    case "claims":
      return sector;
    case "citationMissing":
      return withFlag(sector, "citationMissing");
    case "sourced":
      return withFlag(sector, "hasSources");
    case "supported":
      return withVerdicts(sector, SUPPORTED_VERDICTS);
    case "disputed":
      return withVerdicts(sector, DISPUTED_VERDICTS);
    case "unrated":
      return withVerdict(sector, "none");
  }
}

export function claimsHref(query: ClaimsQuery): string {
  const search = serializeClaimsQuery(query).toString();
  return search ? `/claims?${search}` : "/claims";
}
