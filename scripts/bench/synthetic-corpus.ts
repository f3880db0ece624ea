// Deterministic synthetic corpus for `npm run bench`: documents, sections, claims and every link table, shaped like
// the seed's data (tests/fixtures/expected-claims.json) but a few thousand times larger. Pure: no database, no clock,
// no Math.random, so the same options give the same rows on every run and the bench can cache what it loaded.

import type {
  ClaimKind,
  DatePrecision,
  EntityKind,
  EntityRole,
  ReviewStatus,
  SourceKind,
  SourceRelation,
  SourceReliability,
  Verdict,
} from "@/lib/generated/prisma/enums.ts";
import type { Catalog } from "@/lib/ingest/catalog";
import { contentHash } from "@/lib/ingest/import-document";
import { createRandom, createZipfSampler, type Random } from "./prng";
import {
  ADJECTIVES,
  CHIP_LETTERS,
  CITIES,
  COMPANY_SUFFIXES,
  COUNTED_NOUNS,
  FILLER_SENTENCES,
  FOREIGN_PLACES,
  GOVERNMENT_DOMAINS,
  HEADING_EMOJI,
  MODEL_SERIES,
  MONTHS,
  PROVINCES,
  PUBLISHERS,
  RESEARCH_FIELDS,
  SECTOR_HEADINGS,
  SECTOR_TOPICS,
  SURNAMES,
  SYLLABLES,
} from "./synthetic-vocabulary";

export interface SyntheticCorpusOptions {
  seed: string;
  claims: number;
  documents: number;
  entities: number;
  sources: number;
}

/** The corpus the issue asks the bench to measure: 100k claims at the seed's proportions. */
const BENCH_CORPUS_OPTIONS: SyntheticCorpusOptions = {
  seed: "claimdesk-bench-v1",
  claims: 100_000,
  documents: 400,
  entities: 5_000,
  sources: 2_000,
};

/** Scales the bench corpus to `claims`, keeping its ratios, for quick local runs (`--claims 10000`). */
export function scaledCorpusOptions(claims: number): SyntheticCorpusOptions {
  const ratio = claims / BENCH_CORPUS_OPTIONS.claims;
  return {
    seed: BENCH_CORPUS_OPTIONS.seed,
    claims,
    documents: Math.max(1, Math.round(BENCH_CORPUS_OPTIONS.documents * ratio)),
    entities: Math.max(100, Math.round(BENCH_CORPUS_OPTIONS.entities * ratio)),
    sources: Math.max(20, Math.round(BENCH_CORPUS_OPTIONS.sources * ratio)),
  };
}

export type CorpusCatalog = Pick<Catalog, "sectors" | "entities" | "sources">;

export interface SectorRow {
  id: number;
  slug: string;
  name: string;
  description: string;
  position: number;
}
export interface EntityRow {
  id: number;
  slug: string;
  name: string;
  kind: EntityKind;
  country: string | null;
  description: string | null;
  parentId: number | null;
}
export interface EntityAliasRow {
  id: number;
  entityId: number;
  alias: string;
  language: string;
}
export interface SourceRow {
  id: number;
  slug: string;
  title: string;
  publisher: string | null;
  url: string | null;
  kind: SourceKind;
  publishedAt: string | null;
  reliability: SourceReliability | null;
  notes: string | null;
}
export interface DocumentRow {
  id: number;
  slug: string;
  title: string;
  publisher: string | null;
  url: string | null;
  publishedAt: string | null;
  importedAt: string;
  fullText: string;
  contentHash: string;
}
export interface SectionRow {
  id: number;
  documentId: number;
  order: number;
  heading: string;
  level: number;
  startOffset: number;
  endOffset: number;
}
export interface ClaimRow {
  id: number;
  documentId: number;
  sectionId: number;
  text: string;
  startOffset: number;
  endOffset: number;
  kind: ClaimKind;
  citationMissing: boolean;
  status: ReviewStatus;
  verdict: Verdict | null;
  asOfDate: string | null;
  asOfPrecision: DatePrecision | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}
export interface ClaimSectorRow {
  claimId: number;
  sectorId: number;
}
export interface ClaimEntityRow {
  claimId: number;
  entityId: number;
  role: EntityRole;
}
export interface EntityMentionRow {
  id: number;
  claimId: number;
  entityId: number;
  startOffset: number;
  endOffset: number;
  surface: string;
}
export interface ClaimSourceRow {
  claimId: number;
  sourceId: number;
  relation: SourceRelation;
}
export interface QuantityRow {
  id: number;
  claimId: number;
  value: number;
  unit: string;
  measure: string;
  surface: string;
  qualifier: string;
}

/** Tables in foreign-key order, named as in the database. */
export interface SyntheticCorpus {
  Sector: SectorRow[];
  Entity: EntityRow[];
  EntityAlias: EntityAliasRow[];
  Source: SourceRow[];
  Document: DocumentRow[];
  Section: SectionRow[];
  Claim: ClaimRow[];
  ClaimSector: ClaimSectorRow[];
  ClaimEntity: ClaimEntityRow[];
  EntityMention: EntityMentionRow[];
  ClaimSource: ClaimSourceRow[];
  Quantity: QuantityRow[];
}

