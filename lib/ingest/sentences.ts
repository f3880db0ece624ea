// Sentence splitting tuned for policy prose: abbreviations ("U.S."), dotted names ("01.AI"),
// approximate figures ("~83%"), chip names ("910B/C") and citation markers stripped to " ." .

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
  "no",
  "fig",
  "approx",
  "dept",
  "gov",
  "est",
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
]);

/** The word before a period is an abbreviation, so that period does not end the sentence. */
function endsWithAbbreviation(textBeforePeriod: string): boolean {
  const word = /([\p{L}.]+)$/u.exec(textBeforePeriod)?.[1] ?? "";
  if (/^(?:\p{Lu}\.)+\p{Lu}$/u.test(word)) return true; // "U.S", "U.K", "P.R.C"
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. Smith"
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Splits text into sentences. A sentence ends at . ! or ? (optionally followed by closing quotes or
 * brackets) when whitespace and then an upper-case letter, digit, quote or the end of the text follows.
 */
export function splitSentences(text: string, offset = 0): Span[] {
  const spans: Span[] = [];
  const boundary = /[.!?]+["”’)\]]*(?=\s+(?:[\p{Lu}\p{N}"“‘(\p{Extended_Pictographic}])|\s*$)/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    if (
      match[0].startsWith(".") &&
      endsWithAbbreviation(text.slice(start, match.index)) &&
      end < text.trimEnd().length
    ) {
      continue;
    }
    pushTrimmed(spans, text, start, end, offset);
    start = end;
  }
  pushTrimmed(spans, text, start, text.length, offset);
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
