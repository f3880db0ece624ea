// Quantities a reviewer can check against a source: money, percentages, scale words
// ("trillion-parameter") and counts. Numbers inside names ("Ascend 910B", "Innovators Under 35")
// and years are not quantities; callers pass the spans of entity mentions to skip.

export interface ExtractedQuantity {
  value: number;
  unit: string;
  /** over, under, about, or exact. */
  qualifier: string;
  surface: string;
  start: number;
  end: number;
  measure: string;
}

const SCALE: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  t: 1e12,
  万: 1e4,
  亿: 1e8,
};

const QUALIFIERS: [RegExp, string][] = [
  [/^(?:over|more than|above|at least|upwards of)$/i, "over"],
  [/^(?:under|less than|below|up to|at most)$/i, "under"],
  [/^(?:~|about|around|approximately|roughly|nearly|almost|some|an estimated)$/i, "about"],
];

const QUALIFIER =
  "(?<qualifier>over|more than|above|at least|upwards of|under|less than|below|up to|at most|about|around|approximately|roughly|nearly|almost|an estimated|~)?\\s*";
const NUMBER = "(?<number>\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)";
const SCALE_WORD = "(?:\\s*(?<scale>thousand|million|billion|trillion|bn|mn|[kmbt])(?![\\p{L}]))?";

const PATTERNS: { unit: (m: RegExpMatchArray) => string; regex: RegExp }[] = [
  { unit: () => "USD", regex: new RegExp(`${QUALIFIER}(?:US)?\\$\\s?${NUMBER}${SCALE_WORD}`, "giu") },
  { unit: () => "CNY", regex: new RegExp(`${QUALIFIER}(?:¥|RMB\\s?|CNY\\s?)${NUMBER}${SCALE_WORD}`, "giu") },
  { unit: () => "CNY", regex: new RegExp(`${QUALIFIER}${NUMBER}${SCALE_WORD}\\s+(?:yuan|renminbi)`, "giu") },
  // Chinese text writes "850亿元" (85 billion yuan) and "1000元".
  { unit: () => "CNY", regex: new RegExp(`${NUMBER}\\s?(?<scale>[万亿])?元`, "gu") },
  { unit: () => "percent", regex: new RegExp(`${QUALIFIER}${NUMBER}\\s?(?:%|percent|per cent)`, "giu") },
  // "trillion-parameter model", "1.5 trillion-token corpus": the noun says what is counted.
  {
    unit: (m) => pluralise(m.groups!.noun!),
    regex: new RegExp(
      `${QUALIFIER}(?:${NUMBER}[\\s-])?(?<scale>thousand|million|billion|trillion)-(?<noun>parameter|token|dollar|yuan|GPU|chip|user)`,
      "giu",
    ),
  },
  {
    unit: (m) => m.groups!.noun!,
    regex: new RegExp(
      `${QUALIFIER}${NUMBER}${SCALE_WORD}\\s+(?<noun>parameters|tokens|GPUs|chips|users|data cent(?:er|re)s|startups|companies|researchers|hospitals|employees)`,
      "giu",
    ),
  },
];

function pluralise(noun: string): string {
  return noun.endsWith("s") ? noun : `${noun}s`;
}

function qualifierOf(word: string | undefined): string {
  if (!word) return "exact";
  return QUALIFIERS.find(([regex]) => regex.test(word.trim()))?.[1] ?? "exact";
}

/** Commas inside numbers ("2,048") do not end a clause. */
const CLAUSE_BREAK = /(?<!\d),|,(?!\d)|[;()—]|\.\s|\s\.$/gu;

/** What a quantity measures: its clause without the number, and without a list label's colon. */
function measureOf(text: string, start: number, end: number): string {
  const breaks = [...text.matchAll(CLAUSE_BREAK)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  const before = breaks.filter((b) => b.end <= start).at(-1);
  const after = breaks.find((b) => b.start >= end);
  const clauseStart = before?.end ?? 0;
  const clause = `${text.slice(clauseStart, start)} ${text.slice(end, after?.start ?? text.length)}`;
  const cleaned = clause
    .replace(/:/g, "")
    .replace(/[.\s]+$/u, "")
    .replace(/\s+/g, " ")
    .trim();
  if (cleaned || !before) return cleaned;
  // A bare figure in brackets, "(~83%)", measures what the text just before the bracket names.
  return measureOf(text, before.start, before.start);
}

export function extractQuantities(
  text: string,
  skip: { start: number; end: number }[] = [],
): ExtractedQuantity[] {
  const found: ExtractedQuantity[] = [];
  for (const { unit, regex } of PATTERNS) {
    for (const match of text.matchAll(regex)) {
      const start = match.index + (match[0].length - match[0].trimStart().length);
      const end = match.index + match[0].length;
      const overlaps = (s: { start: number; end: number }) => start < s.end && s.start < end;
      if (skip.some(overlaps) || found.some(overlaps)) continue;
      const groups = match.groups ?? {};
      const base = groups.number ? Number(groups.number.replace(/,/g, "")) : 1;
      const scale = groups.scale ? (SCALE[groups.scale.toLowerCase()] ?? 1) : 1;
      found.push({
        value: base * scale,
        unit: unit(match),
        qualifier: qualifierOf(groups.qualifier),
        surface: text.slice(start, end),
        start,
        end,
        measure: measureOf(text, start, end),
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Four-digit years between 1900 and 2099 that are not part of a name or a quantity. */
export function findYears(text: string, skip: { start: number; end: number }[] = []): number[] {
  const years: number[] = [];
  for (const match of text.matchAll(/(?<![\p{L}\p{N}.,$])(19|20)\d{2}(?![\p{N}%])/gu)) {
    const start = match.index;
    const end = start + match[0].length;
    if (skip.some((s) => start < s.end && s.start < end)) continue;
    years.push(Number(match[0]));
  }
  return years;
}

const MONTH =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?";
const DATE = new RegExp(
  `\\b(?:${MONTH}\\s+\\d{1,2}\\b|\\d{1,2}\\s+${MONTH}\\b|(?:in|since|from|until|by|last|early|late|mid-)\\s*${MONTH}\\b|(?:on\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b|(?:last|next|this)\\s+(?:week|month|year|quarter)\\b|(?:first|second|third|fourth)[- ]quarter\\b|in (?:the )?(?:spring|summer|autumn|winter)\\b|\\bQ[1-4]\\b)`,
  "gu",
);

/** Calendar dates other than bare years: "May 14", "10 October", "in April", "on Tuesday", "last week", "in the autumn". */
export function countDates(text: string): number {
  return [...text.matchAll(DATE)].length;
}
