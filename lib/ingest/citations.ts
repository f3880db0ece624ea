// The article's citation markers were stripped on copy, leaving a telltale space before the
// sentence's final period: "…of AI development ." A reviewer must know a source existed there.

const LOST_CITATION = /\s+([.!?])["”’)]*$/u;

export function hasLostCitation(sentence: string): boolean {
  return LOST_CITATION.test(sentence);
}

/** UTF-16 index in `sentence` where the lost citation stood, or null. */
export function lostCitationIndex(sentence: string): number | null {
  const match = LOST_CITATION.exec(sentence);
  return match ? match.index : null;
}