// Proportions read off the seed (tests/fixtures/expected-claims.json), the only real corpus we have.
const CLAIM_KIND_WEIGHTS: [ClaimKind, number][] = [
  ["ASSESSMENT", 46],
  ["EVENT", 37],
  ["STATISTIC", 7],
  ["ATTRIBUTION", 5],
  ["QUOTE", 2.5],
  ["FORECAST", 2.5],
];
const CITATION_MISSING_SHARE = 0.58;
const SECTORS_PER_CLAIM: [number, number][] = [
  [1, 51],
  [2, 30],
  [3, 14],
  [4, 5],
];
const ENTITIES_PER_CLAIM: [number, number][] = [
  [1, 29],
  [2, 34],
  [3, 17],
  [4, 15],
  [5, 2.5],
  [6, 2.5],
];
/** Besides attributions (which always name a source), claims a reviewer linked to evidence: ~12% sourced in all. */
const REVIEWER_SOURCE_SHARE = 0.075;
const AS_OF_SHARE = 0.08;
const FILLER_SHARE = 0.12;
// The seed is barely reviewed yet; a desk in use is not, and the status and verdict filters need rows to select.
const STATUS_WEIGHTS: [ReviewStatus, number][] = [
  ["UNREVIEWED", 72],
  ["IN_REVIEW", 11],
  ["REVIEWED", 17],
];
const VERDICT_WEIGHTS: [Verdict, number][] = [
  ["SUPPORTED", 30],
  ["MOSTLY_SUPPORTED", 20],
  ["MIXED", 12],
  ["MISLEADING", 7],
  ["UNSUPPORTED", 12],
  ["FALSE", 5],
  ["UNVERIFIABLE", 9],
  ["OPINION", 5],
];
/** Some sectors dominate reports on China's AI (chips, models), others are niche (healthcare). */
const SECTOR_POPULARITY: Readonly<Record<string, number>> = {
  "hardware-chips": 16,
  "foundation-models": 18,
  "compute-energy": 9,
  "state-policy-funding": 12,
  "talent-research": 6,
  "global-expansion": 7,
  "markets-finance": 8,
  "geopolitics-export-controls": 11,
  "governance-ethics": 5,
  healthcare: 3,
  "enterprise-adoption": 6,
  "open-source": 4,
};
const ENTITY_KIND_WEIGHTS: [EntityKind, number][] = [
  ["COMPANY", 40],
  ["PERSON", 20],
  ["MODEL", 12],
  ["CHIP", 5],
  ["GOVERNMENT_BODY", 5],
  ["PROGRAMME", 4],
  ["PLACE", 6],
  ["INSTITUTION", 6],
  ["PUBLICATION", 2],
];
/** Zipf–Mandelbrot over popularity ranks: with 5,000 entities the most mentioned one is in ~3-4% of claims. */
const ENTITY_ZIPF = { exponent: 1, offset: 10 };
const SOURCE_ZIPF = { exponent: 0.9, offset: 5 };

/** Builds the whole corpus. The catalog's sectors are used as they are; its entities and sources head the lists. */
export function generateSyntheticCorpus(
  options: SyntheticCorpusOptions,
  catalog: CorpusCatalog,
): SyntheticCorpus {
  if (options.claims < options.documents)
    throw new Error("A synthetic corpus needs at least one claim per document.");
  const random = createRandom(options.seed);
  const sectors = catalog.sectors.map((sector, position): SectorRow => ({
    id: position + 1,
    slug: sector.slug,
    name: sector.name,
    description: sector.description,
    position,
  }));
  const sectorInfo = sectors.map((row, index) => ({
    row,
    topics: SECTOR_TOPICS[row.slug] ?? catalog.sectors[index]!.keywords,
    heading: SECTOR_HEADINGS[row.slug] ?? row.name,
  }));
  const { entities, aliases, popularity } = generateEntities(random, options.entities, catalog.entities);
  const sources = generateSources(random, options.sources, catalog.sources, sectorInfo);

  const corpus: SyntheticCorpus = {
    Sector: sectors,
    Entity: entities,
    EntityAlias: aliases,
    Source: sources,
    Document: [],
    Section: [],
    Claim: [],
    ClaimSector: [],
    ClaimEntity: [],
    EntityMention: [],
    ClaimSource: [],
    Quantity: [],
  };
  const writer = new ClaimWriter(random, corpus, sectorInfo, entities, aliases, popularity, sources);
  const perDocument = splitEvenly(options.claims, options.documents);
  perDocument.forEach((claims, index) => writer.writeDocument(index + 1, claims));
  return corpus;
}

// ---------------------------------------------------------------------------------------------------------------
// Entities and sources

interface EntityDraft {
  name: string;
  kind: EntityKind;
  country: string | null;
  description: string;
  aliases: [string, string][];
  /** The kind of entity this one belongs to, if any; resolved to an id once all exist. */
  parentKind?: EntityKind;
}

