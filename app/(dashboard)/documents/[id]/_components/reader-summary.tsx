import { LostCitationBadge } from "@/components/claims/lost-citation";
import { Card } from "@/components/ui/card";
import type { DocumentForReader } from "@/lib/data/documents";
import { formatNumber } from "@/lib/format";

/** Figures and a key for the marks in the text: claims, or in a draft its candidate claims. */
export function ReaderSummary({ document }: { document: DocumentForReader }) {
  const draft = document.draft !== null;
  return (
    <Card className="p-5">
      <h2 className="sr-only">Summary</h2>
      <dl className="grid grid-cols-2 gap-3">
        <div>
          <dt className="text-xs font-medium text-muted-foreground">
            {draft ? "Candidate claims" : "Claims"}
          </dt>
          <dd className="text-2xl font-semibold tracking-tight tabular-nums">
            {formatNumber(document.claims)}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-muted-foreground">Lost citation</dt>
          <dd className="text-2xl font-semibold tracking-tight text-warning tabular-nums">
            {formatNumber(document.lostCitations)}
          </dd>
        </div>
      </dl>
      <ul className="mt-4 flex flex-col gap-2 border-t pt-4 text-sm text-muted-foreground">
        <li>
          <span className="rounded-sm bg-brand-soft px-1 text-foreground underline decoration-brand/30 underline-offset-4">
            Marked text
          </span>{" "}
          {draft
            ? "is a candidate claim, with its kind; open it to see its entities and what it cites."
            : "is a claim; open it to review."}
        </li>
        <li>
          <LostCitationBadge /> stands where the document cited a source that was stripped.
        </li>
      </ul>
    </Card>
  );
}

/** The sections as links into the text, each with its number of claims (a draft's: candidate claims). */
export function ReaderContents({
  sections,
  draft,
}: {
  sections: DocumentForReader["sections"];
  draft: boolean;
}) {
  const [one, many] = draft ? ["candidate claim", "candidate claims"] : ["claim", "claims"];
  return (
    <ol className="flex flex-col gap-0.5 text-sm">
      {sections.map((section) => (
        <li key={section.id}>
          <a
            href={`#section-${section.id}`}
            className={
              section.level === 1
                ? "flex items-baseline justify-between gap-3 rounded-md px-2 py-1 font-medium text-foreground hover:bg-muted"
                : "flex items-baseline justify-between gap-3 rounded-md py-1 pr-2 pl-5 text-muted-foreground hover:bg-muted hover:text-foreground"
            }
          >
            <span>{section.heading}</span>
            {section.claims > 0 ? (
              <span className="text-xs text-muted-foreground tabular-nums">
                {section.claims}
                <span className="sr-only"> {section.claims === 1 ? one : many}</span>
              </span>
            ) : null}
          </a>
        </li>
      ))}
    </ol>
  );
}
