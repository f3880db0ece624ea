// What a draft shows besides its text: the banner that says who sees it (with the admins' Publish button), the list
// of candidate claims the marks in the text link to, the entities it proposes and the sentences it left out.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ExternalLink } from "@/components/ui/external-link";
import { AlertIcon } from "@/components/ui/icons";
import { ClaimKindBadge, ToneBadge } from "@/components/ui/tone-badge";
import type { DraftCandidate, DraftDetails, DraftProposedEntity } from "@/lib/data/documents";
import { ENTITY_KIND_OPTIONS, ENTITY_ROLE_OPTIONS, labelOf } from "@/lib/domain/options";
import { formatCount } from "@/lib/format";
import { PublishDraft } from "./publish-draft";

/** The id of a candidate's entry in the candidate list, which its marks in the text link to. */
export function candidateEntryId(candidateId: number): string {
  return `candidate-${candidateId}-entry`;
}

const proposalId = (id: number) => `proposed-${id}`;

const LINK = "font-medium text-brand underline-offset-4 hover:underline";
const PANEL_HEADING = "text-xs font-medium tracking-wide text-muted-foreground uppercase";

export function DraftBanner({
  documentId,
  candidates,
  canPublish,
}: {
  documentId: number;
  candidates: number;
  canPublish: boolean;
}) {
  return (
    <section
      aria-label="Draft"
      className="mb-6 flex flex-col gap-4 rounded-xl border border-amber-300 bg-amber-50 px-5 py-4 text-amber-950 sm:flex-row sm:items-start sm:justify-between dark:border-amber-400/30 dark:bg-amber-400/10 dark:text-amber-50"
    >
      <div className="flex gap-3">
        <AlertIcon className="mt-0.5 size-5 shrink-0 text-amber-700 dark:text-amber-300" />
        <div className="flex flex-col gap-1">
          <p className="font-semibold">Draft: only reviewers and admins see this document.</p>
          <p className="text-sm">
            The importer found {formatCount(candidates, "candidate claim", "candidate claims")}, marked in the
            text.{" "}
            {canPublish
              ? "Publishing makes them claims that everyone sees, in the claims table, the Overview, exports and the API."
              : "They become claims that everyone sees once an admin publishes the draft."}
          </p>
        </div>
      </div>
      {canPublish ? <PublishDraft documentId={documentId} candidates={candidates} /> : null}
    </section>
  );
}

/** Every candidate with what publishing links it to; each mark in the text links here, and each entry back. */
export function CandidateList({ candidates }: { candidates: DraftCandidate[] }) {
  return (
    <Card className="mt-6 px-5 py-6 sm:px-10">
      <section aria-labelledby="candidates-heading">
        <h2 id="candidates-heading" className="text-lg font-semibold tracking-tight">
          Candidate claims <span className="font-normal text-muted-foreground">({candidates.length})</span>
        </h2>
        <p className="mt-1 text-sm text-muted-foreground">
          In reading order, each with the entities it names and what it cites.
        </p>
        {candidates.length === 0 ? (
          <p className="mt-4 text-sm">The importer found no claim in this document.</p>
        ) : (
          <ol className="mt-2 flex flex-col divide-y">
            {candidates.map((candidate, index) => (
              <CandidateEntry key={candidate.id} candidate={candidate} number={index + 1} />
            ))}
          </ol>
        )}
      </section>
    </Card>
  );
}