function generateEntities(
  random: Random,
  total: number,
  catalog: CorpusCatalog["entities"],
): { entities: EntityRow[]; aliases: EntityAliasRow[]; popularity: number[] } {
  const entities: EntityRow[] = [];
  const aliases: EntityAliasRow[] = [];
  const names = new Set<string>();
  const slugs = new Set<string>();
  const bySlug = new Map<string, EntityRow>();
  const addAliases = (entityId: number, list: readonly (readonly [string, string])[]) => {
    const seen = new Set<string>();
    for (const [alias, language] of list) {
      if (seen.has(alias)) continue;
      seen.add(alias);
      aliases.push({ id: aliases.length + 1, entityId, alias, language });
    }
  };

  for (const entry of catalog.slice(0, total)) {
    const row: EntityRow = {
      id: entities.length + 1,
      slug: entry.slug,
      name: entry.name,
      kind: entry.kind,
      country: entry.country,
      description: entry.description,
      parentId: null,
    };
    entities.push(row);
    bySlug.set(row.slug, row);
    names.add(row.name.toLowerCase());
    slugs.add(row.slug);
    addAliases(row.id, entry.aliases);
  }
  for (const entry of catalog.slice(0, total)) {
    if (entry.parent) bySlug.get(entry.slug)!.parentId = bySlug.get(entry.parent)?.id ?? null;
  }

  const drafts = new EntityDrafter(random);
  const parentKinds = new Map<number, EntityKind>();
  while (entities.length < total) {
    const kind = random.weighted(ENTITY_KIND_WEIGHTS);
    let draft = drafts.draft(kind);
    // Some kinds run out of names (there are only so many cities); companies, the commonest kind, never do.
    for (let attempt = 1; names.has(draft.name.toLowerCase()); attempt++) {
      draft = drafts.draft(attempt < 20 ? kind : "COMPANY");
    }
    names.add(draft.name.toLowerCase());
    const row: EntityRow = {
      id: entities.length + 1,
      slug: uniqueSlug(slugify(draft.name), slugs),
      name: draft.name,
      kind: draft.kind,
      country: draft.country,
      description: draft.description,
      parentId: null,
    };
    entities.push(row);
    if (draft.parentKind) parentKinds.set(row.id, draft.parentKind);
    addAliases(row.id, draft.aliases);
  }

  // Parents point at an earlier entity of the right kind, so the hierarchy has no cycles.
  const idsByKind = new Map<EntityKind, number[]>();
  for (const row of entities) {
    const parentKind = parentKinds.get(row.id);
    const candidates = parentKind ? idsByKind.get(parentKind) : undefined;
    if (candidates?.length && random.chance(0.7)) row.parentId = random.pick(candidates);
    const sameKind = idsByKind.get(row.kind) ?? [];
    sameKind.push(row.id);
    idsByKind.set(row.kind, sameKind);
  }

  // The catalog's entities are the well-known ones and head the popularity ranking; the synthetic tail is shuffled
  // so that popularity does not follow the order kinds were drawn in.
  const head = entities.slice(0, Math.min(catalog.length, total)).map((row) => row.id);
  const tail = entities.slice(head.length).map((row) => row.id);
  shuffle(random, tail);
  return { entities, aliases, popularity: [...head, ...tail] };
}

class EntityDrafter {
  constructor(private readonly random: Random) {}

