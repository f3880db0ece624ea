// Rules that turn a sentence into claims: whether it is checkable at all, where it splits into
// separately checkable statements, what kind of claim each part is and which entities it is about.
// The word lists are general English report language (events, attribution, forecasts, rhetoric),
// not the verbs of any one document.

import type { ClaimKind } from "@/lib/generated/prisma/enums.ts";
import type { Span } from "./sentences";
import type { Mention } from "./gazetteer";

/** What a sentence gives a reviewer to check. */
export interface SentenceSignals {
  /** Named organisations, people, products, programmes: known to the catalog or proposed. */
  names: number;
  /** Countries, regions and cities, and their adjectives ("Chinese"): context more than actors. */
  places: number;
  quantities: number;
  /** Years and calendar dates. */
  dates: number;
  lostCitation: boolean;
  /** A footnote or link points at a source for it. */
  cited: boolean;
  /** A list item or table row, which need no full stop. */
  listItem: boolean;
}

const words = (list: string) => list.trim().split(/\s+/u).join("|");

const QUESTION = /\?["”’)\]]*$|^(?:Q|Question)\s*[:：]/u;
const SELF_REFERENCE = new RegExp(
  `\\b(?:this|the present|the following) (?:${words(
    "article report brief paper note notice interview piece post essay draft document section chapter analysis study review newsletter",
  )})\\b|\\b(?:see (?:below|above|table|figure|chart)|the (?:figures|table|chart) above|readers should|has been edited|as noted (?:above|below))\\b`,
  "iu",
);
const BOILERPLATE = new RegExp(
  `^(?:skip to|menu$|subscribe|sign (?:in|up)|log ?in|share (?:on|this)|copy link|advertisement|sponsored|read more|related(?: articles| stories| coverage)?$|more from|recommended|most read|trending|follow us|cookie|privacy|terms of|©|copyright|all rights reserved|disclaimer|photo:|image:|watch:|listen:)|all rights reserved\\.?$`,
  "iu",
);
/** An entry of a notes or references list: "[3] Caixin, …", "12. Author, Title, 2024, https://…". */
const REFERENCE =
  /^(?:\[\d{1,3}\]|\d{1,3}[.)]\s.*(?:https?:\/\/|\b(?:accessed|retrieved)\b))|^https?:\/\/\S+$/iu;