function CandidateEntry({ candidate, number }: { candidate: DraftCandidate; number: number }) {
  const { entities, proposed, sources, references } = candidate;
  return (
    <li
      id={candidateEntryId(candidate.id)}
      aria-label={`Candidate claim ${number}`}
      className="-mx-2 scroll-mt-32 rounded-md px-2 py-4 target:bg-amber-50 dark:target:bg-amber-400/10"
    >
      <div className="flex flex-wrap items-center gap-1.5">
        <ClaimKindBadge kind={candidate.kind} />
        {candidate.citationMissing ? <ToneBadge tone="caution">Citation lost</ToneBadge> : null}
      </div>
      <p className="mt-2 text-sm leading-relaxed">{candidate.text}</p>
      <dl className="mt-3 grid gap-x-4 gap-y-1.5 text-sm sm:grid-cols-[7rem_minmax(0,1fr)]">
        <dt className="text-muted-foreground">Entities</dt>
        <dd>
          {entities.length === 0 && proposed.length === 0 ? (
            <span className="text-muted-foreground">none found</span>
          ) : (
            <ul className="flex flex-wrap gap-x-3 gap-y-1">
              {entities.map((entity) => (
                <li key={`${entity.id}-${entity.role}`}>
                  <Link href={`/entities/${entity.id}`} className={LINK}>
                    {entity.name}
                  </Link>{" "}
                  <span className="text-muted-foreground">
                    ({labelOf(ENTITY_ROLE_OPTIONS, entity.role).toLowerCase()})
                  </span>
                </li>
              ))}
              {proposed.map((proposal) => (
                <li key={`proposed-${proposal.id}`}>
                  <a href={`#${proposalId(proposal.id)}`} className={LINK}>
                    {proposal.name}
                  </a>{" "}
                  <span className="text-muted-foreground">(proposed, not in the catalog)</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt className="text-muted-foreground">Cites</dt>
        <dd>
          {sources.length === 0 && references.length === 0 ? (
            <span className="text-muted-foreground">nothing</span>
          ) : (
            <ul className="flex flex-col gap-1">
              {sources.map((source) => (
                <li key={`source-${source.id}`}>
                  <Link href={`/sources/${source.id}`} className={LINK}>
                    {source.title}
                  </Link>
                </li>
              ))}
              {references.map((reference, index) => {
                const title = referenceTitle(reference);
                return (
                  <li
                    key={`reference-${index}`}
                    className="flex flex-wrap items-baseline gap-x-2 break-words"
                  >
                    {reference.label ? (
                      <span className="text-muted-foreground">[{reference.label}]</span>
                    ) : null}
                    {title ? <span>{title}</span> : null}
                    {reference.url ? <ExternalLink url={reference.url} /> : null}
                  </li>
                );
              })}
            </ul>
          )}
        </dd>
      </dl>
      <a href={`#candidate-${candidate.id}`} className={`mt-3 inline-block text-sm ${LINK}`}>
        Back to the text<span className="sr-only"> of candidate claim {number}</span>
      </a>
    </li>
  );
}

/** A note's text without the address it ends with, which is shown as a link beside it. */
function referenceTitle({ title, url }: DraftCandidate["references"][number]): string | null {
  const text = url ? title?.replace(url, "").replace(/[\s,;:.]+$/u, "") : title;
  return text?.trim() || null;
}

/** Names the catalog does not know, with the kind the importer guessed and the parent it suggests. */
export function ProposedEntities({ proposals }: { proposals: DraftProposedEntity[] }) {
  return (
    <Card className="p-5">
      <section aria-labelledby="proposed-heading">
        <h2 id="proposed-heading" className={PANEL_HEADING}>
          Proposed entities <span className="tabular-nums">({proposals.length})</span>
        </h2>
        <p className="mt-1 text-sm text-muted-foreground">
          {proposals.length === 0
            ? "Every name in the text is in the catalog."
            : "Names the catalog does not know yet. Publishing links claims to catalog entities only."}
        </p>
        {proposals.length ? (
          <ul className="mt-3 flex flex-col gap-3 text-sm">
            {proposals.map((proposal) => (
              <li key={proposal.id} id={proposalId(proposal.id)} className="scroll-mt-32">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <span className="font-medium">{proposal.name}</span>
                  <ToneBadge>
                    <span className="sr-only">Kind: </span>
                    {labelOf(ENTITY_KIND_OPTIONS, proposal.kind)}
                  </ToneBadge>
                </div>
                <p className="mt-0.5 text-xs text-muted-foreground">
                  {proposal.parent ? (
                    <>
                      Under{" "}
                      {proposal.parent.type === "entity" ? (
                        <Link href={`/entities/${proposal.parent.id}`} className={LINK}>
                          {proposal.parent.name}
                        </Link>
                      ) : (
                        <>
                          <a href={`#${proposalId(proposal.parent.id)}`} className={LINK}>
                            {proposal.parent.name}
                          </a>{" "}
                          (proposed)
                        </>
                      )}
                      {" · "}
                    </>
                  ) : null}
                  {formatCount(proposal.mentions, "mention", "mentions")}
                </p>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </Card>
  );
}

/** The sentences the rules left out, each with why: collapsed, since a reviewer opens them only to check. */
export function SkippedSentences({ skipped }: { skipped: DraftDetails["skipped"] }) {
  return (
    <details className="group rounded-xl border bg-surface">
      <summary className="cursor-pointer px-5 py-3 text-sm font-medium">
        Skipped sentences <span className="text-muted-foreground tabular-nums">({skipped.length})</span>
      </summary>
      <div className="border-t px-5 py-3">
        {skipped.length === 0 ? (
          <p className="text-sm text-muted-foreground">No sentence was left out.</p>
        ) : (
          <ol aria-label="Skipped sentences, in reading order" className="flex flex-col gap-3 text-sm">
            {skipped.map((sentence) => (
              <li key={sentence.id} className="break-words">
                <p>{sentence.text}</p>
                <p className="mt-0.5 text-xs text-muted-foreground">Skipped: {sentence.reason}</p>
              </li>
            ))}
          </ol>
        )}
      </div>
    </details>
  );
}
