// Document -> sections -> sentences -> claims, with entities, sectors, quantities, dates, named sources
// and lost citations. Pure: it reads no database, so the seed, an importer and the tests share it.

import type { ClaimKind, DatePrecision, EntityRole, SourceRelation } from "@/lib/generated/prisma/enums.ts";
import { hasLostCitation } from "./citations";
import { classifyKind, notCheckableReason, splitClaimSpans, subjectSlugs, subSpan } from "./claims";
import { Gazetteer, type GazetteerEntity, type Mention } from "./gazetteer";
import { codePointIndexer } from "./offsets";
import { OverrideIndex, type ClaimOverride, type Overlay } from "./overlay";
import { readPlainText } from "./formats/plain-text";
import { extractQuantities, findYears } from "./quantities";
import { SectorClassifier, type SectorRule } from "./sectors";
import { splitSentences, type Span } from "./sentences";

export interface SourceCue {
  slug: string;
  /** Regular expressions; any match in a sentence means the text names this source there. */
  cues: string[];
}

export interface IngestContext {
  entities: GazetteerEntity[];
  sectors: SectorRule[];
  sources: SourceCue[];
}

/** All offsets below count Unicode code points in the document's full text. */
export interface IngestedSection {
  order: number;
  heading: string;
  level: 1 | 2;
  startOffset: number;
  endOffset: number;
}

export interface IngestedClaim {
  text: string;
  startOffset: number;
  endOffset: number;
  sectionOrder: number;
  kind: ClaimKind;
  citationMissing: boolean;
  sectors: string[];
  entities: { slug: string; role: EntityRole }[];
  mentions: { slug: string; startOffset: number; endOffset: number; surface: string }[];
  sources: { slug: string; relation: SourceRelation }[];
  quantities: { value: number; unit: string; qualifier: string; surface: string; measure: string }[];
  asOf: { date: string; precision: DatePrecision } | null;
}

export interface IngestResult {
  title: string | null;
  sections: IngestedSection[];
  claims: IngestedClaim[];
  /** Sentences that are not claims, with the reason, so a reviewer can audit the rules. */
  skipped: { text: string; reason: string }[];
}

/** An entity named in at least this share of sentences is the document's topic, not an anchor. */
const TOPIC_SHARE = 0.25;

interface SentenceInContext extends Span {
  sectionOrder: number;
  headings: string[];
  mentions: Mention[];
}

export function ingestText(fullText: string, context: IngestContext, overlay?: Overlay): IngestResult {
  const gazetteer = new Gazetteer(context.entities);
  const kindOf = new Map(context.entities.map((e) => [e.slug, e.kind]));
  const sectorClassifier = new SectorClassifier(context.sectors);
  const sourceCues = context.sources.map((s) => ({
    slug: s.slug,
    regexes: s.cues.map((c) => new RegExp(c, "iu")),
  }));
  const sentenceOverrides = new OverrideIndex(overlay?.sentences ?? []);
  const claimOverrides = new OverrideIndex(overlay?.claims ?? []);
  const toCodePoint = codePointIndexer(fullText);

  const { title, sections, sentences } = readSentences(fullText, gazetteer);
  const topics = topicEntities(sentences);

  const claims: IngestedClaim[] = [];
  const skipped: IngestResult["skipped"] = [];
  for (const sentence of sentences) {
    const override = sentenceOverrides.find(sentence.text);
    const anchors = sentence.mentions.filter((m) => m.slugs.some((slug) => !topics.has(slug)));
    const nameSpans = sentence.mentions.map((m) => ({
      start: m.start - sentence.start,
      end: m.end - sentence.start,
    }));
    const lostCitation = hasLostCitation(sentence.text);
    const rulesSay = notCheckableReason(sentence.text, {
      mentions: anchors.length,
      quantities: extractQuantities(sentence.text, nameSpans).length,
      years: findYears(sentence.text, nameSpans).length,
      lostCitation,
    });
    const reason =
      override?.include === undefined ? rulesSay : override.include ? null : `curated: ${override.why}`;
    if (reason) {
      skipped.push({ text: sentence.text, reason });
      continue;
    }

    const parts = override?.split ? splitAsCurated(sentence, override.split) : splitClaimSpans(sentence);
    const namedSources = sourceCues
      .filter((s) => s.regexes.some((r) => r.test(sentence.text)))
      .map((s) => s.slug);
    for (const part of parts) {
      const claim = buildClaim(part, sentence, { lostCitation, namedSources, kindOf, sectorClassifier });
      const curated = claimOverrides.find(part.text);
      if (curated) applyClaimOverride(claim, curated);
      claims.push(toCodePoints(claim, toCodePoint));
    }
  }

  const problems = [...sentenceOverrides.problems("sentence"), ...claimOverrides.problems("claim")];
  if (problems.length) throw new Error(`The overlay does not fit the document:\n${problems.join("\n")}`);

  return {
    title,
    sections: sections.map((s) => ({
      ...s,
      startOffset: toCodePoint(s.startOffset),
      endOffset: toCodePoint(s.endOffset),
    })),
    claims,
    skipped,
  };
}

