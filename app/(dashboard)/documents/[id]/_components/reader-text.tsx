// The document as a reader sees it: headings, paragraphs, and every claim marked in place as a link to its page; in a
// draft, every candidate claim marked the same way, with its kind, as a link to its entry in the candidate list.
// Text is only ever rendered as React text nodes: an imported document may contain markup, which must stay inert.
import Link from "next/link";
import { Fragment, type ReactNode } from "react";
import { LostCitationBadge } from "@/components/claims/lost-citation";
import { markAnchor, type ReaderBlock, type ReaderSegment } from "@/lib/data/documents";
import { CLAIM_KIND_OPTIONS, labelOf } from "@/lib/domain/options";
import { candidateEntryId } from "./draft-panels";

/** `byline` goes under the title line, or first when the text opens without one. */
export function ReaderText({ blocks, byline }: { blocks: ReaderBlock[]; byline: ReactNode }) {
  const titled = blocks[0]?.type === "title";
  return (
    <div className="flex flex-col gap-5 text-[1.0625rem] leading-8 text-pretty">
      {titled ? null : byline}
      {blocks.map((block, index) => (
        <Fragment key={index}>
          <Block block={block} />
          {titled && index === 0 ? byline : null}
        </Fragment>
      ))}
    </div>
  );
}

function Block({ block }: { block: ReaderBlock }) {
  const content = block.segments.map((segment, index) => <Run key={index} segment={segment} />);
  switch (block.type) {
    case "title":
      return (
        <h1 className="mb-2 text-2xl leading-tight font-semibold tracking-tight text-balance sm:text-3xl">
          {content}
        </h1>
      );
    case "heading":
      return block.level === 1 ? (
        <h2
          id={`section-${block.sectionId}`}
          className="mt-4 scroll-mt-32 border-t pt-8 text-xl leading-snug font-semibold tracking-tight text-balance"
        >
          {content}
        </h2>
      ) : (
        <h3
          id={`section-${block.sectionId}`}
          className="mt-2 -mb-2 scroll-mt-32 text-base leading-snug font-semibold text-balance"
        >
          {content}
        </h3>
      );
    case "paragraph":
      // Blank lines separate paragraphs in the source; they carry no text of their own.
      if (block.segments.every((segment) => !segment.text.trim())) return null;
      return <p>{content}</p>;
  }
}

const MARK =
  "scroll-mt-40 rounded-sm bg-brand-soft box-decoration-clone px-0.5 text-foreground underline decoration-brand/30 underline-offset-4 transition-colors hover:bg-brand/15 hover:decoration-brand target:bg-amber-200 target:decoration-amber-600 target:ring-2 target:ring-amber-400 dark:target:bg-amber-400/25 dark:target:ring-amber-300/60";

function Run({ segment }: { segment: ReaderSegment }) {
  const mark = segment.mark;
  if (!mark) return <>{segment.text}</>;
  const at = mark.lostCitationAt;
  const text =
    at === null ? (
      segment.text
    ) : (
      <>
        {segment.text.slice(0, at)}
        <LostCitationBadge />
        {segment.text.slice(at)}
      </>
    );
  const id = mark.first ? markAnchor(mark) : undefined;
  if (mark.type === "claim") {
    return (
      <Link href={`/claims/${mark.claimId}`} id={id} className={MARK}>
        {text}
      </Link>
    );
  }
  return (
    <a href={`#${candidateEntryId(mark.candidateId)}`} id={id} className={MARK}>
      {mark.first ? (
        <>
          <span
            aria-hidden="true"
            className="mr-1 inline-block rounded-sm px-1 align-[0.1em] text-[0.7rem] leading-snug font-medium tracking-wide text-brand uppercase no-underline ring-1 ring-brand/30 ring-inset"
          >
            {labelOf(CLAIM_KIND_OPTIONS, mark.kind)}
          </span>
          <span className="sr-only">Candidate claim, {labelOf(CLAIM_KIND_OPTIONS, mark.kind)}: </span>
        </>
      ) : null}
      {text}
    </a>
  );
}
