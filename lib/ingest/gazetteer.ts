// Entity linking by gazetteer: every canonical name and alias (Chinese included) is looked up in the
// text; the longest match wins where names overlap ("DeepSeek V3" over "DeepSeek"). A catalog holds thousands of
// names and a sentence a handful, so a name is tried only where the text holds its first characters.

import { foldCase, foldedPrefix } from "./fold";

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
  /** The name alone, sticky: tried where the text holds its key, not searched for. */
  regex: RegExp;
  /** A name that starts or ends with a letter or digit must not start or end inside a word. */
  boundaryBefore: boolean;
  boundaryAfter: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const HAN = /\p{Script=Han}/u;

/** A name's first characters that key it: it can only start where the text holds them. */
const KEY_LENGTH = 4;

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

/** A letter or digit just before the offset it is tried at. */
const WORD_BEFORE = /(?<=[\p{L}\p{N}])/uy;
/** A longer name goes on past the known one: "DeepSeek-V3.1" is not "DeepSeek-V3". */
const NAME_GOES_ON = /[\p{L}\p{N}]|[.-]\p{N}/uy;

function patternFor(surface: string, slugs: Set<string>): Pattern {
  // Han script has no spaces between words, so Chinese names need no word boundary. The boundaries are tested apart
  // from the name: in each name's own case-insensitive regex, their Unicode classes made compiling it costly.
  const bounded = !HAN.test(surface);
  return {
    slugs,
    regex: new RegExp(escapeRegExp(surface), isCaseSensitive(surface) ? "uy" : "iuy"),
    boundaryBefore: bounded && WORD_CHAR.test(surface[0] ?? ""),
    boundaryAfter: bounded && WORD_CHAR.test(surface.at(-1) ?? ""),
  };
}

function holds(regex: RegExp, text: string, at: number): boolean {
  regex.lastIndex = at;
  return regex.test(text);
}

export class Gazetteer {
  private readonly patterns: Pattern[];
  /** Indices of the patterns by their surface's key: a name can only start where the text holds its key. */
  private readonly byKey = new Map<string, number[]>();
  private readonly keyLengths: number[];
  /** Patterns without a key, tried at every character. */
  private readonly unkeyed: number[] = [];

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
    this.patterns = [...bySurface].map(([surface, slugs]) => patternFor(surface, slugs));
    [...bySurface.keys()].forEach((surface, index) => {
      const key = foldedPrefix(surface, KEY_LENGTH);
      if (!key) return this.unkeyed.push(index);
      const same = this.byKey.get(key) ?? [];
      same.push(index);
      this.byKey.set(key, same);
    });
    this.keyLengths = [...new Set([...this.byKey.keys()].map((key) => key.length))];
  }

  /** Mentions in `text`, in reading order, without overlaps; offsets are shifted by `offset`. */
  findMentions(text: string, offset = 0): Mention[] {
    const candidates: Mention[] = [];
    for (const [index, starts] of this.startsIn(text)) {
      const { slugs, regex, boundaryBefore, boundaryAfter } = this.patterns[index]!;
      // As a global search goes on after each match: the next match starts at or after its end.
      let from = 0;
      for (const start of starts) {
        if (start < from || (boundaryBefore && holds(WORD_BEFORE, text, start))) continue;
        regex.lastIndex = start;
        const match = regex.exec(text);
        const end = start + (match?.[0].length ?? 0);
        if (!match || (boundaryAfter && holds(NAME_GOES_ON, text, end))) continue;
        from = end;
        candidates.push({ slugs: [...slugs], start, end, surface: match[0] });
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

  /**
   * Where each pattern may match in `text`: the offsets at which it holds the pattern's key, in order, by pattern in
   * the catalog's order (which ties between equal matches keep).
   */
  private startsIn(text: string): [number, number[]][] {
    const starts = new Map<number, number[]>();
    if (this.unkeyed.length) {
      const everywhere: number[] = [];
      for (let at = 0; at < text.length; at += text.codePointAt(at)! > 0xffff ? 2 : 1) everywhere.push(at);
      for (const index of this.unkeyed) starts.set(index, everywhere);
    }
    const folded = foldCase(text);
    for (let at = 0; at < folded.length; at++) {
      for (const length of this.keyLengths) {
        for (const index of this.byKey.get(folded.slice(at, at + length)) ?? []) {
          const found = starts.get(index);
          if (found) found.push(at);
          else starts.set(index, [at]);
        }
      }
    }
    return [...starts].sort((a, b) => a[0] - b[0]);
  }
}
