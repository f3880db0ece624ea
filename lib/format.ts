// Display formatting shared by server and client components. One fixed locale and time zone, so the
// server-rendered HTML and the hydrated client always agree.
import type { DatePrecision } from "@/lib/generated/prisma/enums.ts";

const LOCALE = "en-GB";

const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat(LOCALE, { style: "percent", maximumFractionDigits: 1 });
const date = new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium", timeZone: "UTC" });
const monthYear = new Intl.DateTimeFormat(LOCALE, { month: "long", year: "numeric", timeZone: "UTC" });
const dateTime = new Intl.DateTimeFormat(LOCALE, {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export function formatNumber(value: number): string {
  return integer.format(value);
}

/** `share` is a fraction: 0.125 reads "12.5%". */
export function formatPercent(share: number): string {
  return percent.format(share);
}

/** "1 claim", "1,204 claims". */
export function formatCount(value: number, singular: string, plural: string): string {
  return `${integer.format(value)} ${value === 1 ? singular : plural}`;
}

export function formatDate(value: Date): string {
  return date.format(value);
}

export function formatDateTime(value: Date): string {
  return `${dateTime.format(value)} UTC`;
}

/** A claim's "as of" date, and how precise its text is about it. */
export type AsOf = { date: Date; precision: DatePrecision };

/**
 * An "as of" date for machines: ISO 8601 cut to the claim's precision, "2025", "2025-03" or "2025-03-14". The JSON
 * API, the edit form, audit entries and `<time dateTime>` use it; the export's SQL writes the same strings.
 */
export function asOfIso({ date, precision }: AsOf): string {
  return date.toISOString().slice(0, precision === "YEAR" ? 4 : precision === "MONTH" ? 7 : 10);
}

/** An "as of" date for readers, as precise as the claim: "2025", "March 2025", "1 Mar 2025", never a made-up day. */
export function formatAsOf({ date, precision }: AsOf): string {
  switch (precision) {
    case "YEAR":
      return String(date.getUTCFullYear());
    case "MONTH":
      return monthYear.format(date);
    case "DAY":
      return formatDate(date);
  }
}

// Names for the codes entities carry: ISO country codes and BCP 47 language tags, in English.
const regions = new Intl.DisplayNames(["en"], { type: "region" });
const languages = new Intl.DisplayNames(["en"], { type: "language" });

/** "CN" reads "China"; an unknown code is shown as it is stored. */
export function countryName(code: string): string {
  try {
    return regions.of(code.trim().toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** "zh" reads "Chinese". */
export function languageName(tag: string): string {
  try {
    return languages.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