  draft(kind: EntityKind): EntityDraft {
    const r = this.random;
    switch (kind) {
      case "COMPANY": {
        const [base, baseZh] = this.brand();
        const [suffix, suffixZh] = r.pick(COMPANY_SUFFIXES);
        return {
          name: `${base} ${suffix}`,
          kind,
          country: r.chance(0.9) ? "CN" : null,
          description: `Chinese technology company working on ${suffix.toLowerCase()}.`,
          aliases: [
            [base, "en"],
            [`${baseZh}${suffixZh}`, "zh"],
          ],
        };
      }
      case "PERSON": {
        const [surname, surnameZh] = r.pick(SURNAMES);
        const given = r.chance(0.7) ? [r.pick(SYLLABLES), r.pick(SYLLABLES)] : [r.pick(SYLLABLES)];
        const givenName = capitalise(given.map(([pinyin]) => pinyin).join(""));
        return {
          name: `${surname} ${givenName}`,
          kind,
          country: "CN",
          description: "Researcher or executive in China's AI industry.",
          aliases: [
            [`${givenName} ${surname}`, "en"],
            [`${surnameZh}${given.map(([, zh]) => zh).join("")}`, "zh"],
          ],
          parentKind: r.chance(0.6) ? "COMPANY" : "INSTITUTION",
        };
      }
      case "MODEL": {
        const [base, baseZh] = this.brand();
        const series = r.pick(MODEL_SERIES);
        const version = `${r.int(1, 5)}${r.chance(0.3) ? `.${r.int(1, 9)}` : ""}`;
        return {
          name: `${base}-${series} ${version}`,
          kind,
          country: "CN",
          description: `Large model of the ${base} ${series} series.`,
          aliases: [
            [`${base}-${series}-${version}`, "en"],
            [`${baseZh}${series}${version}`, "zh"],
          ],
          parentKind: "COMPANY",
        };
      }
      case "CHIP": {
        const [base, baseZh] = this.brand();
        const part = `${r.pick(CHIP_LETTERS)}${r.int(1, 9)}${r.int(0, 9)}${r.int(0, 9)}`;
        return {
          name: `${base} ${part}`,
          kind,
          country: "CN",
          description: "Domestic AI accelerator.",
          aliases: [
            [`${base}-${part}`, "en"],
            [`${baseZh}${part}`, "zh"],
          ],
          parentKind: "COMPANY",
        };
      }
      case "GOVERNMENT_BODY": {
        const [place, placeZh] = r.chance(0.5) ? r.pick(PROVINCES) : r.pick(CITIES);
        const [domain, domainZh] = r.pick(GOVERNMENT_DOMAINS);
        return {
          name: `${place} Department of ${domain}`,
          kind,
          country: "CN",
          description: `Local government body overseeing ${domain.toLowerCase()}.`,
          aliases: [[`${placeZh}${domainZh}`, "zh"]],
          parentKind: "GOVERNMENT_BODY",
        };
      }
      case "PROGRAMME": {
        const [place, placeZh] = r.chance(0.5) ? r.pick(CITIES) : r.pick(PROVINCES);
        const [name, zh] = r.pick<readonly [string, string]>([
          ["Compute Voucher Programme", "算力券计划"],
          ["AI Plus Action Plan", "人工智能+行动计划"],
          ["Large Model Innovation Fund", "大模型创新基金"],
          ["Chip Self-Reliance Initiative", "芯片自主计划"],
          ["Data Element Pilot Zone", "数据要素试验区"],
        ]);
        return {
          name: `${place} ${name}`,
          kind,
          country: "CN",
          description: "Local industrial programme supporting AI.",
          aliases: [[`${placeZh}${zh}`, "zh"]],
          parentKind: "GOVERNMENT_BODY",
        };
      }
      case "PLACE": {
        if (r.chance(0.3)) {
          const [name, zh, country] = r.pick(FOREIGN_PLACES);
          return {
            name,
            kind,
            country,
            description: "Country or region outside mainland China.",
            aliases: [[zh, "zh"]],
          };
        }
        const [city, cityZh] = r.pick(CITIES);
        const [zone, zoneZh] = r.pick<readonly [string, string]>([
          ["High-Tech Zone", "高新区"],
          ["AI Town", "人工智能小镇"],
          ["Computing Hub", "算力枢纽"],
          ["Science City", "科学城"],
        ]);
        return {
          name: r.chance(0.4) ? city : `${city} ${zone}`,
          kind,
          country: "CN",
          description: "Place in mainland China.",
          aliases: [[r.chance(0.4) ? cityZh : `${cityZh}${zoneZh}`, "zh"]],
          parentKind: "PLACE",
        };
      }
      case "INSTITUTION": {
        const [place, placeZh] = r.chance(0.5) ? r.pick(CITIES) : r.pick(PROVINCES);
        const [field, fieldZh] = r.pick(RESEARCH_FIELDS);
        const university = r.chance(0.5);
        return {
          name: university ? `${place} University of ${field}` : `${place} Institute of ${field}`,
          kind,
          country: "CN",
          description: `Research institution working on ${field.toLowerCase()}.`,
          aliases: [[`${placeZh}${fieldZh}${university ? "大学" : "研究院"}`, "zh"]],
        };
      }
      case "PUBLICATION": {
        const [base, baseZh] = this.brand();
        const [kindName, kindZh] = r.pick<readonly [string, string]>([
          ["Review", "评论"],
          ["Weekly", "周刊"],
          ["Tech Daily", "科技日报"],
          ["Insight", "洞察"],
        ]);
        return {
          name: `${base} ${kindName}`,
          kind,
          country: "CN",
          description: "Publication covering China's technology sector.",
          aliases: [[`${baseZh}${kindZh}`, "zh"]],
        };
      }
    }
  }

  /** A two-syllable brand with its Chinese spelling, the way Zhipu (智谱) or Baichuan (百川) are built. */
  private brand(): [string, string] {
    const [first, firstZh] = this.random.pick(SYLLABLES);
    const [second, secondZh] = this.random.pick(SYLLABLES);
    return [capitalise(first + second), firstZh + secondZh];
  }
}

function generateSources(
  random: Random,
  total: number,
  catalog: CorpusCatalog["sources"],
  sectors: SectorInfo[],
): SourceRow[] {
  const sources: SourceRow[] = [];
  const slugs = new Set<string>();
  for (const entry of catalog.slice(0, total)) {
    slugs.add(entry.slug);
    sources.push({
      id: sources.length + 1,
      slug: entry.slug,
      title: entry.title,
      publisher: entry.publisher,
      url: entry.url,
      kind: entry.kind,
      publishedAt: entry.publishedAt,
      reliability: null,
      notes: entry.notes,
    });
  }
  while (sources.length < total) {
    const [publisher, kind] = random.pick(PUBLISHERS);
    const sector = random.pick(sectors);
    const year = random.int(2019, 2026);
    const topic = random.pick(sector.topics);
    const title = random.pick([
      `${capitalise(topic)} in China, ${year}`,
      `China's ${topic}: outlook for ${year}`,
      `Tracking ${topic} across China's provinces`,
      `${capitalise(topic)} and the ${sector.heading.toLowerCase()} agenda`,
    ]);
    const slug = uniqueSlug(slugify(`${publisher} ${title}`).slice(0, 80).replace(/-+$/, ""), slugs);
    sources.push({
      id: sources.length + 1,
      slug,
      title,
      publisher,
      url: random.chance(0.8) ? `https://${slugify(publisher)}.example/${slug}` : null,
      kind,
      publishedAt: random.chance(0.85) ? isoDate(year, random.int(1, 12), random.int(1, 28)) : null,
      reliability: random.weighted<SourceReliability | null>([
        ["A", 10],
        ["B", 30],
        ["C", 25],
        ["D", 5],
        ["E", 2],
        ["F", 8],
        [null, 20],
      ]),
      notes: null,
    });
  }
  return sources;
}

