// The claims table's columns. Each column's meta names it, says which server sort it stands for, declares the
// filters that belong to it with their options and counts (the toolbar is built from those) and renders its cell.
import { clsx } from "clsx";
import Link from "next/link";
import { Fragment, type ReactNode } from "react";
import {
  columnVisibilityFeature,
  createColumnHelper,
  type CellData,
  type HeaderContext,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
} from "@tanstack/react-table";
import { TONES } from "@/components/ui/tone-badge";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import type { DataTableOption } from "@/components/data-table/data-table-option-list";
import type { ClaimFacets, ClaimRow } from "@/lib/data/claims";
import { segmentText } from "@/lib/data/text-segments";
import {
  CLAIM_KIND_OPTIONS,
  ENTITY_KIND_OPTIONS,
  NO_VERDICT_LABEL,
  REVIEW_STATUS_OPTIONS,
  VERDICT_OPTIONS,
  labelOf,
  type Tone,
} from "@/lib/domain/options";
import { formatDate, formatNumber } from "@/lib/format";
import type { SortColumn } from "@/lib/validations/claims";

/** Query fields a filter menu sets; the entity typeahead sets `entities`. */
type ClaimsFilterKey =
  | "kinds"
  | "sectors"
  | "statuses"
  | "verdicts"
  | "documentId"
  | "sectionIds"
  | "citationMissing"
  | "hasSources"
  | "hasQuantities"
  | "assignees";

export type ClaimsFilter =
  | {
      variant: "multiSelect" | "singleSelect";
      key: ClaimsFilterKey;
      title: string;
      options: DataTableOption[];
      /** Yes/no flags come after the facets in the toolbar. */
      flag?: boolean;
    }
  | { variant: "typeahead"; key: "entities"; title: string; options: DataTableOption[] };

export interface ClaimsColumnMeta {
  label: string;
  /** The server sort this column's header asks for; a column without one cannot be sorted. */
  sortKey?: Exclude<SortColumn, "relevance">;
  filters?: ClaimsFilter[];
  /** Classes of the column's cells; widths and alignment are for the table layout (md: and up), not the phone cards. */
  className?: string;
  /** The column's cell for a claim (see ClaimsTable's body for why not TanStack's `cell`). */
  renderCell: (claim: ClaimRow) => ReactNode;
}

export const claimsTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  columnMeta: metaHelper<ClaimsColumnMeta>(),
});

const helper = createColumnHelper<typeof claimsTableFeatures, ClaimRow>();

function columnHeader<TValue extends CellData>({
  column,
}: HeaderContext<typeof claimsTableFeatures, ClaimRow, TValue>) {
  return (
    <DataTableColumnHeader
      column={column}
      label={column.columnDef.meta?.label ?? column.id}
      id={`claims-sort-${column.id}`}
    />
  );
}

const YES_NO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
] as const;

function withCounts(
  options: readonly { value: string; label: string; description?: string }[],
  counts: Record<string, number>,
): DataTableOption[] {
  return options.map((option) => ({ ...option, count: counts[option.value] ?? 0 }));
}

function flag(key: ClaimsFilterKey, title: string, counts: Record<string, number>): ClaimsFilter {
  return { variant: "singleSelect", key, title, options: withCounts(YES_NO, counts), flag: true };
}

export function entityKindLabel(kind: string): string {
  return ENTITY_KIND_OPTIONS.find((option) => option.value === kind)?.label ?? kind;
}

