// New entities proposed from a document's proper-noun phrases: names the catalog does not know, with a guessed
// kind and a suggested parent, gathered across the document so that "Yang" joins "Yang Zhilin" and "BIS" joins
// "Bureau of Industry and Security". A variant of a known name ("Huawei Technologies Co.") links to the known
// entity instead. Proposals stay candidates until a person accepts them.

import type { EntityKind } from "@/lib/generated/prisma/enums.ts";
import type { GazetteerEntity, Mention } from "./gazetteer";
import { findNamePhrases, guessKind, kindContext, wordsAfter, wordsBefore, type NamePhrase } from "./names";

export interface ProposedEntity {
  /** Stable within one result: claims refer to proposals by it. */
  key: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  /** A known entity (slug) or another proposal (key) it belongs to: "Tencent Cloud" under Tencent. */
  parent: { slug: string } | { key: string } | null;
  /** Known entities of the same family it sits beside: "Ascend 910D" beside the other Ascends. */
  siblings: string[];
  mentions: { start: number; end: number; surface: string }[];
}

/** Words that do not change which company a name means: "Huawei Technologies Co." is Huawei. */
const CORPORATE_SUFFIXES = new Set([
  "inc",
  "corp",
  "corporation",
  "co",
  "ltd",
  "limited",
  "group",
  "holding",
  "holdings",
  "technologies",
  "technology",
  "plc",
  "llc",
  "sa",
  "ag",
  "company",
]);

/** Similar enough, by pg_trgm's measure, to be a spelling of the same name ("Hauwei", "Deepseek AI"). */
const SAME_NAME_SIMILARITY = 0.6;

export function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const word of text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

export function similarity(a: string, b: string): number {
  return jaccard(trigrams(a), trigrams(b));
}

function jaccard(x: Set<string>, y: Set<string>): number {
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared++;
  return shared / (x.size + y.size - shared || 1);
}

const normalise = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
const wordsOf = (name: string) => name.split(/[\s\u00a0]+/u).filter(Boolean);

interface KnownName {
  slug: string;
  surface: string;
  kind: string;
}

/** A sentence that became a claim, with the catalog's mentions in it (document offsets). */
export interface SentenceForProposals {
  start: number;
  text: string;
  mentions: Mention[];
}

export interface ProposalResult {
  proposals: ProposedEntity[];
  /** Variants of known names found by similarity, to link like the gazetteer's own mentions. */
  knownVariants: Mention[];
}

export class EntityProposer {
  private readonly known: KnownName[];
  private readonly bySlug: Map<string, GazetteerEntity>;
  private readonly byNormalName = new Map<string, string>();
  /** First words of known products ("Ascend", "Kimi"): the family a new model or chip joins. */
  private readonly families = new Map<string, GazetteerEntity[]>();

  /** Known Latin-script names long enough to compare by trigrams, with what the comparison needs. */
  private readonly comparable: { slug: string; grams: Set<string>; versions: string }[];
  private readonly similarCache = new Map<string, string | null>();

  constructor(entities: GazetteerEntity[]) {
    this.bySlug = new Map(entities.map((e) => [e.slug, e]));
    this.known = entities.flatMap((e) =>
      [e.name, ...e.aliases].map((surface) => ({ slug: e.slug, surface, kind: e.kind })),
    );
    this.comparable = this.known
      .filter((k) => k.surface.length >= 4 && !/\p{Script=Han}/u.test(k.surface))
      .map((k) => ({ slug: k.slug, grams: trigrams(k.surface), versions: versionsOf(k.surface) }));
    for (const { slug, surface } of this.known) this.byNormalName.set(normalise(surface), slug);
    for (const entity of entities) {
      if (entity.kind !== "CHIP" && entity.kind !== "MODEL") continue;
      const family = wordsOf(entity.name)[0]!.toLowerCase();
      if (wordsOf(entity.name).length < 2) continue;
      this.families.set(family, [...(this.families.get(family) ?? []), entity]);
    }
  }

