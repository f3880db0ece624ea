// Display formatting shared by server and client components. One fixed locale and time zone, so the
// server-rendered HTML and the hydrated client always agree.
const LOCALE = "en-GB";

const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat(LOCALE, { style: "percent", maximumFractionDigits: 1 });
const date = new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium", timeZone: "UTC" });
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
