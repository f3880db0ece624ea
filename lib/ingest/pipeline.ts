// Document -> sections -> sentences -> claims, with entities, sectors, quantities, dates, named sources
// and lost citations. Pure: it reads no database, so the seed, an importer and the tests share it.

import type { ClaimKind, DatePrecision, EntityRole, SourceRelation } from "@/lib/generated/prisma/enums.ts";
import { hasLostCitation } from "./citations";
import {
  LIST_ENTRY,
  classifyKind,
  notCheckableReason,
  splitClaimSpans,
  subjectSlugs,
  subSpan,
  type SentenceSignals,
} from "./claims";
import { Gazetteer, type GazetteerEntity, type Mention } from "./gazetteer";
import { codePointIndexer } from "./offsets";
import { OverrideIndex, type ClaimOverride, type Overlay, type SentenceOverride } from "./overlay";
import { countDates, extractQuantities, findYears } from "./quantities";
import { SectorClassifier, type SectorRule } from "./sectors";
import { splitSentences, type Span } from "./sentences";
import type { ExtractedDocument } from "./formats/document";
import { readPlainText } from "./formats/plain-text";
import { findNamePhrases } from "./names";
import { EntityProposer, type ProposedEntity } from "./proposals";

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
  /** Proposed entities (by key) named in the claim, with where. */
  proposedMentions: { key: string; startOffset: number; endOffset: number; surface: string }[];
  /** Footnotes and links that the sentence cites. */
  references: IngestedReference[];
}

export interface IngestedReference {
  /** The footnote's label ("3") when the sentence cites a note, null for a link in the sentence itself. */
  label: string | null;
  url: string | null;
  /** The link's title, or the note's own text. */
  title: string | null;
}

export interface IngestResult {
  title: string | null;
  sections: IngestedSection[];
  claims: IngestedClaim[];
  /** New entities the text names, with their mentions (code points), for a person to accept or reject. */
  proposedEntities: (Omit<ProposedEntity, "mentions"> & {
    mentions: { startOffset: number; endOffset: number; surface: string }[];
  })[];
  /** Sentences that are not claims, with the reason, so a reviewer can audit the rules and promote them. */
  skipped: { text: string; reason: string; startOffset: number; endOffset: number }[];
}

interface SentenceInContext extends Span {
  override?: SentenceOverride;
  /** Mentions of proposed entities, once the document's proposals are made; claims' sentences only. */
  proposed?: IngestedClaim["proposedMentions"];
  sectionOrder: number;
  headings: string[];
  mentions: Mention[];
  /** Why every sentence of its block is left out (a notes list, page furniture), or null. */
  blockReason: string | null;
  listItem: boolean;
  references: IngestedReference[];
}

/** Sections whose lines link to other pages, not statements. */
const FURNITURE_HEADING =
  /^(?:related(?: articles| stories| coverage| reading)?|read more|more from\b.*|recommended(?: for you)?|most (?:read|popular)|trending|latest news)$/iu;

/** Plain text, as ingestDocument sees it through the plain-text reader. */
export function ingestText(fullText: string, context: IngestContext, overlay?: Overlay): IngestResult {
  return ingestDocument(readPlainText(fullText), context, overlay);
}

export function ingestDocument(
  doc: ExtractedDocument,
  context: IngestContext,
  overlay?: Overlay,
): IngestResult {
  const problem = documentProblem(doc);
  if (problem) throw new Error(`The document cannot be read: ${problem}.`);
  const fullText = doc.text;
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

  const { sections, sentences } = readSentences(doc, gazetteer);

  const checkable: SentenceInContext[] = [];
  /** Claims, and list entries that name people and organisations ("- Omar Haddad, Deputy Minister"). */
  const naming: SentenceInContext[] = [];
  const skipped: IngestResult["skipped"] = [];
  for (const sentence of sentences) {
    const override = sentenceOverrides.find(sentence.text);
    const rulesSay = sentence.blockReason ?? notCheckableReason(sentence.text, signalsOf(sentence, kindOf));
    const reason =
      override?.include === undefined ? rulesSay : override.include ? null : `curated: ${override.why}`;
    if (reason) {
      skipped.push({
        text: sentence.text,
        reason,
        startOffset: toCodePoint(sentence.start),
        endOffset: toCodePoint(sentence.end),
      });
      if (reason === LIST_ENTRY) naming.push(sentence);
    } else {
      const claimSentence = { ...sentence, override, proposed: [] };
      checkable.push(claimSentence);
      naming.push(claimSentence);
    }
  }

  const { proposals, knownVariants } = new EntityProposer(context.entities).propose(naming);
  const sentenceAt = sentenceFinder(naming);
  for (const variant of knownVariants) {
    const sentence = sentenceAt(variant.start);
    if (sentence.proposed)
      sentence.mentions = [...sentence.mentions, variant].sort((a, b) => a.start - b.start);
  }
  for (const proposal of proposals)
    for (const m of proposal.mentions)
      sentenceAt(m.start).proposed?.push({
        key: proposal.key,
        startOffset: m.start,
        endOffset: m.end,
        surface: m.surface,
      });

  const claims: IngestedClaim[] = [];
  for (const sentence of checkable) {
    const { override } = sentence;
    const lostCitation = hasLostCitation(sentence.text);
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
    title: doc.title,
    sections: sections.map((s) => ({
      ...s,
      startOffset: toCodePoint(s.startOffset),
      endOffset: toCodePoint(s.endOffset),
    })),
    claims,
    proposedEntities: proposals.map((p) => ({
      ...p,
      mentions: p.mentions.map((m) => ({
        startOffset: toCodePoint(m.start),
        endOffset: toCodePoint(m.end),
        surface: m.surface,
      })),
    })),
    skipped,
  };
}

