// A citation that was stripped on copy leaves a telltale: a space before the sentence's final period
// ("…of AI development .") or an empty bracket where the marker stood ("…in 2024 [ ]."). A reviewer must know a
// source existed there.

const LOST_CITATION = /\s+([.!?])["”’)]*$/u;
const EMPTY_MARKER = /\s?\[\s*\]/u;

export function hasLostCitation(sentence: string): boolean {
  return LOST_CITATION.test(sentence) || EMPTY_MARKER.test(sentence);
}

/** UTF-16 index in `sentence` where the lost citation stood, or null. */
export function lostCitationIndex(sentence: string): number | null {
  const match = LOST_CITATION.exec(sentence) ?? EMPTY_MARKER.exec(sentence);
  return match ? match.index : null;
}
