// How a claim's figures read on its page: "Over $8 billion", "About 83%", "1 trillion parameters".
const LOCALE = "en-GB";
const decimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });

const SCALES = [
  { factor: 1e12, word: "trillion" },
  { factor: 1e9, word: "billion" },
  { factor: 1e6, word: "million" },
] as const;

const QUALIFIERS: Record<string, string> = { over: "Over", under: "Under", about: "About" };

/** 8e9 reads "8 billion", 1_500_000 "1.5 million", 350 "350": figures as the document would write them. */
export function formatScaled(value: number): string {
  const scale = SCALES.find(({ factor }) => Math.abs(value) >= factor);
  return scale ? `${decimal.format(value / scale.factor)} ${scale.word}` : decimal.format(value);
}

export function formatQuantity({
  value,
  unit,
  qualifier,
}: {
  value: number;
  unit: string;
  qualifier: string;
}) {
  const amount = formatAmount(value, unit);
  const prefix = QUALIFIERS[qualifier];
  return prefix ? `${prefix} ${amount}` : amount;
}

function formatAmount(value: number, unit: string): string {
  switch (unit) {
    case "USD":
      return `$${formatScaled(value)}`;
    case "CNY":
      return `CN¥${formatScaled(value)}`;
    case "percent":
      return `${decimal.format(value)}%`;
    case "count":
      return formatScaled(value);
    default:
      return `${formatScaled(value)} ${unit}`;
  }
}

/** A claim's first words, for the browser tab and history: whole claims are too long for a title. */
export function claimTitle(text: string, words = 8): string {
  const all = text.trim().split(/\s+/);
  return all.length > words ? `${all.slice(0, words).join(" ")}…` : all.join(" ");
}
