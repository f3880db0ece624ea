// Entity linking by gazetteer: every canonical name and alias (Chinese included) is looked up in the
// text; the longest match wins where names overlap ("DeepSeek V3" over "DeepSeek").

export interface GazetteerEntity {
  slug: string;
  name: string;
  kind: string;
  aliases: string[];
  /** The slug of the entity it belongs to ("kimi-k2" belongs to "moonshot-ai"). */
  parent?: string;
}

export interface Mention {
  /** Several entities share one surface when an alias names them together ("Ascend 910B/C"). */
  slugs: string[];
  start: number;
  end: number;
  surface: string;
}

interface Pattern {
  slugs: Set<string>;
  regex: RegExp;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const HAN = /\p{Script=Han}/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Short all-capital aliases ("US", "AWS", "BYD") must match their case, or "us" the pronoun would be
 * the United States; longer names match in any case ("NVIDIA", "Nvidia").
 */
function isCaseSensitive(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, "");
  return letters.length <= 4 && letters === letters.toUpperCase();
}

function patternFor(surface: string): RegExp {
  // Han script has no spaces between words, so Chinese names need no word boundary.
  const before = !HAN.test(surface) && WORD_CHAR.test(surface[0] ?? "") ? "(?<![\\p{L}\\p{N}])" : "";
  // A longer name goes on past the known one: "DeepSeek-V3.1" is not "DeepSeek-V3".
  const after =
    !HAN.test(surface) && WORD_CHAR.test(surface.at(-1) ?? "") ? "(?![\\p{L}\\p{N}]|[.-]\\p{N})" : "";
  const flags = isCaseSensitive(surface) ? "gu" : "giu";
  return new RegExp(`${before}${escapeRegExp(surface)}${after}`, flags);
}

export class Gazetteer {
  private readonly patterns: Pattern[];

  constructor(entities: GazetteerEntity[]) {
    const bySurface = new Map<string, Set<string>>();
    for (const entity of entities) {
      for (const surface of [entity.name, ...entity.aliases]) {
        const key = isCaseSensitive(surface) ? surface : surface.toLowerCase();
        const slugs = bySurface.get(key) ?? new Set<string>();
        slugs.add(entity.slug);
        bySurface.set(key, slugs);
      }
    }
    this.patterns = [...bySurface].map(([surface, slugs]) => ({ slugs, regex: patternFor(surface) }));
  }

  /** Mentions in `text`, in reading order, without overlaps; offsets are shifted by `offset`. */
  findMentions(text: string, offset = 0): Mention[] {
    const candidates: Mention[] = [];
    for (const { slugs, regex } of this.patterns) {
      for (const match of text.matchAll(regex)) {
        candidates.push({
          slugs: [...slugs],
          start: match.index,
          end: match.index + match[0].length,
          surface: match[0],
        });
      }
    }
    candidates.sort((a, b) => a.start - b.start || b.end - a.end);
    const mentions: Mention[] = [];
    for (const candidate of candidates) {
      const last = mentions.at(-1);
      if (last && candidate.start < last.end) continue;
      mentions.push(candidate);
    }
    return mentions.map((m) => ({ ...m, start: m.start + offset, end: m.end + offset }));
  }
}
