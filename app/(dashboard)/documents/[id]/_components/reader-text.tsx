// The document as a reader sees it: headings, paragraphs, and every claim marked in place as a link to its page.
// Text is only ever rendered as React text nodes: an imported document may contain markup, which must stay inert.
import Link from "next/link";
import { Fragment, type ReactNode } from "react";
import { LostCitationBadge } from "@/components/claims/lost-citation";
import type { ReaderBlock, ReaderSegment } from "@/lib/data/documents";

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

function Run({ segment }: { segment: ReaderSegment }) {
  const claim = segment.mark;
  if (!claim) return <>{segment.text}</>;
  const at = claim.lostCitationAt;
  return (
    <Link
      href={`/claims/${claim.claimId}`}
      id={claim.first ? `claim-${claim.claimId}` : undefined}
      className="scroll-mt-40 rounded-sm bg-brand-soft box-decoration-clone px-0.5 text-foreground underline decoration-brand/30 underline-offset-4 transition-colors hover:bg-brand/15 hover:decoration-brand target:bg-amber-200 target:decoration-amber-600 target:ring-2 target:ring-amber-400 dark:target:bg-amber-400/25 dark:target:ring-amber-300/60"
    >
      {at === null ? (
        segment.text
      ) : (
        <>
          {segment.text.slice(0, at)}
          <LostCitationBadge />
          {segment.text.slice(at)}
        </>
      )}
    </Link>
  );
}
