// Where the document cited a source and the citation was stripped: the one gap reviewers most need to see.
import { BrokenLinkIcon } from "@/components/ui/icons";

export const LOST_CITATION_EXPLANATION = "The document cited a source here, but the citation was stripped.";

/**
 * Standalone marker with its explanation on hover and on keyboard focus. It is a button only so that keyboard
 * users can reach the explanation; pressing it does nothing else.
 */
export function LostCitationMarker({ id }: { id: string }) {
  return (
    <span className="group relative inline-flex align-middle">
      <button
        type="button"
        aria-describedby={id}
        className="inline-flex cursor-help items-center gap-1 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium tracking-normal text-amber-800 ring-1 ring-amber-600/30 ring-inset dark:bg-amber-400/10 dark:text-amber-300 dark:ring-amber-400/30"
      >
        <BrokenLinkIcon className="size-3.5" />
        citation lost
      </button>
      {/* Hidden from the accessibility tree so the explanation is not read into the surrounding heading; the
          button's aria-describedby still announces it. */}
      <span
        role="tooltip"
        id={id}
        aria-hidden="true"
        className="pointer-events-none invisible absolute top-full left-1/2 z-20 mt-2 w-60 -translate-x-1/2 rounded-lg bg-foreground px-3 py-2 text-left text-xs leading-relaxed font-normal tracking-normal text-background opacity-0 shadow-lg transition-opacity group-focus-within:visible group-focus-within:opacity-100 group-hover:visible group-hover:opacity-100"
      >
        {LOST_CITATION_EXPLANATION}
      </span>
    </span>
  );
}

/** Inline variant for running text inside a link, where no button may go; the hover title explains it. */
export function LostCitationBadge() {
  return (
    <sup
      title={LOST_CITATION_EXPLANATION}
      className="mx-0.5 inline-block rounded-full bg-amber-100 px-1.5 py-0.5 text-[0.7rem] leading-none font-medium whitespace-nowrap text-amber-900 no-underline dark:bg-amber-400/15 dark:text-amber-300"
    >
      <span aria-hidden="true">citation lost</span>
      <span className="sr-only">(citation lost: the document cited a source here, but it was stripped)</span>
    </sup>
  );
}