/** `sectionFilter`: offer the section menu (once a document is chosen, or when the URL already names sections). */
export function getClaimsTableColumns(facets: ClaimFacets, { sectionFilter }: { sectionFilter: boolean }) {
  const severalDocuments = facets.documents.length > 1;
  return helper.columns([
    helper.accessor("text", {
      id: "claim",
      header: columnHeader,
      enableSorting: false,
      enableHiding: false,
      meta: {
        label: "Claim",
        className: "md:min-w-[18rem]",
        filters: [
          flag("citationMissing", "Citation missing", facets.columns.citationMissing),
          flag("hasQuantities", "Has quantities", facets.columns.hasQuantities),
        ],
        renderCell: (claim) => <ClaimCell claim={claim} />,
      },
    }),
    helper.accessor("kind", {
      id: "kind",
      header: columnHeader,
      meta: {
        label: "Kind",
        sortKey: "kind",
        className: "text-[13px] whitespace-nowrap",
        filters: [
          {
            variant: "multiSelect",
            key: "kinds",
            title: "Kind",
            options: withCounts(CLAIM_KIND_OPTIONS, facets.columns.kind),
          },
        ],
        renderCell: (claim) => labelOf(CLAIM_KIND_OPTIONS, claim.kind),
      },
    }),
    helper.display({
      id: "sectors",
      header: columnHeader,
      meta: {
        label: "Sectors",
        className: "md:min-w-[9rem] md:max-w-[10rem]",
        filters: [{ variant: "multiSelect", key: "sectors", title: "Sector", options: facets.sectors }],
        renderCell: (claim) => (
          <ul className="flex flex-wrap gap-1">
            {claim.sectors.map((sector) => (
              <li key={sector.slug} className="rounded bg-muted px-1.5 py-0.5 text-[11px] leading-4">
                {sector.name}
              </li>
            ))}
          </ul>
        ),
      },
    }),
    helper.display({
      id: "entities",
      header: columnHeader,
      meta: {
        label: "Entities",
        className: "text-[13px] md:min-w-[8rem] md:max-w-[11rem]",
        filters: [
          {
            variant: "typeahead",
            key: "entities",
            title: "Entity",
            options: facets.entities.map((entity) => ({
              value: entity.value,
              label: entity.label,
              description: entityKindLabel(entity.kind),
              count: entity.count,
            })),
          },
        ],
        renderCell: (claim) => <EntitiesCell entities={claim.entities} />,
      },
    }),
    helper.accessor("status", {
      id: "status",
      header: columnHeader,
      meta: {
        label: "Status",
        sortKey: "status",
        filters: [
          {
            variant: "multiSelect",
            key: "statuses",
            title: "Status",
            options: withCounts(REVIEW_STATUS_OPTIONS, facets.columns.status),
          },
          ...(facets.assignees
            ? [
                {
                  variant: "multiSelect" as const,
                  key: "assignees" as const,
                  title: "Assignee",
                  options: facets.assignees,
                },
              ]
            : []),
        ],
        renderCell: (claim) => {
          const option = REVIEW_STATUS_OPTIONS.find((o) => o.value === claim.status);
          return option ? <ToneBadge tone={option.tone}>{option.label}</ToneBadge> : null;
        },
      },
    }),
    helper.accessor("verdict", {
      id: "verdict",
      header: columnHeader,
      meta: {
        label: "Verdict",
        sortKey: "verdict",
        filters: [
          {
            variant: "multiSelect",
            key: "verdicts",
            title: "Verdict",
            options: withCounts(
              [...VERDICT_OPTIONS, { value: "none", label: NO_VERDICT_LABEL }],
              facets.columns.verdict,
            ),
          },
        ],
        renderCell: (claim) => {
          const option = VERDICT_OPTIONS.find((o) => o.value === claim.verdict);
          if (!option) {
            return (
              <span className="text-muted-foreground">
                <span aria-hidden="true">—</span>
                <span className="sr-only">{NO_VERDICT_LABEL}</span>
              </span>
            );
          }
          return <ToneBadge tone={option.tone}>{option.label}</ToneBadge>;
        },
      },
    }),
    helper.accessor("sourceCount", {
      id: "sources",
      header: columnHeader,
      meta: {
        label: "Sources",
        className: "md:text-right",
        filters: [flag("hasSources", "Has sources", facets.columns.hasSources)],
        renderCell: (claim) => (
          <span className={clsx("tabular-nums", claim.sourceCount === 0 && "text-muted-foreground")}>
            {formatNumber(claim.sourceCount)}
          </span>
        ),
      },
      enableSorting: false,
    }),
    helper.accessor((row) => row.section.heading, {
      id: "section",
      header: columnHeader,
      meta: {
        label: "Section",
        // Sections follow the document, so sorting by section is reading order.
        sortKey: "position",
        className: "text-xs md:min-w-[7rem] md:max-w-[9rem]",
        filters: [
          { variant: "singleSelect", key: "documentId", title: "Document", options: facets.documents },
          ...(sectionFilter
            ? [
                {
                  variant: "multiSelect" as const,
                  key: "sectionIds" as const,
                  title: "Section",
                  options: facets.sections,
                },
              ]
            : []),
        ],
        renderCell: (claim) => {
          const heading = <span className="line-clamp-2">{claim.section.heading}</span>;
          // A phone card gives each cell one grid slot beside its label, so two lines need a wrapper.
          return severalDocuments ? (
            <span className="flex flex-col gap-0.5">
              {heading}
              <span className="line-clamp-1 text-xs text-muted-foreground">{claim.document.title}</span>
            </span>
          ) : (
            heading
          );
        },
      },
    }),
    helper.accessor("updatedAt", {
      id: "updated",
      header: columnHeader,
      sortDescFirst: true,
      meta: {
        label: "Updated",
        sortKey: "updated",
        className: "text-xs",
        renderCell: (claim) => (
          <time dateTime={claim.updatedAt.toISOString()} className="whitespace-nowrap text-muted-foreground">
            {formatDate(claim.updatedAt)}
          </time>
        ),
      },
    }),
  ]);
}

