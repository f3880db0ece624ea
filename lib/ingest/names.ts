// Proper-noun phrases of a sentence, known to the catalog or not: "Bureau of Industry and Security",
// "Ascend 950PR", "DeepSeek-V3.1", "Eddie Wu", "字节跳动 (ByteDance)". They anchor claims and become proposed
// entities; the words around them guess what kind of thing each one names.

import type { EntityKind } from "@/lib/generated/prisma/enums.ts";
import { ATTRIBUTION_WORDS, EVENT_WORDS, FORECAST_WORDS } from "./claims";

export interface NamePhrase {
  start: number;
  end: number;
  surface: string;
  /** A name written in another script beside it: "字节跳动" for "ByteDance" in "字节跳动 (ByteDance)". */
  alias?: string;
}

/** A capitalised word, an acronym, or a word with capitals or digits inside ("ByteDance", "01.AI", "GLM-4.5"). */
const NAME_WORD =
  /^(?:\p{Lu}[\p{L}\p{N}]*(?:[-.&][\p{L}\p{N}]+)*|\p{N}+[\p{L}][\p{L}\p{N}]*(?:[-.][\p{L}\p{N}]+)*|\p{Ll}+\p{Lu}[\p{L}\p{N}]*)$/u;
/** Version and model numbers that continue a name: "Ascend 960", "DeepSeek V4", "Qwen 2.5", "Kimi K2". */
const VERSION_WORD =
  /^(?:\p{N}+(?:\.\p{N}+)*[\p{L}]*|[\p{L}]{1,2}\p{N}+[\p{L}\p{N}]*)(?:[-.][\p{L}\p{N}]+)*$/u;
const HAN_RUN = /\p{Script=Han}[\p{Script=Han}·]*/gu;

const wordSet = (list: string) => new Set(list.trim().split(/\s+/u));

/** Words that join the parts of an institution's name: "Bureau of Industry and Security". */
const JOINERS = new Set(["of", "for", "and", "on", "&", "de"]);

/** Head words of institutions, which take joined parts ("Ministry of …", "… and Reform Commission"). */
const INSTITUTION_HEADS = wordSet(`
  ministry department bureau commission administration council committee agency office authority
  institute university academy centre center school college laboratory bank fund association
  federation foundation society chamber court board corporation alliance
`);

/**
 * Capitalised words that are not names on their own: sentence openers, titles, months, generic acronyms.
 * A phrase made only of these is dropped; titles before a person's name are cut off.
 */
const COMMON = wordSet(`
  a an the this that these those it its he she they we i our their his her you your in on at by
  for from with within without when while after before since as if but and or not no yes some most
  many several each every all both other another such according although though despite unlike
  like even also still yet so then now however meanwhile moreover instead rather there here what
  why how who whom which where whether will would can could should may might must is are was were
  has have had do does did q mr mrs ms dr prof president premier minister secretary chairman
  chairwoman chair ceo cfo cto founder director governor senator vice chief executive general
  deputy analyst analysts professor ai agi llm llms gpu gpus cpu npu phd r&d it ev evs ipo gdp q1
  q2 q3 q4 h1 h2 january february march april may june july august september october november
  december monday tuesday wednesday thursday friday saturday sunday note notes source sources
  figure table chart see read share subscribe advertisement hq moe api apis ml nlp iot esg saas
  officials developers companies firms investors reporters researchers engineers people researcher
  fellow officer spokesperson spokesman spokeswoman representative under
`);

/** Adjectives that open many phrases ("Western governments") but also names ("National Development and Reform Commission"). */
const ADJECTIVES = wordSet(`
  western eastern northern southern state national federal local global international domestic
  foreign first second third new major big top leading senior
`);

/** Titles that stand before a person's name: the name after them is a person. */
const PERSON_TITLES = wordSet(`
  mr mrs ms dr prof professor president premier minister secretary chairman chairwoman senator
  governor ceo founder director representative rep
`);

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}.&'’\-]*[\p{L}\p{N}]|[\p{L}\p{N}]|&/gu;