// ---------------------------------------------------------------------------------------------------------------
// Documents and claims

interface SectorInfo {
  row: SectorRow;
  topics: readonly string[];
  heading: string;
}

interface QuantityDraft {
  surface: string;
  value: number;
  unit: string;
  qualifier: string;
  /** What a count counts, for the measure ("GPUs deployed for ..."). */
  noun?: string;
}

interface ClaimTemplate {
  /** Placeholders: {S} subject, {S's} its possessive, {E} the next other entity, {T}/{T2} topics, {A} adjective,
   *  {Y} year, {M} month, {Q} the quantity, {SRC} the cited source's publisher. {N} in a measure: the counted noun. */
  text: string;
  quantity?: "money" | "percent" | "count" | "parameters";
  measure?: string;
}

const TEMPLATES: Record<ClaimKind, ClaimTemplate[]> = {
  ASSESSMENT: [
    { text: "{S} remains central to the country’s plans for {T}" },
    { text: "{S's} position in {T} looks stronger than it did a year ago" },
    { text: "The {A} progress of {S} in {T} has surprised many observers" },
    { text: "{S} still depends on foreign suppliers for {T}" },
    { text: "For {S}, {T} has become a strategic priority rather than a side project" },
    { text: "Analysts see {S} as the strongest contender in {T}, ahead of {E}" },
    { text: "{S's} reliance on {T} leaves it exposed to pressure from {E}" },
    { text: "The gap between {S} and {E} in {T} has narrowed faster than expected" },
    { text: "{S} is building a {A} lead in {T} that {E} and {E} cannot easily match" },
    { text: "Unlike {E}, {S} has tied its approach to {T} closely to {E}" },
  ],
  EVENT: [
    { text: "{S} launched a new programme for {T} in {M} {Y}" },
    { text: "{S} opened a research centre focused on {T}" },
    { text: "In {Y}, {S} moved its {T} team to a new campus" },
    { text: "{S} announced a partnership with {E} on {T} in {M} {Y}" },
    { text: "{E} invested in {S} to expand its work on {T}" },
    { text: "{S} released a system for {T} built with {E}" },
    { text: "{S} signed an agreement with {E} covering {T} and {T2}" },
    { text: "{S}, {E} and {E} formed an alliance on {T}" },
    { text: "{S} supplied {E} with hardware for {T} before {E} placed a larger order" },
  ],
  STATISTIC: [
    { text: "{S} spent {Q} on {T} in {Y}", quantity: "money", measure: "spending on {T}" },
    {
      text: "{S} now accounts for {Q} of China’s market for {T}",
      quantity: "percent",
      measure: "share of the market for {T}",
    },
    { text: "{S} has deployed {Q} for {T}", quantity: "count", measure: "{N} deployed for {T}" },
    { text: "Investment in {T} by {S} reached {Q} in {Y}", quantity: "money", measure: "investment in {T}" },
    {
      text: "{S's} latest system is a {Q} model aimed at {T}",
      quantity: "parameters",
      measure: "model size",
    },
    {
      text: "{S} and {E} together hold {Q} of the market for {T}",
      quantity: "percent",
      measure: "combined share of {T}",
    },
  ],
  FORECAST: [
    { text: "{S} is expected to double its capacity for {T} by {Y}" },
    { text: "{S} will likely lead {T} in China within three years" },
    { text: "By {Y}, {S} could overtake {E} in {T}" },
    { text: "Demand for {T} at {S} will outgrow what {E} can supply" },
  ],
  QUOTE: [
    { text: "“Our priority is {T},” a spokesperson for {S} said" },
    { text: "“We will keep investing in {T},” said {S}" },
    { text: "“{T} is where we compete with {E},” said {S}" },
  ],
  ATTRIBUTION: [
    { text: "According to {SRC}, {S} has become a leader in {T}" },
    { text: "{SRC} reports that {S} doubled its spending on {T}" },
    { text: "A report by {SRC} found that {S} trails {E} in {T}" },
  ],
};

const EXTRA_ENTITY_TAILS = [
  ", alongside {list}",
  ", with {list} following closely",
  ", a move watched by {list}",
];

/** Accumulates one document's text and tracks its length in code points, the unit offsets are stored in. */
class TextBuffer {
  private readonly parts: string[] = [];
  length = 0;