const ENDS_LIKE_SENTENCE = /[.!?。！？…:;]["”’)\]]*(?:\[[^\]]{0,12}\])?$/u;
/** States that nothing is settled: there is nothing to check until something is. */
const UNDECIDED =
  /\b(?:remains? (?:to be seen|unclear|uncertain)|time will tell|depends on (?:whom|who) you ask|is anyone's guess|nobody knows)\b/iu;
const OPINION = /^I (?:think|believe|feel|suspect|guess|would argue)\b/iu;
/** Figurative or sweeping language that asserts a mood rather than a fact. */
const RHETORIC = new RegExp(
  `\\b(?:no longer just|(?:is|are|isn[’']t|aren[’']t|not) just\\b|not only\\b|the world faces|a new era|game[- ]changer|paradigm shift|at a crossroads|make no mistake|capable of shaping|is shaping|are shaping|is changing global|the future of|it is what it is)`,
  "iu",
);

/** Verbs of saying that report speech wherever they stand. */
export const ATTRIBUTION_WORDS = words(`
  said says told tells stated claimed argued argues asserted according reported wrote warned warns
  estimate estimated estimates acknowledged acknowledges conceded confirmed confirms denied denies
  insisted testified complained complain complains quoted
`);
/** Words that report speech only before "that" ("claims that", "notes that"): otherwise they are nouns or other verbs. */
const SAYING_BEFORE_THAT = words(`
  say states claims claiming asserting reports writes noted notes added adds believes believe described describes
  called calls cited cites announced announces suggested suggests found finds showed shows argue
`);
export const FORECAST_WORDS = words(`
  will shall expects expected expect forecast forecasts forecasted projected projects predicts predicted
  plans planned intends intended aims aimed targets targeted likely poised
`);
/** Things that happened: what was done, decided, bought, sold, built, released, or moved in the market. */
export const EVENT_WORDS = words(`
  released releases launched launches unveiled unveils introduced introduces announced debuted
  signed agreed acquired acquires bought buys sold sells invested invests raised raises funded
  banned bans barred restricted restricts imposed imposes sanctioned blacklisted added removed
  issued issues published publishes approved approves rejected registered licensed certified
  opened opens closed closes built builds deployed deploys adopted adopts installed shipped ships
  designated designates
  delivered delivers ordered orders placed reopened resumed began begun begins started starts
  completed completes finished hired hires appointed appoints named founded established
  filed files listed delisted merged spun partnered joined left moved relocated expanded
  rose rises fell falls gained gains climbed climbs dropped drops surged surges plunged plunges
  jumped jumps slid slumped soared grew grows doubled tripled halved cut cuts reduced increased
  withdrew withdrawn replaced replaces overtook overtakes beat beats topped tops won wins lost
  trained trains tested tests benchmarked open-sourced triggered forced forces directed
  downloaded bought ran reached reaches passed passes enacted revised updated tightened loosened
  eased lifted extended sued fined charged arrested visited met
`);
const MODALS_AND_COPULAS = words(`
  is are was were be been being has have had do does did can could may might must should would will shall
`);
const OTHER_VERBS = words(`
  lead leads led remain remains rely relies relied support supports demonstrate demonstrates
  outperforms outperform signals signal reports hinder hinders manufacture manufactures uses use
  runs run help helps make makes made take takes took give gives gave include includes included
  directs direct rivals rival backs backed controls owns owned studied worked spend spends
  need needs needed host hosts build shook
`);

const QUOTED = /[“"]([^”"]{2,})[”"]/u;
/** Reported speech of any form makes a sentence checkable; only the plain forms make it an attribution. */
const SPEECH = new RegExp(`\\b(?:${ATTRIBUTION_WORDS}|${SAYING_BEFORE_THAT})\\b`, "iu");
const FORECAST = new RegExp(
  `\\b(?:${FORECAST_WORDS}|is expected to|are expected to|on track to|ambitions? for (?:19|20)\\d{2}|by (?:the end of )?20[2-9]\\d)\\b`,
  "iu",
);
const ATTRIBUTION = new RegExp(
  `(?:^(?:claiming|saying|asserting|according to)\\b)|\\b(?:${ATTRIBUTION_WORDS})\\b|\\b(?:${SAYING_BEFORE_THAT}) that\\b|\\b(?:outlined in|in (?:a|its|their) (?:report|statement|filing|note))\\b`,
  "iu",
);
const EVENT = new RegExp(`\\b(?:${EVENT_WORDS})\\b`, "iu");
const COMPARISON =
  /\b(?:than|unlike|compared (?:with|to)|versus|vs\.?|largest|biggest|smallest|fastest|first|only|most|least|more|fewer|less|ahead of|behind|outperform\w*|rival\w*)\b/iu;
/** Rules and plans: what someone must, shall or is encouraged to do is checkable against the rule itself. */
const OBLIGATION =
  /\b(?:shall|must|(?:is|are) (?:encouraged|required|expected|obliged|prohibited|forbidden|(?:not )?(?:allowed|permitted)) to|may (?:not )?(?:receive|apply|approve))\b/iu;
const MAIN_VERB = new RegExp(
  `\\b(?:${MODALS_AND_COPULAS}|${EVENT_WORDS}|${ATTRIBUTION_WORDS}|${FORECAST_WORDS}|intends|plans|${OTHER_VERBS})\\b`,
  "iu",
);

/** The reason given for a list entry without a verb: not a claim, but the names in it are worth proposing. */
export const LIST_ENTRY = "a list entry without a verb: a name or label rather than a statement";

/** Why a sentence is not a claim, or null when it is one. */
export function notCheckableReason(sentence: string, signals: SentenceSignals): string | null {
  const text = sentence.replace(/^(?:A|Answer)\s*[:：]\s*/u, "");
  if (QUESTION.test(sentence)) return "a question: it asks, it does not state";
  if (BOILERPLATE.test(text)) return "page furniture: navigation, credits or legal text";
  if (REFERENCE.test(text)) return "an entry of the notes or references, a source rather than a claim";
  if (SELF_REFERENCE.test(text)) return "describes the document itself";
  if (!signals.listItem && !ENDS_LIKE_SENTENCE.test(text))
    return "no full stop: a heading, label or caption rather than a statement";
  if (signals.listItem && !signals.quantities && !MAIN_VERB.test(text)) return LIST_ENTRY;
  if (UNDECIDED.test(text) && !signals.quantities) return "rhetoric: says the matter is open, states nothing";
  if (OPINION.test(text) && !signals.quantities && !signals.names)
    return "opinion: the speaker's view, nothing to check";
  if (signals.quantities || signals.lostCitation || signals.cited) return null;
  if (RHETORIC.test(text) && !signals.names && !SPEECH.test(text))
    return "rhetoric: figurative or sweeping language with no figure, name or source";
  if (signals.names || SPEECH.test(text)) return null;
  if (signals.dates && (signals.places || MAIN_VERB.test(text))) return null;
  if (signals.places && (EVENT.test(text) || COMPARISON.test(text) || FORECAST.test(text))) return null;
  if (OBLIGATION.test(text)) return null;
  return "rhetoric: names no actor, gives no figure or date, and cites nothing";
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

export function classifyKind(text: string, hasQuantity: boolean): ClaimKind {
  const quoted = QUOTED.exec(text)?.[1];
  // A quoted name ("East Data, West Computing") is not speech: every word of it is capitalised.
  const isName =
    quoted !== undefined &&
    quoted
      .split(/[\s,]+/u)
      .filter(Boolean)
      .every((w) => /^\p{Lu}/u.test(w));
  if (quoted && !isName && (SPEECH.test(text) || quoted.trim().split(/\s+/u).length >= 4)) return "QUOTE";
  if (hasQuantity) return "STATISTIC";
  if (FORECAST.test(text)) return "FORECAST";
  if (ATTRIBUTION.test(text)) return "ATTRIBUTION";
  if (EVENT.test(text)) return "EVENT";
  return "ASSESSMENT";
}

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