function ClaimCell({ claim }: { claim: ClaimRow }) {
  return (
    <>
      <Link
        href={`/claims/${claim.id}`}
        // A page of claims would prefetch every claim's page, each a round of database reads.
        prefetch={false}
        className="rounded-sm text-pretty text-foreground decoration-brand/50 underline-offset-[3px] hover:underline"
      >
        <HighlightedText text={claim.text} spans={claim.highlights} />
      </Link>
      {claim.citationMissing ? (
        <span
          title="The document cites a source for this sentence, but the citation was lost from the text."
          className="mt-1 flex w-fit items-center gap-1 rounded border border-warning/30 px-1.5 text-[0.6875rem] leading-5 font-medium text-warning"
        >
          Citation lost
        </span>
      ) : null}
    </>
  );
}

/** Marks the search matches; spans are code-point offsets, so text is cut by code point, never by UTF-16 unit. */
function HighlightedText({ text, spans }: { text: string; spans: readonly [number, number][] }) {
  if (!spans.length) return text;
  return segmentText(
    text,
    spans.map(([start, end]) => ({ start, end, mark: true })),
  ).map((segment, index) =>
    segment.mark ? (
      <mark
        key={index}
        className="rounded-[3px] bg-amber-200/70 px-px text-inherit dark:bg-amber-300/25 dark:text-amber-50"
      >
        {segment.text}
      </mark>
    ) : (
      segment.text
    ),
  );
}

/** Enough names to recognise the claim at a glance; the rest is one hover (or screen reader) away. */
const MAX_ENTITIES = 4;

function EntitiesCell({ entities }: { entities: ClaimRow["entities"] }) {
  if (!entities.length) return <span className="text-muted-foreground">—</span>;
  const shown = entities.slice(0, MAX_ENTITIES);
  const rest = entities.slice(MAX_ENTITIES);
  // Names as text rather than an element each: a page of 25 rows renders and hydrates ~100 fewer elements.
  return (
    <p className="leading-snug text-muted-foreground">
      {shown.map((entity, index) => (
        <Fragment key={entity.slug}>
          {index ? ", " : null}
          {entity.role === "SUBJECT" ? (
            <strong className="font-semibold text-foreground" title="Subject of the claim">
              {entity.name}
            </strong>
          ) : (
            entity.name
          )}
        </Fragment>
      ))}
      {rest.length ? (
        <span
          title={rest.map((entity) => entity.name).join(", ")}
          className="ml-1 rounded bg-muted px-1 text-xs whitespace-nowrap"
        >
          +{rest.length}
          <span className="sr-only"> more: {rest.map((entity) => entity.name).join(", ")}</span>
        </span>
      ) : null}
    </p>
  );
}

function ToneBadge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <span
      className={clsx(
        "inline-flex items-center rounded-md px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        TONES[tone],
      )}
    >
      {children}
    </span>
  );
}