  append(text: string): void {
    this.parts.push(text);
    this.length += codePointLength(text);
  }

  toString(): string {
    return this.parts.join("");
  }
}

interface PendingMention {
  entityId: number;
  surface: string;
  /** Code points from the start of the claim. */
  start: number;
}

class ClaimWriter {
  private readonly sampleEntity: (random: Random) => number;
  private readonly sampleSource: (random: Random) => number;
  private readonly aliasesByEntity = new Map<number, EntityAliasRow[]>();
  private readonly sectorWeights: [SectorInfo, number][];

  constructor(
    private readonly random: Random,
    private readonly corpus: SyntheticCorpus,
    private readonly sectors: SectorInfo[],
    private readonly entities: EntityRow[],
    aliases: EntityAliasRow[],
    private readonly popularity: number[],
    private readonly sources: SourceRow[],
  ) {
    this.sampleEntity = createZipfSampler(popularity.length, ENTITY_ZIPF.exponent, ENTITY_ZIPF.offset);
    this.sampleSource = createZipfSampler(sources.length, SOURCE_ZIPF.exponent, SOURCE_ZIPF.offset);
    for (const alias of aliases) {
      const list = this.aliasesByEntity.get(alias.entityId) ?? [];
      list.push(alias);
      this.aliasesByEntity.set(alias.entityId, list);
    }
    this.sectorWeights = sectors.map((sector) => [sector, SECTOR_POPULARITY[sector.row.slug] ?? 5]);
  }

  writeDocument(documentId: number, claimCount: number): void {
    const r = this.random;
    const text = new TextBuffer();
    const lead = this.entity(this.popularity[this.sampleEntity(r)]!);
    const leadSector = r.weighted(this.sectorWeights);
    const year = r.int(2023, 2026);
    const title = r.pick([
      `How ${lead.name} is reshaping ${r.pick(leadSector.topics)}`,
      `${leadSector.heading}: what changed in ${year}`,
      `China’s ${r.pick(leadSector.topics)} in ${year}: a review`,
      `Inside the race for ${r.pick(leadSector.topics)}`,
    ]);
    text.append(`${title}.\n`);

    const outline = this.outline();
    const claimsPerSection = splitRandomly(r, claimCount, outline.length);
    const publisher = r.chance(0.8) ? r.pick(PUBLISHERS)[0] : null;
    const slug = `synthetic-report-${String(documentId).padStart(4, "0")}`;
    const importedAt = new Date(Date.UTC(2026, 0, 2) + documentId * 60_000).toISOString();

    outline.forEach((section, order) => {
      const sectionId = this.corpus.Section.length + 1;
      const startOffset = text.length;
      text.append(`${section.line}\n`);
      const sentences = claimsPerSection[order]!;
      let written = 0;
      while (written < sentences) {
        const inParagraph = Math.min(sentences - written, r.int(2, 5));
        for (let i = 0; i < inParagraph; i++) {
          if (i > 0) text.append(" ");
          if (r.chance(FILLER_SHARE)) {
            text.append(`${r.pick(FILLER_SENTENCES)} `);
          }
          this.writeClaim(text, { documentId, sectionId, sector: section.sector, importedAt });
        }
        written += inParagraph;
        text.append("\n");
      }
      this.corpus.Section.push({
        id: sectionId,
        documentId,
        order,
        heading: section.heading,
        level: section.level,
        startOffset,
        endOffset: text.length,
      });
    });

    const fullText = text.toString();
    this.corpus.Document.push({
      id: documentId,
      slug,
      title,
      publisher,
      url: publisher ? `https://${slugify(publisher)}.example/${slug}` : null,
      publishedAt: isoDate(year, r.int(1, 12), r.int(1, 28)),
      importedAt,
      fullText,
      contentHash: contentHash(fullText),
    });
  }

  /** Numbered level-1 sections, each on one sector, some followed by emoji-decorated level-2 sub-sections. */
  private outline(): { line: string; heading: string; level: number; sector: SectorInfo }[] {
    const r = this.random;
    const outline: { line: string; heading: string; level: number; sector: SectorInfo }[] = [];
    const chapters = r.int(4, 7);
    const used = new Set<SectorInfo>();
    for (let chapter = 1; chapter <= chapters; chapter++) {
      let sector = r.weighted(this.sectorWeights);
      for (let attempt = 0; used.has(sector) && attempt < 10; attempt++)
        sector = r.weighted(this.sectorWeights);
      used.add(sector);
      const heading = `${chapter}. ${sector.heading}`;
      outline.push({ line: heading, heading, level: 1, sector });
      for (let sub = r.int(0, 2); sub > 0; sub--) {
        const subHeading =
          titleCase(r.pick(sector.topics)) + r.pick(["", " Under Pressure", " and Its Limits", " at Scale"]);
        outline.push({
          line: `${r.pick(HEADING_EMOJI)} ${subHeading}`,
          heading: subHeading,
          level: 2,
          sector,
        });
      }
    }
    return outline;
  }