/** What is wrong with a reader's output, or null: spans must lie inside the text, blocks in order. */
export function documentProblem(doc: ExtractedDocument): string | null {
  const length = doc.text.length;
  const outside = (span: { start: number; end: number }) =>
    !Number.isInteger(span.start) ||
    !Number.isInteger(span.end) ||
    span.start < 0 ||
    span.end > length ||
    span.start > span.end;
  let previousEnd = 0;
  for (const [index, block] of doc.blocks.entries()) {
    if (outside(block))
      return `block ${index + 1} (${block.start}-${block.end}) lies outside the text's ${length} characters`;
    if (block.start < previousEnd)
      return `block ${index + 1} starts at ${block.start}, inside the block before it`;
    previousEnd = block.end;
  }
  const link = doc.links.findIndex(outside);
  if (link >= 0) return `link ${link + 1} lies outside the text`;
  const note = doc.footnotes.findIndex((f) => outside(f) || f.references.some(outside));
  if (note >= 0) return `footnote ${doc.footnotes[note]!.label} or a reference to it lies outside the text`;
  return null;
}

/** The sentence (of those given, in document order) that holds the offset `at`. */
function sentenceFinder<T extends Span>(sentences: T[]): (at: number) => T {
  return (at) => {
    let low = 0;
    let high = sentences.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (sentences[middle]!.start <= at) low = middle;
      else high = middle - 1;
    }
    return sentences[low]!;
  };
}

function signalsOf(sentence: SentenceInContext, kindOf: Map<string, string>): SentenceSignals {
  const local = (m: { start: number; end: number }) => ({
    start: m.start - sentence.start,
    end: m.end - sentence.start,
  });
  const known = sentence.mentions.map(local);
  const isPlace = (m: Mention) => m.slugs.every((slug) => kindOf.get(slug) === "PLACE");
  const unknownNames = findNamePhrases(sentence.text).filter(
    (p) => !known.some((m) => m.start < p.end && p.start < m.end),
  );
  const skip = [...known, ...unknownNames];
  return {
    names: sentence.mentions.filter((m) => !isPlace(m)).length + unknownNames.length,
    places: sentence.mentions.filter(isPlace).length,
    quantities: extractQuantities(sentence.text, skip).length,
    dates: findYears(sentence.text, skip).length + countDates(sentence.text),
    lostCitation: hasLostCitation(sentence.text),
    cited: sentence.references.length > 0,
    listItem: sentence.listItem,
  };
}

function readSentences(doc: ExtractedDocument, gazetteer: Gazetteer) {
  const fullText = doc.text;
  const sections: IngestedSection[] = [];
  const sentences: SentenceInContext[] = [];
  let chapter: string | null = null;
  let subheading: string | null = null;
  let sectionReason: string | null = null;

  for (const block of doc.blocks) {
    const blockText = fullText.slice(block.start, block.end);
    if (block.kind === "title") continue;
    if (block.kind === "heading") {
      const heading = blockText.trim();
      const level: 1 | 2 = (block.level ?? 1) <= 1 ? 1 : 2;
      if (level === 1) chapter = heading;
      subheading = level === 2 ? heading : null;
      sectionReason = FURNITURE_HEADING.test(heading) ? "page furniture: links to other pages" : null;
      const previous = sections.at(-1);
      if (previous) previous.endOffset = block.start;
      sections.push({
        order: sections.length,
        heading,
        level,
        startOffset: block.start,
        endOffset: fullText.length,
      });
      continue;
    }
    if (sections.length === 0) {
      sections.push({
        order: 0,
        heading: "Introduction",
        level: 1,
        startOffset: block.start,
        endOffset: fullText.length,
      });
    }
    const blockReason =
      block.kind === "footnote"
        ? "a footnote: its text is the source of the sentences that cite it"
        : sectionReason;
    const headings = [subheading, chapter].filter((h): h is string => h !== null);
    const listItem = block.kind === "list-item" || block.kind === "table-row";
    for (const span of splitSentences(blockText, block.start)) {
      sentences.push({
        ...span,
        sectionOrder: sections.length - 1,
        headings,
        mentions: gazetteer.findMentions(span.text, span.start),
        blockReason,
        listItem,
        references: referencesOf(doc, span),
      });
    }
  }
  return { sections, sentences };
}

/** The links inside a sentence, and the notes its footnote markers point at, as its sources. */
function referencesOf(doc: ExtractedDocument, span: Span): IngestedReference[] {
  const inside = (r: { start: number; end: number }) => r.start >= span.start && r.end <= span.end;
  const notes = doc.footnotes
    .filter((f) => f.references.some(inside) && f.end > f.start)
    .map((f) => {
      const link = doc.links.find((l) => l.start >= f.start && l.end <= f.end);
      return { label: f.label, url: link?.url ?? null, title: doc.text.slice(f.start, f.end).trim() };
    });
  const links = doc.links
    .filter((l) => inside(l) && !doc.footnotes.some((f) => l.start >= f.start && l.end <= f.end))
    .map((l) => ({
      label: null,
      url: l.url,
      title: l.title ?? (doc.text.slice(l.start, l.end).trim() || null),
    }));
  return [...notes, ...links];
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
    proposedMentions: (sentence.proposed ?? []).filter(
      (m) => m.startOffset >= part.start && m.endOffset <= part.end,
    ),
    references: sentence.references,
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
    proposedMentions: claim.proposedMentions.map((m) => ({
      ...m,
      startOffset: toCodePoint(m.startOffset),
      endOffset: toCodePoint(m.endOffset),
    })),
  };
}
