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