function readSentences(fullText: string, gazetteer: Gazetteer) {
  let title: string | null = null;
  const sections: IngestedSection[] = [];
  const sentences: SentenceInContext[] = [];
  let chapter: string | null = null;
  let subheading: string | null = null;

  for (const block of readPlainText(fullText).blocks) {
    const shown = fullText.slice(block.start, block.end);
    if (block.kind === "title") {
      title = shown;
    } else if (block.kind === "heading") {
      const level = block.level === 1 ? 1 : 2;
      if (level === 1) chapter = shown;
      subheading = level === 2 ? shown : null;
      const previous = sections.at(-1);
      if (previous) previous.endOffset = block.start;
      sections.push({
        order: sections.length,
        heading: shown,
        level,
        startOffset: block.start,
        endOffset: fullText.length,
      });
    } else {
      if (sections.length === 0) {
        sections.push({
          order: 0,
          heading: "Introduction",
          level: 1,
          startOffset: block.start,
          endOffset: fullText.length,
        });
      }
      const headings = [subheading, chapter].filter((h): h is string => h !== null);
      for (const span of splitSentences(shown, block.start)) {
        const mentions = gazetteer.findMentions(span.text, span.start);
        sentences.push({ ...span, sectionOrder: sections.length - 1, headings, mentions });
      }
    }
  }
  return { title, sections, sentences };
}

function topicEntities(sentences: SentenceInContext[]): Set<string> {
  const sentencesNaming = new Map<string, number>();
  for (const sentence of sentences) {
    for (const slug of new Set(sentence.mentions.flatMap((m) => m.slugs))) {
      sentencesNaming.set(slug, (sentencesNaming.get(slug) ?? 0) + 1);
    }
  }
  const threshold = Math.max(3, sentences.length * TOPIC_SHARE);
  return new Set([...sentencesNaming].filter(([, count]) => count >= threshold).map(([slug]) => slug));
}

function splitAsCurated(sentence: Span, parts: string[]): Span[] {
  let from = 0;
  return parts.map((part) => {
    const span = subSpan(sentence, part, from);
    from = span.end - sentence.start;
    return span;
  });
}

