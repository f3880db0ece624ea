// Sectors from keywords (kept with each sector in prisma/data/sectors.json) and from the kinds of
// entities a claim names; a claim with no keyword of its own inherits its headings' sectors.

import { foldCase, foldedPrefix } from "./fold";

export interface SectorRule {
  slug: string;
  keywords: string[];
}

const SECTOR_OF_ENTITY_KIND: Record<string, string> = { CHIP: "hardware-chips", MODEL: "foundation-models" };

function keywordRegex(keyword: string): RegExp {
  const escaped = keyword.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "iu");
}

export class SectorClassifier {
  /** Each keyword's regex, run only on a text that holds the keyword's folded prefix. */
  private readonly rules: { slug: string; keywords: { prefix: string; regex: RegExp }[] }[];

  constructor(rules: SectorRule[]) {
    this.rules = rules.map((r) => ({
      slug: r.slug,
      keywords: r.keywords.map((keyword) => ({
        prefix: foldedPrefix(keyword),
        regex: keywordRegex(keyword),
      })),
    }));
  }

  private byKeywords(text: string): string[] {
    const folded = foldCase(text);
    return this.rules
      .filter((r) => r.keywords.some(({ prefix, regex }) => folded.includes(prefix) && regex.test(text)))
      .map((r) => r.slug);
  }

  classify(text: string, entityKinds: string[], headings: string[]): string[] {
    const found = new Set([
      ...this.byKeywords(text),
      ...entityKinds.flatMap((kind) => SECTOR_OF_ENTITY_KIND[kind] ?? []),
    ]);
    if (found.size === 0)
      for (const heading of headings) for (const slug of this.byKeywords(heading)) found.add(slug);
    // Keep the order of the sector list, so output is stable whatever order rules fired in.
    return this.rules.map((r) => r.slug).filter((slug) => found.has(slug));
  }
}