interface Token {
  start: number;
  end: number;
  text: string;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => {
    // A possessive ends the name: "Huawei's Ascend" is two names.
    const word = m[0]
      .replace(/['’]s$/u, "")
      .replace(/-(?:based|listed|backed|led|owned|made|specific|funded|controlled|designed|built)$/iu, "")
      .replace(/\.$/u, "");
    return { start: m.index, end: m.index + word.length, text: word };
  });
}

/** "AI-powered", "AI-dedicated": a compound adjective, not a name. */
const isCompoundAdjective = (word: string) => /-\p{Ll}+$/u.test(word);
const isNameWord = (word: string) => NAME_WORD.test(word) && !isCompoundAdjective(word);

/** Words that end company names ("Moonshot AI", "Zhipu AI") as often as they describe a noun ("AI chips"). */
const GENERIC_NAME_ENDINGS = new Set(["ai"]);
const VERB = new RegExp(
  `^(?:${[EVENT_WORDS, ATTRIBUTION_WORDS, FORECAST_WORDS, "is|are|was|were|has|have|had|can|may"].join("|")})$`,
  "iu",
);

/** A lower-case word that is not a verb comes next: the word before it describes that noun. */
function nounFollows(sentence: string, end: number): boolean {
  const next = /^ (\p{Ll}[\p{L}-]*)/u.exec(sentence.slice(end))?.[1];
  return next !== undefined && !VERB.test(next);
}

const isCommon = (word: string) => COMMON.has(word.toLowerCase()) || ADJECTIVES.has(word.toLowerCase());

/**
 * The proper-noun phrases of `sentence`, offsets shifted by `offset`. The sentence's first word counts only
 * when it cannot be an ordinary word: it has capitals or digits inside, or a name follows it.
 */
export function findNamePhrases(sentence: string, offset = 0): NamePhrase[] {
  const words = tokens(sentence);
  const phrases: NamePhrase[] = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i]!;
    if (!isNameWord(word.text) || (COMMON.has(word.text.toLowerCase()) && !isAcronym(word.text))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < words.length && adjacent(sentence, words[j - 1]!, words[j]!)) {
      const next = words[j]!.text;
      if (isNameWord(next) || VERSION_WORD.test(next)) {
        j++;
      } else if (JOINERS.has(next.toLowerCase()) && j + 1 < words.length && isNameWord(words[j + 1]!.text)) {
        j += 2;
      } else break;
    }
    for (const part of splitAtJoiners(words.slice(i, j))) {
      const trimmed = trimCommon(part, sentence);
      if (!trimmed.length) continue;
      const first = trimmed[0]!;
      const last = trimmed.at(-1)!;
      if (
        opensSentence(sentence, part[0]!.start) &&
        trimmed.length === 1 &&
        !hasInnerCapitalOrDigit(first.text) &&
        !isAcronym(first.text)
      )
        continue;
      // "300 EFLOPS": capitals right after a figure are a unit.
      if (trimmed.length === 1 && isAcronym(first.text) && /\p{N}\s$/u.test(sentence.slice(0, first.start)))
        continue;
      // "power usage effectiveness (PUE)": the acronym of a common term, not a name.
      if (
        trimmed.length === 1 &&
        isAcronym(first.text) &&
        termInitials(sentence.slice(0, first.start)).endsWith(first.text)
      )
        continue;
      phrases.push({
        start: offset + first.start,
        end: offset + last.end,
        surface: sentence.slice(first.start, last.end),
      });
    }
    i = j;
  }
  // A Chinese name is told apart from the text around it only when a Latin-script name stands beside it in
  // brackets: "字节跳动 (ByteDance)" or "Zhipu AI (智谱)". Chinese running text would need a word segmenter.
  const latin = [...phrases];
  for (const match of sentence.matchAll(HAN_RUN)) {
    const start = match.index;
    const end = start + match[0].length;
    const after = /^\s*[(（]([^)）]+)[)）]/u.exec(sentence.slice(end))?.[1]?.trim();
    const bracketed = /[(（]\s*$/u.test(sentence.slice(0, start)) && /^\s*[)）]/u.test(sentence.slice(end));
    const before = bracketed
      ? latin.find((p) => /^\s*[(（]\s*$/u.test(sentence.slice(p.end - offset, start)))
      : undefined;
    const alias = after && !/\p{Script=Han}/u.test(after) ? after : before?.surface;
    if (alias) phrases.push({ start: offset + start, end: offset + end, surface: match[0], alias });
  }
  return phrases.sort((a, b) => a.start - b.start);
}

