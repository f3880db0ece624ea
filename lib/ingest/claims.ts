// Rules that turn a sentence into claims: whether it is checkable at all, where it splits into
// separately checkable statements, what kind of claim each part is and which entities it is about.

import type { ClaimKind } from "@/lib/generated/prisma/enums.ts";
import type { Span } from "./sentences";
import type { Mention } from "./gazetteer";

const META = /^(?:this|the present) (?:article|report|piece|post|essay|paper)\b/i;

/** Why a sentence is not a claim, or null when it is one. */
export function notCheckableReason(
  sentence: string,
  anchors: { mentions: number; quantities: number; years: number; lostCitation: boolean },
): string | null {
  if (META.test(sentence)) return "describes the article itself";
  if (anchors.lostCitation || anchors.mentions || anchors.quantities || anchors.years) return null;
  return "rhetoric: names no entity beyond the article's topic, gives no figure or date, and cited nothing";
}

/**
 * "Although A, B" states two things a reviewer checks separately, and so does "A, claiming B":
 * the second part is the speaker's claim, not the author's.
 */
export function splitClaimSpans(sentence: Span): Span[] {
  const concessive = /^(?:Although|Though|While|Whereas) (?<first>[^,]+), (?<second>.+)$/u.exec(
    sentence.text,
  );
  if (concessive?.groups) {
    return [
      subSpan(sentence, concessive.groups.first!),
      subSpan(sentence, concessive.groups.second!, concessive.groups.first!.length),
    ];
  }
  const claiming = /^(?<first>.+?), (?<second>(?:claiming|saying|asserting) .+)$/u.exec(sentence.text);
  if (claiming?.groups) {
    return [
      subSpan(sentence, claiming.groups.first!),
      subSpan(sentence, claiming.groups.second!, claiming.groups.first!.length),
    ];
  }
  return [sentence];
}

/** The span of `part` inside `sentence`, searching from `from`. */
export function subSpan(sentence: Span, part: string, from = 0): Span {
  const index = sentence.text.indexOf(part, from);
  if (index < 0) throw new Error(`"${part}" is not part of the sentence "${sentence.text}"`);
  return { start: sentence.start + index, end: sentence.start + index + part.length, text: part };
}

const QUOTED = /[“"][^”"]{2,}[”"]/u;
const FORECAST =
  /\b(?:will|is expected to|are expected to|forecasts?|projected|ambitions? for (?:19|20)\d{2}|by (?:20[3-9]\d))\b/iu;
const ATTRIBUTION =
  /(?:^(?:claiming|saying|asserting|according to)\b)|\b(?:claims? that|said that|according to|outlined in)\b/iu;
const EVENT =
  /\b(?:released|launched|announced|named|shook|triggered|forced|adopted|deployed|are being deployed|relocat\w+|moved|have begun|has begun|directed|host|consolidate|push to sell|are building|is building|are leveraging)\b/iu;

export function classifyKind(text: string, hasQuantity: boolean): ClaimKind {
  if (QUOTED.test(text)) return "QUOTE";
  if (hasQuantity) return "STATISTIC";
  if (FORECAST.test(text)) return "FORECAST";
  if (ATTRIBUTION.test(text)) return "ATTRIBUTION";
  if (EVENT.test(text)) return "EVENT";
  return "ASSESSMENT";
}

const MAIN_VERB =
  /\b(?:is|are|was|were|has|have|had|will|can|could|may|might|released|shook|triggered|host|consolidate|directed|build|lead|leads|reports|hinder|relocating|remain|remains|relies|rely|support|demonstrate|demonstrates|outperforms|signals|acknowledged|named)\b/iu;

/**
 * The subjects of a claim are the entities named before its main verb ("Huawei's PanGu-Σ is ...");
 * when the verb comes first, the first entity named is taken as the subject.
 */
export function subjectSlugs(claim: Span, mentions: Mention[]): Set<string> {
  const verb = MAIN_VERB.exec(claim.text);
  const verbAt = verb ? claim.start + verb.index : claim.end;
  const before = mentions.filter((m) => m.start < verbAt);
  return new Set((before.length ? before : mentions.slice(0, 1)).flatMap((m) => m.slugs));
}