  propose(sentences: SentenceForProposals[]): ProposalResult {
    const found: {
      phrase: NamePhrase;
      name: string;
      kind: EntityKind;
      parent: string | null;
      siblings: string[];
      aliases: string[];
    }[] = [];
    const knownVariants: Mention[] = [];

    for (const sentence of sentences) {
      const local = (offset: number) => offset - sentence.start;
      const owner = this.firstActor(sentence);
      let previous: { end: number; parent: string | null; kind: EntityKind; family: string | null } | null =
        null;
      for (const phrase of findNamePhrases(sentence.text, sentence.start)) {
        const inside = sentence.mentions.filter((m) => m.start >= phrase.start && m.end <= phrase.end);
        if (sentence.mentions.some((m) => m.start <= phrase.start && m.end >= phrase.end)) continue;
        if (
          sentence.mentions.some((m) => m.start < phrase.end && phrase.start < m.end && !inside.includes(m))
        )
          continue;
        if (this.byNormalName.has(normalise(phrase.surface))) continue;

        const words = wordsOf(phrase.surface);
        const prefix = inside.find((m) => m.start === phrase.start);
        const rest = prefix ? wordsOf(phrase.surface.slice(prefix.end - phrase.start)) : [];
        if (
          prefix &&
          rest.length &&
          rest.every((w) => CORPORATE_SUFFIXES.has(w.toLowerCase().replace(/\.$/u, "")))
        ) {
          knownVariants.push({
            slugs: prefix.slugs,
            start: phrase.start,
            end: phrase.end,
            surface: phrase.surface,
          });
          continue;
        }
        const variantOf = !prefix && !phrase.alias ? this.similarKnown(phrase.surface) : null;
        if (variantOf) {
          knownVariants.push({
            slugs: [variantOf],
            start: phrase.start,
            end: phrase.end,
            surface: phrase.surface,
          });
          continue;
        }
        if (phrase.alias && this.byNormalName.has(normalise(phrase.alias))) continue;

        const family = this.families.get(words[0]!.toLowerCase());
        if (family && words.length === 1) continue;

        const before = wordsBefore(sentence.text, local(phrase.start), 2);
        const after = wordsAfter(sentence.text, local(phrase.end), 2);
        let kind = guessKind(
          phrase.surface,
          before,
          after,
          kindContext(sentence.text, local(phrase.start), local(phrase.end), phrase.surface),
        );
        let parent: string | null = null;
        let name = phrase.surface;
        const aliases: string[] = [];
        const siblings: string[] = [];

        if (family) {
          const parents = [...new Set(family.map((e) => e.parent).filter((p): p is string => !!p))];
          parent = parents.length === 1 ? parents[0]! : null;
          siblings.push(...family.map((e) => e.slug));
          kind = family[0]!.kind as EntityKind;
        } else if (prefix) {
          const prefixEntity = this.bySlug.get(prefix.slugs[0]!)!;
          if (prefixEntity.kind !== "PLACE") {
            parent =
              prefixEntity.kind === "MODEL" || prefixEntity.kind === "CHIP"
                ? (prefixEntity.parent ?? null)
                : prefixEntity.slug;
            if (/\p{N}/u.test(phrase.surface) && kind !== "CHIP") kind = this.childKind(parent) ?? kind;
          }
        } else if (
          isCode(phrase.surface) &&
          previous?.family &&
          listContinues(sentence.text.slice(local(previous.end), local(phrase.start)))
        ) {
          // "the Nvidia A100 and H100": a code listed after a product names one of the same family.
          parent = previous.parent;
          kind = previous.kind;
          name = `${previous.family} ${phrase.surface}`;
          aliases.push(phrase.surface);
        } else if (isCode(phrase.surface)) {
          // "Nvidia's A100", "its V4 model": a bare code names a product of its owner.
          const possessor =
            this.possessor(sentence, phrase.start) ?? (before.at(-1) === "its" ? owner : null);
          if (possessor) {
            const entity = this.bySlug.get(possessor);
            parent =
              entity?.kind === "MODEL" || entity?.kind === "CHIP" ? (entity.parent ?? null) : possessor;
            name = `${entity?.name ?? possessor} ${phrase.surface}`;
            aliases.push(phrase.surface);
            if (kind !== "CHIP") kind = this.childKind(parent) ?? kind;
          }
        } else if (/\p{N}/u.test(phrase.surface)) {
          // "Alibaba's Qwen3", "Alibaba Group released Qwen3": a versioned product belongs to its owner or maker.
          parent =
            this.possessor(sentence, phrase.start) ??
            (RELEASED.test(sentence.text.slice(0, local(phrase.start))) ? owner : null);
        }
        if (phrase.alias) aliases.push(phrase.surface);
        const familyName = prefix
          ? phrase.surface.slice(0, prefix.end - phrase.start)
          : name !== phrase.surface
            ? name.slice(0, name.length - phrase.surface.length - 1)
            : null;
        previous = { end: phrase.end, parent, kind, family: familyName };
        found.push({ phrase, name: phrase.alias ?? name, kind, parent, siblings, aliases });
      }
    }
    return { proposals: this.merge(found), knownVariants };
  }

  /** The catalog entity a sentence is about first: the owner "its" refers to. */
  private firstActor(sentence: SentenceForProposals): string | null {
    const first = sentence.mentions.find((m) => {
      const kind = this.bySlug.get(m.slugs[0]!)?.kind;
      return kind === "COMPANY" || kind === "INSTITUTION";
    });
    return first?.slugs[0] ?? null;
  }