  private writeClaim(
    text: TextBuffer,
    context: { documentId: number; sectionId: number; sector: SectorInfo; importedAt: string },
  ): void {
    const r = this.random;
    const claimId = this.corpus.Claim.length + 1;
    const kind = r.weighted(CLAIM_KIND_WEIGHTS);
    const entityIds = this.claimEntities(r.weighted(ENTITIES_PER_CLAIM));
    // Every kind has templates without other entities, so a one-entity claim always finds one.
    const template = r.pick(TEMPLATES[kind].filter((t) => countSlots(t.text) <= entityIds.length - 1));

    const primary = r.chance(0.7) ? context.sector : r.weighted(this.sectorWeights);
    const sectorIds = new Set([primary.row.id]);
    for (let wanted = r.weighted(SECTORS_PER_CLAIM); sectorIds.size < wanted;) {
      sectorIds.add(r.weighted(this.sectorWeights).row.id);
    }
    const secondary = this.sectors.find((s) => s.row.id === [...sectorIds][1]) ?? primary;

    const topic = r.pick(primary.topics);
    const year = String(r.int(2019, 2027));
    const quantity = template.quantity ? this.quantity(template.quantity) : undefined;
    const source = kind === "ATTRIBUTION" ? this.sources[this.sampleSource(r)]! : undefined;

    const mentions: PendingMention[] = [];
    let body = "";
    const emit = (piece: string) => {
      body += piece;
    };
    const emitEntity = (entityId: number, possessive: boolean) => {
      const surfaces = this.surfaces(entityId);
      surfaces.forEach((surface, index) => {
        if (index > 0) emit(" (");
        mentions.push({ entityId, surface, start: codePointLength(body) });
        emit(surface);
        if (index > 0) emit(")");
      });
      if (possessive) emit("’s");
    };
    let nextOther = 1;

    for (const part of template.text.split(/(\{[^}]+\})/)) {
      switch (part) {
        case "{S}":
        case "{S's}":
          emitEntity(entityIds[0]!, part === "{S's}");
          break;
        case "{E}":
          emitEntity(entityIds[nextOther++]!, false);
          break;
        case "{T}":
          emit(body === "" ? capitalise(topic) : topic);
          break;
        case "{T2}": {
          const others = secondary.topics.filter((t) => t !== topic);
          emit(others.length > 0 ? r.pick(others) : topic);
          break;
        }
        case "{A}":
          emit(r.pick(ADJECTIVES));
          break;
        case "{Y}":
          emit(year);
          break;
        case "{M}":
          emit(r.pick(MONTHS));
          break;
        case "{Q}":
          emit(quantity!.surface);
          break;
        case "{SRC}":
          emit(source!.publisher ?? source!.title);
          break;
        default:
          emit(part);
      }
    }
    const extras = entityIds.slice(nextOther);
    if (extras.length > 0) {
      const [before, after] = r.pick(EXTRA_ENTITY_TAILS).split("{list}") as [string, string];
      emit(before);
      extras.forEach((entityId, index) => {
        if (index > 0) emit(index === extras.length - 1 ? " and " : ", ");
        emitEntity(entityId, false);
      });
      emit(after);
    }
    // A space before the final period is what a stripped citation marker leaves behind (lib/ingest/citations.ts).
    const citationMissing = r.chance(CITATION_MISSING_SHARE);
    emit(citationMissing ? " ." : ".");