function buildClaim(
  part: Span,
  sentence: SentenceInContext,
  shared: {
    lostCitation: boolean;
    namedSources: string[];
    kindOf: Map<string, string>;
    sectorClassifier: SectorClassifier;
  },
): IngestedClaim {
  const mentions = sentence.mentions.filter((m) => m.start >= part.start && m.end <= part.end);
  const nameSpans = mentions.map((m) => ({ start: m.start - part.start, end: m.end - part.start }));
  const quantities = extractQuantities(part.text, nameSpans);
  const kind = classifyKind(part.text, quantities.length > 0);
  const years = findYears(part.text, nameSpans);
  const subjects = subjectSlugs(part, mentions);
  const slugs = [...new Set(mentions.flatMap((m) => m.slugs))];
  return {
    text: part.text,
    startOffset: part.start,
    endOffset: part.end,
    sectionOrder: sentence.sectionOrder,
    kind,
    citationMissing: shared.lostCitation,
    sectors: shared.sectorClassifier.classify(
      part.text,
      slugs.map((s) => shared.kindOf.get(s) ?? ""),
      sentence.headings,
    ),
    entities: slugs.map((slug) => ({ slug, role: subjects.has(slug) ? "SUBJECT" : "MENTIONED" })),
    mentions: mentions.flatMap((m) =>
      m.slugs.map((slug) => ({ slug, startOffset: m.start, endOffset: m.end, surface: m.surface })),
    ),
    sources: shared.namedSources.map((slug) => ({ slug, relation: "CITED_IN_TEXT" })),
    quantities: quantities.map(({ value, unit, qualifier, surface, measure }) => ({
      value,
      unit,
      qualifier,
      surface,
      measure,
    })),
    // A forecast's year is its horizon, not the date its statement held.
    asOf:
      kind !== "FORECAST" && years.length ? { date: `${Math.max(...years)}-01-01`, precision: "YEAR" } : null,
  };
}

function applyClaimOverride(claim: IngestedClaim, curated: ClaimOverride) {
  if (curated.kind) claim.kind = curated.kind;
  if (curated.sectors) {
    const remove = new Set(curated.sectors.remove);
    claim.sectors = [...new Set([...claim.sectors.filter((s) => !remove.has(s)), ...curated.sectors.add])];
  }
  if (curated.entities) {
    const { add, remove, subjects } = curated.entities;
    const removed = new Set(remove);
    claim.entities = claim.entities.filter((e) => !removed.has(e.slug));
    claim.mentions = claim.mentions.filter((m) => !removed.has(m.slug));
    for (const entity of add) {
      if (!claim.entities.some((e) => e.slug === entity.slug)) claim.entities.push(entity);
    }
    if (subjects) {
      const subjectSet = new Set(subjects);
      claim.entities = claim.entities.map((e) => ({
        ...e,
        role: subjectSet.has(e.slug) ? "SUBJECT" : "MENTIONED",
      }));
    }
  }
  if (curated.sources) {
    for (const source of curated.sources) {
      if (!claim.sources.some((s) => s.slug === source.slug && s.relation === source.relation))
        claim.sources.push(source);
    }
  }
  for (const [surface, measure] of Object.entries(curated.measures ?? {})) {
    const quantity = claim.quantities.find((q) => q.surface === surface);
    if (!quantity)
      throw new Error(`Overlay names a quantity "${surface}" that the claim "${claim.text}" does not state`);
    quantity.measure = measure;
  }
  if (curated.asOf !== undefined) claim.asOf = curated.asOf === null ? null : toAsOf(curated.asOf);
}

function toAsOf(value: string): IngestedClaim["asOf"] {
  const parts = value.split("-");
  const precision: DatePrecision = parts.length === 1 ? "YEAR" : parts.length === 2 ? "MONTH" : "DAY";
  return { date: [parts[0], parts[1] ?? "01", parts[2] ?? "01"].join("-"), precision };
}

function toCodePoints(claim: IngestedClaim, toCodePoint: (i: number) => number): IngestedClaim {
  return {
    ...claim,
    startOffset: toCodePoint(claim.startOffset),
    endOffset: toCodePoint(claim.endOffset),
    mentions: claim.mentions.map((m) => ({
      ...m,
      startOffset: toCodePoint(m.startOffset),
      endOffset: toCodePoint(m.endOffset),
    })),
  };
}