/**
 * Only ordinary words ("The", "AI Funds:") stand between the sentence's start and `start`, so its capital may be
 * the sentence's own. A title or a preposition before it ("President Biden", "Analysts at Bernstein") says it is a name.
 */
function opensSentence(sentence: string, start: number): boolean {
  const before = sentence.slice(0, start);
  const clause = before.slice(before.search(/[:.!?][^:.!?]*$/u) + 1);
  return (clause.match(/[\p{L}]+/gu) ?? []).every(
    (w) => isCommon(w) && !PERSON_TITLES.has(w.toLowerCase()) && !PREPOSITIONS.has(w.toLowerCase()),
  );
}

const PREPOSITIONS = wordSet("at in on by from with of for to into under over between among about against");

/** The initials of the lower-case words just before a bracket: "power usage effectiveness (" -> "PUE". */
function termInitials(before: string): string {
  const words = /((?:\p{Ll}[\p{L}-]*\s+){2,6})\($/u.exec(before)?.[1]?.trim().split(/\s+/u) ?? [];
  return words.map((w) => w[0]!.toUpperCase()).join("");
}

function adjacent(sentence: string, a: Token, b: Token): boolean {
  return /^[ \u00a0-]$/u.test(sentence.slice(a.end, b.start)) && sentence.slice(a.end, b.start).length === 1;
}

/** "ByteDance and Tencent" are two names; "National Development and Reform Commission" is one. */
function splitAtJoiners(words: Token[]): Token[][] {
  const institutional =
    words.some((w, k) => k > 0 && INSTITUTION_HEADS.has(w.text.toLowerCase())) ||
    INSTITUTION_HEADS.has(words[0]!.text.toLowerCase());
  if (institutional) return [words];
  const parts: Token[][] = [[]];
  for (const word of words) {
    if (JOINERS.has(word.text.toLowerCase())) parts.push([]);
    else parts.at(-1)!.push(word);
  }
  return parts;
}

/** Drops common words and titles at either end: "President Joe Biden" -> "Joe Biden", "The Ascend" -> "Ascend". */
function trimCommon(words: Token[], sentence: string): Token[] {
  let from = 0;
  let to = words.length;
  const institutional = words.some((w) => INSTITUTION_HEADS.has(w.text.toLowerCase()));
  const trims = (word: string) =>
    (COMMON.has(word.toLowerCase()) || (!institutional && ADJECTIVES.has(word.toLowerCase()))) &&
    !isAcronym(word);
  while (from < to && trims(words[from]!.text)) from++;
  const trailing = (word: Token) =>
    (isCommon(word.text) || JOINERS.has(word.text.toLowerCase())) &&
    !isAcronym(word.text) &&
    !/^\p{N}/u.test(word.text);
  // "Moonshot AI released" ends in "AI"; "Ascend AI processors" uses it as an adjective of the noun after it.
  const namesEndIn = (word: Token) =>
    GENERIC_NAME_ENDINGS.has(word.text.toLowerCase()) && !nounFollows(sentence, word.end);
  if (to - 1 > from && namesEndIn(words[to - 1]!)) return words.slice(from, to);
  while (to > from && trailing(words[to - 1]!)) to--;
  return words.slice(from, to);
}

function isAcronym(word: string): boolean {
  return /^\p{Lu}{2,}\p{N}*$/u.test(word) && !COMMON.has(word.toLowerCase());
}

function hasInnerCapitalOrDigit(word: string): boolean {
  return /.\p{Lu}|\p{N}/u.test(word);
}

/** The words just before a phrase, lower-cased, for kind guesses ("President", "based in"). */
export function wordsBefore(sentence: string, start: number, count = 2): string[] {
  return (
    sentence
      .slice(Math.max(0, start - 40), start)
      .toLowerCase()
      .match(/[\p{L}.]+/gu) ?? []
  ).slice(-count);
}

export function wordsAfter(sentence: string, end: number, count = 2): string[] {
  return (
    sentence
      .slice(end, end + 40)
      .toLowerCase()
      .match(/[\p{L}]+/gu) ?? []
  ).slice(0, count);
}

const KIND_BY_HEAD_WORD: [RegExp, EntityKind][] = [
  [
    /^(?:ministry|department|bureau|commission|administration|council|committee|agency|office|authority|government|congress|senate|parliament|regulator|cabinet|court)$/u,
    "GOVERNMENT_BODY",
  ],
  [
    /^(?:university|institute|academy|centre|center|school|college|laboratory|foundation|association|federation|society|market|exchange|forum|alliance)$/u,
    "INSTITUTION",
  ],
  [/^(?:fund|programme|program|plan|initiative|project|list|act|law|rule|strategy|scheme)$/u, "PROGRAMME"],
  [/^(?:review|journal|times|post|daily|news|wire|index|report|magazine|gazette)$/u, "PUBLICATION"],
  [
    /^(?:inc|corp|corporation|co|ltd|limited|group|holdings|technologies|technology|capital|partners|securities|bank|cloud|ai|labs|semiconductor|semiconductors|electronics|motors|media|ventures|systems|networks|intelligence|robotics)$/u,
    "COMPANY",
  ],
];

/** Chinese family names in pinyin, the commonest ones: "Yang Zhilin", "Eddie Wu", "Lin Wei" are people. */
const FAMILY_NAMES = new Set(
  "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao liang zheng xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao cui zhong tan fan liao shi jin jia xia fu fang zou xiong bai meng qin qiu hou yin xue yan duan lei long shao kong mao hao gu lai wan qian tao".split(
    " ",
  ),
);

const CHIP_CONTEXT =
  /^(?:chips?|processors?|gpus?|accelerators?|npus?|cpus?|semiconductors?|wafers?|units?|instances?|clusters?)$/u;
const MODEL_CONTEXT = /^(?:models?|llms?|chatbots?|assistants?|family|series|weights?|agents?)$/u;
const PLACE_PREPOSITION = /(?:\bin|\bacross|\bnear|\boutside|\bbased in)\s$/u;

/** Where a phrase stands, for guessKind. */
export function kindContext(sentence: string, start: number, end: number, phrase: string): KindContext {
  const opening = sentence.slice(0, start);
  return {
    opensSentence: opening.trim() === "",
    nextChar: sentence[end] ?? "",
    placePreposition:
      PLACE_PREPOSITION.test(opening) &&
      /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?$/u.test(phrase) &&
      !/\p{N}/u.test(phrase),
  };
}

export interface KindContext {
  opensSentence: boolean;
  /** The character right after the phrase. */
  nextChar: string;
  /** "in", "across", "based in" stand right before it, and it is one or two plain words. */
  placePreposition: boolean;
}

/** What a new name most likely names, from its own words and the words around it. */
export function guessKind(
  phrase: string,
  before: string[],
  after: string[],
  context: KindContext,
): EntityKind {
  const words = phrase.toLowerCase().split(/[\s]+/u);
  const last = words.at(-1)!.replace(/[.,]$/u, "");
  const first = words[0]!;
  if (before.some((w) => PERSON_TITLES.has(w.replace(/\.$/u, "")))) return "PERSON";
  if (after[0] === "administration" && words.length <= 2) return "PERSON";
  // A dateline: "HANGZHOU, April 29 —".
  if (/^\p{Lu}{3,}$/u.test(phrase) && context.opensSentence && context.nextChar === ",") return "PLACE";
  if (/^(?:based|listed|born)$/u.test(after[0] ?? "") || context.placePreposition) return "PLACE";
  if (after[0] && /^(?:chief|ceo|founder|said|says|told|spoke)$/u.test(after[0])) {
    if (words.length === 2 && /^\p{L}+$/u.test(words.join(""))) return "PERSON";
  }
  if (
    words.length === 2 &&
    (FAMILY_NAMES.has(first) || FAMILY_NAMES.has(last)) &&
    /^[\p{L} ]+$/u.test(phrase)
  )
    return "PERSON";
  for (const [pattern, kind] of KIND_BY_HEAD_WORD) if (words.some((w) => pattern.test(w))) return kind;
  const versioned = /\p{N}/u.test(phrase);
  if (after[0] && CHIP_CONTEXT.test(after[0])) return "CHIP";
  if (after[0] && MODEL_CONTEXT.test(after[0])) return "MODEL";
  // "A100", "H20", "950PR": a letter and hundreds, or digits then letters, is how accelerators are named.
  if (/(?:^|\s)(?:\p{Lu}\p{N}{2,3}\p{Lu}?|\p{N}{3}\p{Lu}{1,3})$/u.test(phrase)) return "CHIP";
  if (versioned) return "MODEL";
  if (after[0] === "index") return "PUBLICATION";
  return "COMPANY";
}