  /** "Nvidia's A100": the known entity whose possessive stands right before `start`. */
  private possessor(sentence: SentenceForProposals, start: number): string | null {
    const mention = sentence.mentions.find((m) =>
      /^['’]s\s$/u.test(sentence.text.slice(m.end - sentence.start, start - sentence.start)),
    );
    return mention?.slugs[0] ?? null;
  }

  /** What the known children of `parent` are, when they are all one kind (DeepSeek's are models). */
  private childKind(parent: string | null): EntityKind | null {
    if (!parent) return null;
    const kinds = new Set([...this.bySlug.values()].filter((e) => e.parent === parent).map((e) => e.kind));
    return kinds.size === 1 ? ([...kinds][0] as EntityKind) : null;
  }

  private similarKnown(surface: string): string | null {
    const cached = this.similarCache.get(surface);
    if (cached !== undefined) return cached;
    let best: { slug: string; score: number } | null = null;
    const grams = trigrams(surface);
    const versions = versionsOf(surface);
    for (const known of this.comparable) {
      // "Ascend 910D" is not a spelling of "Ascend 910B": versions must agree.
      if (known.versions !== versions) continue;
      const score = jaccard(grams, known.grams);
      if (score >= SAME_NAME_SIMILARITY && (!best || score > best.score)) best = { slug: known.slug, score };
    }
    this.similarCache.set(surface, best?.slug ?? null);
    return best?.slug ?? null;
  }

  /** One proposal per thing named: spellings, short forms, surnames and bracketed acronyms join their name. */
  private merge(
    found: {
      phrase: NamePhrase;
      name: string;
      kind: EntityKind;
      parent: string | null;
      siblings: string[];
      aliases: string[];
    }[],
  ): ProposedEntity[] {
    const proposals: ProposedEntity[] = [];
    const byNormal = new Map<string, ProposedEntity>();
    const longestFirst = [...found].sort((a, b) => wordsOf(b.name).length - wordsOf(a.name).length);
    for (const item of longestFirst) {
      const target = this.matchProposal(proposals, byNormal, item.name, item.phrase);
      if (target) {
        for (const alias of [item.name, ...item.aliases])
          if (
            normalise(alias) !== normalise(target.name) &&
            !target.aliases.some((a) => normalise(a) === normalise(alias))
          )
            target.aliases.push(alias);
        target.mentions.push({
          start: item.phrase.start,
          end: item.phrase.end,
          surface: item.phrase.surface,
        });
        continue;
      }
      const proposal: ProposedEntity = {
        key: `new:${normalise(item.name)}`,
        name: item.name,
        kind: item.kind,
        aliases: item.aliases.filter((a) => normalise(a) !== normalise(item.name)),
        parent: item.parent ? { slug: item.parent } : null,
        siblings: item.siblings,
        mentions: [{ start: item.phrase.start, end: item.phrase.end, surface: item.phrase.surface }],
      };
      proposals.push(proposal);
      byNormal.set(normalise(item.name), proposal);
      for (const alias of proposal.aliases) byNormal.set(normalise(alias), proposal);
    }
    this.acronymsInBrackets(proposals);
    for (const proposal of proposals) {
      proposal.mentions.sort((a, b) => a.start - b.start);
      if (proposal.parent) continue;
      // "Qwen3-235B-A22B" belongs where "Qwen3" does.
      const base = proposals.find((p) => p !== proposal && proposal.name.startsWith(`${p.name}-`));
      if (base) proposal.parent = base.parent ?? { key: base.key };
    }
    return proposals.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  }

  private matchProposal(
    proposals: ProposedEntity[],
    byNormal: Map<string, ProposedEntity>,
    name: string,
    phrase: NamePhrase,
  ): ProposedEntity | null {
    const exact =
      byNormal.get(normalise(name)) ?? (phrase.alias ? byNormal.get(normalise(phrase.surface)) : undefined);
    if (exact) return exact;
    const words = wordsOf(name);
    if (words.length !== 1) return null;
    const word = words[0]!.toLowerCase();
    return (
      proposals.find((p) => {
        const parts = wordsOf(p.name).map((w) => w.toLowerCase());
        if (p.kind === "PERSON") return parts[0] === word || parts.at(-1) === word;
        // "Cambricon" is "Cambricon Technologies".
        return parts[0] === word && parts.slice(1).every((w) => CORPORATE_SUFFIXES.has(w));
      }) ?? null
    );
  }

  /** "Bureau of Industry and Security (BIS)": the acronym in brackets is the name's alias, not a name of its own. */
  private acronymsInBrackets(proposals: ProposedEntity[]) {
    for (const short of [...proposals]) {
      if (!/^\p{Lu}{2,6}$/u.test(short.name)) continue;
      const long = proposals.find((p) => p !== short && initials(p.name) === short.name);
      if (!long) continue;
      long.aliases.push(short.name);
      long.mentions.push(...short.mentions);
      proposals.splice(proposals.indexOf(short), 1);
    }
  }
}

function initials(name: string): string {
  return wordsOf(name)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join("");
}

const versionsOf = (name: string) => (name.match(/\p{N}[\p{L}\p{N}.]*/gu) ?? []).join(" ").toLowerCase();

/** The maker released it: "Alibaba Group released Qwen3". */
const RELEASED =
  /\b(?:released|launched|unveiled|introduced|debuted|open-sourced|announced|rolled out|shipped)\b/iu;

/** Only a comma or "and" between two names: "A100, H100 and H20". */
function listContinues(between: string): boolean {
  return /^\s*(?:,|,?\s*and|,?\s*or)\s*$/u.test(between);
}

/** A product code rather than a name: "A100", "V4", "R1", "H20", "950PR". */
function isCode(surface: string): boolean {
  return /^[\p{L}]{0,3}\p{N}+[\p{L}\p{N}.-]*$/u.test(surface) && /\p{N}/u.test(surface);
}