    const startOffset = text.length;
    text.append(body);
    const status = r.weighted(STATUS_WEIGHTS);
    const reviewed = status === "REVIEWED";
    const asOf = r.chance(AS_OF_SHARE) ? this.asOf() : null;
    const createdAt = context.importedAt;
    this.corpus.Claim.push({
      id: claimId,
      documentId: context.documentId,
      sectionId: context.sectionId,
      text: body,
      startOffset,
      endOffset: text.length,
      kind,
      citationMissing,
      status,
      verdict: reviewed ? r.weighted(VERDICT_WEIGHTS) : null,
      asOfDate: asOf?.date ?? null,
      asOfPrecision: asOf?.precision ?? null,
      version: status === "UNREVIEWED" ? 1 : r.int(2, 4),
      createdAt,
      updatedAt:
        status === "UNREVIEWED"
          ? createdAt
          : new Date(Date.parse(createdAt) + r.int(1, 90) * 86_400_000).toISOString(),
    });
    for (const sectorId of [...sectorIds].sort((a, b) => a - b))
      this.corpus.ClaimSector.push({ claimId, sectorId });
    entityIds.forEach((entityId, index) =>
      this.corpus.ClaimEntity.push({ claimId, entityId, role: index === 0 ? "SUBJECT" : "MENTIONED" }),
    );
    for (const mention of mentions) {
      const start = startOffset + mention.start;
      this.corpus.EntityMention.push({
        id: this.corpus.EntityMention.length + 1,
        claimId,
        entityId: mention.entityId,
        startOffset: start,
        endOffset: start + codePointLength(mention.surface),
        surface: mention.surface,
      });
    }
    if (source) this.corpus.ClaimSource.push({ claimId, sourceId: source.id, relation: "CITED_IN_TEXT" });
    else if (r.chance(REVIEWER_SOURCE_SHARE)) this.linkEvidence(claimId);
    if (quantity) {
      this.corpus.Quantity.push({
        id: this.corpus.Quantity.length + 1,
        claimId,
        value: quantity.value,
        unit: quantity.unit,
        measure: template.measure!.replace("{T}", topic).replace("{N}", quantity.noun ?? ""),
        surface: quantity.surface,
        qualifier: quantity.qualifier,
      });
    }
  }

  /** Distinct entities, the subject first, drawn by popularity. */
  private claimEntities(count: number): number[] {
    const ids = new Set<number>();
    for (let attempt = 0; ids.size < count && attempt < count * 10; attempt++) {
      ids.add(this.popularity[this.sampleEntity(this.random)]!);
    }
    return [...ids];
  }

  /** How the text names an entity: mostly its name, sometimes an alias, sometimes the name with its Chinese form. */
  private surfaces(entityId: number): string[] {
    const r = this.random;
    const entity = this.entity(entityId);
    // Lower-case aliases ("export controls") would read oddly at the start of a sentence.
    const aliases = (this.aliasesByEntity.get(entityId) ?? []).filter((a) => !/^[a-z]/.test(a.alias));
    const english = aliases.filter((a) => a.language === "en");
    const chinese = aliases.filter((a) => a.language === "zh");
    const roll = r.next();
    if (roll < 0.08 && english.length > 0) return [r.pick(english).alias];
    if (roll < 0.14 && chinese.length > 0) return [entity.name, r.pick(chinese).alias];
    return [entity.name];
  }

  private linkEvidence(claimId: number): void {
    const r = this.random;
    const sourceIds = new Set<number>();
    for (let wanted = r.int(1, 2); sourceIds.size < wanted;)
      sourceIds.add(this.sources[this.sampleSource(r)]!.id);
    for (const sourceId of sourceIds) {
      const relation = r.weighted<SourceRelation>([
        ["SUPPORTS", 40],
        ["CONTEXT", 30],
        ["CONTRADICTS", 15],
        ["CITED_IN_TEXT", 15],
      ]);
      this.corpus.ClaimSource.push({ claimId, sourceId, relation });
    }
  }

  private quantity(kind: NonNullable<ClaimTemplate["quantity"]>): QuantityDraft {
    const r = this.random;
    const [qualifierWords, qualifier] = r.pick<readonly [string, string]>([
      ["over ", "over"],
      ["more than ", "over"],
      ["about ", "about"],
      ["roughly ", "about"],
      ["nearly ", "under"],
      ["", "exact"],
    ]);
    switch (kind) {
      case "money": {
        const amount = r.int(2, 950);
        const [scaleWord, scale] = r.pick<readonly [string, number]>([
          ["million", 1e6],
          ["billion", 1e9],
        ]);
        const yuan = r.chance(0.3);
        const words = yuan ? `${amount} ${scaleWord} yuan` : `$${amount} ${scaleWord}`;
        return {
          surface: qualifierWords + words,
          value: amount * scale,
          unit: yuan ? "CNY" : "USD",
          qualifier,
        };
      }
      case "percent": {
        const value = r.int(3, 85);
        return { surface: `${qualifierWords}${value}%`, value, unit: "percent", qualifier };
      }
      case "count": {
        const value = r.int(2, 500) * 100;
        const noun = r.pick(COUNTED_NOUNS);
        const surface = `${qualifierWords}${value.toLocaleString("en-US")} ${noun}`;
        return { surface, value, unit: "count", qualifier, noun };
      }
      case "parameters": {
        const billions = r.pick([7, 13, 32, 70, 130, 236, 671]);
        return {
          surface: `${billions}-billion-parameter`,
          value: billions * 1e9,
          unit: "parameters",
          qualifier: "exact",
        };
      }
    }
  }

  private asOf(): { date: string; precision: DatePrecision } {
    const r = this.random;
    const precision = r.weighted<DatePrecision>([
      ["YEAR", 60],
      ["MONTH", 30],
      ["DAY", 10],
    ]);
    const year = r.int(2019, 2026);
    if (precision === "YEAR") return { date: isoDate(year, 1, 1), precision };
    return { date: isoDate(year, r.int(1, 12), precision === "DAY" ? r.int(1, 28) : 1), precision };
  }

  private entity(id: number): EntityRow {
    return this.entities[id - 1]!;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

function codePointLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) i++;
    length++;
  }
  return length;
}

function countSlots(template: string): number {
  return template.split("{E}").length - 1;
}

function splitEvenly(total: number, parts: number): number[] {
  return Array.from(
    { length: parts },
    (_, index) => Math.floor(((index + 1) * total) / parts) - Math.floor((index * total) / parts),
  );
}

/** `total` split into `parts` non-negative counts of random size, summing exactly to `total`. */
function splitRandomly(random: Random, total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.5 + random.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((weight) => Math.floor((weight / sum) * total));
  for (let left = total - counts.reduce((a, b) => a + b, 0), i = 0; left > 0; left--, i++) {
    counts[i % parts]! += 1;
  }
  return counts;
}

function shuffle<T>(random: Random, items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function titleCase(text: string): string {
  return text.replace(
    /(^|[\s-])([a-z])/g,
    (_, space: string, letter: string) => space + letter.toUpperCase(),
  );
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
