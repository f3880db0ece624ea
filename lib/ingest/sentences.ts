// Sentence splitting: Unicode's sentence rules (Intl.Segmenter, which also ends sentences at 。！？), with the
// guards those rules lack for report prose: abbreviations ("U.S.", "Inc.", "No. 3", "Dr."), initials, and
// citation markers that follow the full stop ("…in 2024.[3] Next").

export interface Span {
  /** UTF-16 offsets into the text the span was cut from. */
  start: number;
  end: number;
  text: string;
}

const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "sr",
  "jr",
  "st",
  "vs",
  "etc",
  "inc",
  "ltd",
  "co",
  "corp",
  "plc",
  "llc",
  "no",
  "nos",
  "fig",
  "figs",
  "vol",
  "pp",
  "ch",
  "art",
  "para",
  "approx",
  "dept",
  "gov",
  "govt",
  "est",
  "gen",
  "sen",
  "rep",
  "pres",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "e.g",
  "i.e",
  "cf",
  "al",
]);

/** Words that begin a new sentence after a dotted acronym ("…made in the U.S. The ban…"). */
const SENTENCE_OPENERS = new Set([
  "the",
  "a",
  "an",
  "this",
  "that",
  "these",
  "those",
  "it",
  "its",
  "he",
  "she",
  "they",
  "we",
  "i",
  "there",
  "but",
  "and",
  "in",
  "on",
  "at",
  "for",
  "since",
  "after",
  "before",
  "when",
  "while",
  "as",
  "if",
  "yet",
  "so",
  "however",
  "meanwhile",
]);

/** The word before a period is an abbreviation, so that period does not end the sentence. */
function endsWithAbbreviation(textBeforePeriod: string, nextWord: string): boolean {
  const word = /([\p{L}.]+)$/u.exec(textBeforePeriod)?.[1] ?? "";
  if (/^(?:\p{Lu}\.)+\p{Lu}$/u.test(word)) return !SENTENCE_OPENERS.has(nextWord.toLowerCase()); // "U.S", "P.R.C"
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. Smith"
  return ABBREVIATIONS.has(word.toLowerCase());
}

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** Splits text into sentences, trimmed, with offsets into `text` shifted by `offset`. */
export function splitSentences(text: string, offset = 0): Span[] {
  const cuts = new Set<number>();
  for (const { index } of segmenter.segment(text)) if (index > 0) cuts.add(index);
  // Unicode's rules keep "…follow. 2025 was busy." together because a lower-case word follows the digits.
  for (const match of text.matchAll(/[.!?]["”’)\]]*\s+(?=\p{N})/gu)) cuts.add(match.index + match[0].length);

  const kept: number[] = [];
  for (let cut of [...cuts].sort((a, b) => a - b)) {
    // A citation marker after the full stop belongs to the sentence it closes: "2024.[3] Next".
    const marker = /^[\p{N}\p{L},–-]{0,12}\]\s*/u.exec(text.slice(cut));
    if (marker && text[cut - 1] === "[") cut += marker[0].length;
    // Only a break after a space or a CJK full stop is real: "01.AI" and "huggingface.co" are names.
    else if (!/[\s。！？；]/u.test(text[cut - 1] ?? "")) continue;

    const before = text.slice(0, cut).trimEnd();
    const nextWord = /^\s*([\p{L}]+)/u.exec(text.slice(cut))?.[1] ?? "";
    if (before.endsWith(".") && endsWithAbbreviation(before.slice(0, -1), nextWord)) continue;
    if (cut > (kept.at(-1) ?? 0)) kept.push(cut);
  }

  const spans: Span[] = [];
  let start = 0;
  for (const end of [...kept, text.length]) {
    pushTrimmed(spans, text, start, end, offset);
    start = end;
  }
  return spans;
}

function pushTrimmed(spans: Span[], text: string, start: number, end: number, offset: number) {
  const raw = text.slice(start, end);
  const leading = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (!trimmed) return;
  spans.push({
    start: offset + start + leading,
    end: offset + start + leading + trimmed.length,
    text: trimmed,
  });
}
