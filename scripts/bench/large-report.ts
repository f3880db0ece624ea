// The report `npm run bench` imports: a Word file of about 150,000 words (300 pages at 500 words a page) on China's AI
// ecosystem, generated from templates so that it comes out the same on every run and copies no real text. It has
// what a long report gives every stage of the import to do: chapters and sections in Word's heading styles,
// paragraphs of claims mixed with sentences that are not claims, bullet lists, tables, footnotes with addresses,
// links, and names the catalog knows beside names it does not (companies, people, models) that recur across chapters.

import type { Catalog } from "@/lib/ingest/catalog";
import { docxBytes, type DocxParagraph, type DocxRun } from "@/tests/fixtures/formats/build";
import { createRandom, type Random } from "./prng";
import {
  CHIP_LETTERS,
  CITIES,
  COMPANY_SUFFIXES,
  COUNTED_NOUNS,
  FILLER_SENTENCES,
  MODEL_SERIES,
  MONTHS,
  PROVINCES,
  PUBLISHERS,
  RESEARCH_FIELDS,
  SECTOR_HEADINGS,
  SECTOR_TOPICS,
  SURNAMES,
} from "./synthetic-vocabulary";

export interface LargeReportOptions {
  seed: string;
  /** Words of text in all, footnotes and table cells included. */
  words: number;
}

/** The report of the issue: "a 300-page report (150k words)". */
export const LARGE_REPORT_OPTIONS: LargeReportOptions = { seed: "claimdesk-bench-report-v1", words: 150_000 };

/** A printed report's page, for saying how many pages the words make. */
export const WORDS_PER_PAGE = 500;

export const LARGE_REPORT_TITLE = "China's AI Ecosystem: Compute, Models, Capital and Control";

export interface LargeReportCounts {
  words: number;
  chapters: number;
  sections: number;
  paragraphs: number;
  sentences: number;
  listItems: number;
  tables: number;
  tableRows: number;
  footnotes: number;
  links: number;
}

export interface LargeReport {
  title: string;
  fileName: string;
  bytes: Uint8Array;
  /** What the generator wrote, counted as it wrote it. */
  counts: LargeReportCounts;
}

export type ReportCatalog = Pick<Catalog, "entities" | "sectors">;

const SECTIONS_PER_CHAPTER = 6;
const SENTENCES_PER_PARAGRAPH: [number, number][] = [
  [3, 2],
  [4, 4],
  [5, 5],
  [6, 4],
  [7, 2],
];
/** Sentences that are not claims: questions, rhetoric, remarks about the report itself. */
const NON_CLAIM_SHARE = 0.14;
/** Claims that cite a footnote. */
const FOOTNOTE_SHARE = 0.12;
const LINK_SHARE = 0.08;
const LIST_SHARE = 0.1;
const TABLE_SHARE = 0.04;
const SUBSECTION_SHARE = 0.35;

/**
 * Syllables that the bench corpus's own entities never use (scripts/bench/synthetic-vocabulary.ts SYLLABLES), so
 * that the companies, models and people built from them are names the bench database does not know.
 */
const NEW_SYLLABLES: readonly (readonly [string, string])[] = [
  ["nuo", "诺"],
  ["xue", "雪"],
  ["miao", "妙"],
  ["rong", "融"],
  ["yu", "宇"],
  ["cai", "彩"],
  ["pei", "沛"],
  ["wen", "文"],
  ["lei", "磊"],
  ["fei", "飞"],
  ["min", "敏"],
  ["bin", "斌"],
  ["huan", "寰"],
  ["jia", "佳"],
  ["lu", "鹭"],
  ["mei", "美"],
  ["qiao", "桥"],
  ["ran", "然"],
  ["shu", "数"],
  ["tao", "涛"],
  ["xia", "霞"],
  ["yan", "言"],
  ["ying", "英"],
  ["chang", "畅"],
  ["duo", "朵"],
  ["han", "瀚"],
];

const NEW_COMPANIES = 140;
const NEW_PEOPLE = 110;
const NEW_MODELS = 90;
const NEW_CHIPS = 30;

const ROLES = [
  "chief executive",
  "chief scientist",
  "chief technology officer",
  "head of research",
  "founder",
  "vice president for cloud",
  "head of government affairs",
] as const;

interface NewCompany {
  name: string;
  chinese: string;
}

interface Person {
  name: string;
  role: string;
  company: string;
}

/** Everything a template can name. */
interface Names {
  knownCompanies: string[];
  knownModels: string[];
  knownChips: string[];
  knownPeople: string[];
  knownPlaces: string[];
  newCompanies: NewCompany[];
  newPeople: Person[];
  newModels: string[];
  newChips: string[];
}

// Templates. Each {slot} is filled by `Slots` below; {topic} comes from the chapter's sector. The claims are of every
// kind the pipeline tells apart: events, statistics, attributions, quotes, forecasts, assessments, and the sentences
// it splits in two ("Although A, B"; "A, claiming B").
const CLAIMS = [
  "{newCompany} released {newModel} in {month} {year}, a model trained on {small} trillion tokens.",
  "In {month} {year}, {company} opened a data centre in {city} with {number} petaflops of capacity.",
  "The {city} government signed an agreement with {newCompany} in {year} to supply {topic} to local manufacturers.",
  "{company} and {newCompany} agreed in {month} {year} to share inference capacity across {province}.",
  "{person}, who previously worked at {knownCompany}, founded {newCompany} in {year}.",
  "{newCompany} raised {number} million yuan in a funding round led by {company} in {year}.",
  "{knownCompany} launched {model} for enterprise customers in {city} in {month} {year}.",
  "Regulators added {newCompany} to an export blacklist in {month} {year}.",
  "{newCompany} shipped {number} servers built on the {chip} to customers in {province} last year.",
  "{knownCompany} cut the price of access to {model} by {percent} in {month} {year}.",
  "{newCompany} open-sourced {newModel} under a permissive licence in {year}.",
  "The {province} provincial government issued {small} new rules on {topic} in {month} {year}.",
  "{newCompany} hired {number} engineers from {company} between {year} and {later}.",
  "{company} acquired a {percent} stake in {newCompany} for {number} million yuan in {year}.",
  "{newCompany} moved its headquarters from {city} to {city2} in {year}.",
  "Hospitals in {city} deployed {newModel} for triage in {month} {year}.",
  "{company}'s revenue from {topic} grew by {percent} in {year}.",
  "{newCompany} holds a {percent} share of the domestic market for {topic}, according to {publisher}.",
  "Spending on {topic} in {province} reached {number} billion yuan in {year}.",
  "About {percent} of the {counted} surveyed in {city} in {year} said they used {model} at work.",
  "The cluster that {newCompany} runs in {city} holds {number} {chip} accelerators.",
  "Downloads of {newModel} passed {number} million within {small} months of its release.",
  "{company} spent {number} billion yuan on {topic} in {year}, up from {number2} billion yuan a year earlier.",
  "Electricity for data centres in {province} cost {small}.{small2} cents a kilowatt-hour in {year}.",
  "{newModel} scored {percent} on a Chinese reading benchmark, {small} points above {knownModel}.",
  "The number of {counted} working on {topic} in {city} rose to {number} in {year}.",
  "{person}, {role} of {personCompany}, said the company would double its spending on {topic} by {later}.",
  "According to {publisher}, {knownCompany} supplied most of the chips used by {newCompany} in {year}.",
  "Analysts at {publisher} estimated that {topic} absorbed {number} billion yuan of state money in {year}.",
  "{knownPerson} told reporters in {city} that demand for {topic} exceeded supply.",
  "{publisher} reported that {newCompany} had been testing the {chip} since {month} {year}.",
  "{person} argued that {topic} would decide which provinces attract {counted}.",
  "Officials in {city} confirmed that {newCompany} had received {number} million yuan in compute vouchers.",
  "{newCompany} said in a filing that {percent} of its revenue came from government contracts.",
  "“We cannot wait for foreign suppliers any longer,” {person} of {newCompany} said at a conference in {city}.",
  "“Our customers want models they can run on their own servers,” said {person}, who leads {topic} at {company}.",
  "“The bottleneck is no longer chips but electricity,” {person} told {publisher} in {year}.",
  "{newCompany} expects to list its shares in Hong Kong by {later}.",
  "{publisher} forecasts that {topic} in China will be worth {number} billion dollars by {later}.",
  "The {city} government plans to add {number} petaflops of public compute by {later}.",
  "{company} intends to train a successor to {model} on domestic chips only.",
  "{newCompany} aims to open offices in {foreign} and {foreign2} before {later}.",
  "{knownCompany} remains the largest buyer of {topic} among Chinese cloud providers.",
  "{newCompany}'s models trail those of {knownCompany} on most public benchmarks.",
  "Compared with {knownCompany}, {newCompany} relies more heavily on open-weight releases.",
  "{newCompany} is the only supplier of {topic} certified by the {province} government.",
  "Although {knownCompany} dominates {topic}, {newCompany} has won contracts in {province}.",
  "While {city} offers cheaper power, {newCompany} kept its training cluster in {city2}.",
  "{newCompany} cut prices for {newModel} by {percent}, claiming that its inference costs had fallen.",
  "{newCompanyWithChinese} built its first {topic} line in {city} in {year}.",
  "{knownModel} and {newModel} were the most downloaded Chinese models on public hubs in {month} {year}.",
  "{newCompany} trained {newModel} on a cluster of {number} {chip} chips in {city}.",
  "The {field} department at {institution} published {number} papers on {topic} in {year}.",
  "{institution} partnered with {newCompany} in {year} to train {counted} in {topic}.",
  "{person} joined {institution} from {knownCompany} in {month} {year}.",
  "Exports of {topic} from {province} fell by {percent} in {year} after new licensing rules.",
  "{newCompany} withdrew its application to build a data centre in {foreign} in {year}.",
  "{knownPlace} accounted for {percent} of the country's spending on {topic} in {year}.",
  "Stanford's 2025 AI Index counted {number} notable models from Chinese developers, including {model}.",
  "RAND Australia's report on {topic} described {newCompany} as a rising supplier.",
] as const;

const NON_CLAIMS = [
  "What does this mean for smaller developers?",
  "Why did the market move so quickly?",
  "This chapter looks at {topic} from the ground up.",
  "The section that follows turns to {topic}.",
  "The picture is more complicated than it looks.",
  "It remains to be seen whether {topic} will pay off.",
  "Make no mistake: {topic} is a game changer.",
  "The details matter here.",
  "Much depends on how the rules are read.",
  "This report returns to the question in its conclusion.",
  "See the table below for the figures.",
  "Readers should treat these estimates with care.",
  ...FILLER_SENTENCES,
] as const;

const SECTION_TITLES = [
  "{Topic} in {province}",
  "The rise of {newCompany}",
  "{Topic}: the numbers",
  "Who pays for {topic}",
  "{city} as a test case",
  "Outlook to {later}",
  "Suppliers and customers",
  "What the filings show",
  "The view from {city}",
  "{Topic} and the state",
] as const;

const SUBSECTION_TITLES = [
  "Case study: {newCompany}",
  "The {city} cluster",
  "Prices and margins",
  "Regulators' response",
  "A note on data",
] as const;

const LIST_INTROS = [
  "The main {topic} projects announced in {year} were these:",
  "{publisher} counted the following deals in {year}:",
  "People who shaped {topic} at {newCompany} include:",
  "Among the suppliers named in provincial filings were:",
] as const;

const LIST_ITEMS = [
  "{newCompany} opened a {number}-petaflop cluster in {city}.",
  "{company} signed a supply deal with {newCompany} in {month} {year}.",
  "{person}, {role} of {personCompany}",
  "{newModel}, released by {newCompany}",
  "{newCompany} ({city})",
  "{number} billion yuan for {topic} in {province}",
] as const;

const FOOTNOTE_TITLES = [
  "{Topic} in {province}, {year}",
  "How {newCompany} built its {topic} business",
  "Provincial notice on {topic}",
  "Annual survey of {counted}",
  "{Topic}: market tracker",
] as const;

/** Generates the report; `catalog` gives the names the database knows (its entities) and the sectors' order. */
export function generateLargeReport(
  catalog: ReportCatalog,
  options: LargeReportOptions = LARGE_REPORT_OPTIONS,
): LargeReport {
  const random = createRandom(options.seed);
  const writer = new ReportWriter(random, drawNames(random, catalog));
  const chapters = catalog.sectors.map((s) => s.slug);
  // Front and back matter count as sections too: every section gets an equal share of what is left to write.
  const sections = chapters.length * SECTIONS_PER_CHAPTER + 2;
  const share = (done: number) => Math.max(0, options.words - writer.words) / (sections - done);
  let done = 0;

  writer.heading("Title", LARGE_REPORT_TITLE);
  writer.plain("Annual review, 2026 edition. Prepared by the Centre for Technology and Industry Studies.");
  writer.heading("Heading1", "Executive summary");
  writer.section(chapters[0]!, share(done++));
  chapters.forEach((slug, index) => {
    writer.heading("Heading1", `Chapter ${index + 1}. ${SECTOR_HEADINGS[slug] ?? slug}`);
    writer.counts.chapters++;
    for (let s = 0; s < SECTIONS_PER_CHAPTER; s++) {
      writer.heading("Heading2", writer.fill(random.pick(SECTION_TITLES), slug));
      writer.section(slug, share(done++));
    }
  });
  writer.heading("Heading1", "Conclusion");
  writer.section(random.pick(chapters), share(done++));

  return {
    title: LARGE_REPORT_TITLE,
    fileName: "china-ai-ecosystem-annual-review.docx",
    bytes: docxBytes({
      paragraphs: writer.paragraphs,
      footnotes: writer.footnotes,
      core: {
        title: LARGE_REPORT_TITLE,
        creator: "Centre for Technology and Industry Studies",
        created: "2026-01-15T09:00:00Z",
      },
    }),
    counts: writer.counts,
  };
}

function drawNames(random: Random, catalog: ReportCatalog): Names {
  const ofKind = (kind: string) => catalog.entities.filter((e) => e.kind === kind).map((e) => e.name);
  // Cities: "China" itself and places abroad do not fit "the … government" or "officials in …".
  const chinesePlaces = catalog.entities
    .filter((e) => e.kind === "PLACE" && e.country === "CN" && e.slug !== "china")
    .map((e) => e.name);
  const brands = new Set<string>();
  const brand = (): [string, string] => {
    for (;;) {
      const [a, aZh] = random.pick(NEW_SYLLABLES);
      const [b, bZh] = random.pick(NEW_SYLLABLES);
      const name = capitalise(a + b);
      if (a !== b && !brands.has(name)) {
        brands.add(name);
        return [name, aZh + bZh];
      }
    }
  };
  const newCompanies = Array.from({ length: NEW_COMPANIES }, (): NewCompany => {
    const [name, zh] = brand();
    const [suffix, suffixZh] = random.pick(COMPANY_SUFFIXES);
    return { name: `${name} ${suffix}`, chinese: `${zh}${suffixZh}` };
  });
  const people = new Set<string>();
  const newPeople: Person[] = [];
  while (newPeople.length < NEW_PEOPLE) {
    const [surname] = random.pick(SURNAMES);
    const given = capitalise(random.pick(NEW_SYLLABLES)[0] + random.pick(NEW_SYLLABLES)[0]);
    const name = `${surname} ${given}`;
    if (people.has(name)) continue;
    people.add(name);
    newPeople.push({ name, role: random.pick(ROLES), company: random.pick(newCompanies).name });
  }
  const newModels = Array.from(
    { length: NEW_MODELS },
    () => `${brand()[0]}-${random.pick(MODEL_SERIES)} ${random.int(1, 4)}`,
  );
  const newChips = Array.from(
    { length: NEW_CHIPS },
    () => `${brand()[0]} ${random.pick(CHIP_LETTERS)}${random.int(100, 990)}`,
  );
  return {
    knownCompanies: ofKind("COMPANY"),
    knownModels: ofKind("MODEL"),
    knownChips: ofKind("CHIP"),
    knownPeople: ofKind("PERSON"),
    knownPlaces: chinesePlaces,
    newCompanies,
    newPeople,
    newModels,
    newChips,
  };
}

class ReportWriter {
  readonly paragraphs: DocxParagraph[] = [];
  readonly footnotes: Record<number, string> = {};
  readonly counts: LargeReportCounts = {
    words: 0,
    chapters: 0,
    sections: 0,
    paragraphs: 0,
    sentences: 0,
    listItems: 0,
    tables: 0,
    tableRows: 0,
    footnotes: 0,
    links: 0,
  };

  constructor(
    private readonly random: Random,
    private readonly names: Names,
  ) {}

  get words(): number {
    return this.counts.words;
  }

  heading(style: "Title" | "Heading1" | "Heading2" | "Heading3", text: string): void {
    if (style === "Heading2" || style === "Heading3") this.counts.sections++;
    this.paragraphs.push({ style, runs: [this.counted(text)] });
  }

  plain(text: string): void {
    this.paragraphs.push({ style: "Normal", runs: [this.counted(text)] });
  }

  /** Paragraphs (with lists, tables and a sub-heading now and then) until the section has `words` words. */
  section(sector: string, words: number): void {
    const until = this.words + words;
    // Some sections have a sub-heading about halfway through.
    let subsectionAt = this.random.chance(SUBSECTION_SHARE) ? until - words / 2 : Infinity;
    while (this.words < until) {
      if (this.words >= subsectionAt) {
        this.heading("Heading3", this.fill(this.random.pick(SUBSECTION_TITLES), sector));
        subsectionAt = Infinity;
      }
      this.paragraph(sector);
      if (this.random.chance(LIST_SHARE)) this.list(sector);
      else if (this.random.chance(TABLE_SHARE)) this.table(sector);
    }
  }

  private paragraph(sector: string): void {
    const runs: DocxRun[] = [];
    const sentences = this.random.weighted(SENTENCES_PER_PARAGRAPH);
    for (let i = 0; i < sentences; i++) {
      if (runs.length) runs.push(" ");
      const claim = !this.random.chance(NON_CLAIM_SHARE);
      const text = this.fill(this.random.pick(claim ? CLAIMS : NON_CLAIMS), sector);
      if (claim && this.random.chance(LINK_SHARE)) runs.push(...this.withLink(text));
      else runs.push(this.counted(text));
      this.counts.sentences++;
      // A note cites a claim, after its full stop, as Word places the marker.
      if (claim && this.random.chance(FOOTNOTE_SHARE)) runs.push(this.footnote(sector));
    }
    this.counts.paragraphs++;
    this.paragraphs.push({ style: "Normal", runs });
  }

  private list(sector: string): void {
    this.plain(this.fill(this.random.pick(LIST_INTROS), sector));
    const items = this.random.int(3, 6);
    for (let i = 0; i < items; i++) {
      this.paragraphs.push({
        style: "Bullet",
        runs: [this.counted(this.fill(this.random.pick(LIST_ITEMS), sector))],
      });
      this.counts.listItems++;
    }
  }

  private table(sector: string): void {
    this.plain(this.fill("Leading developers of {topic}, by flagship model:", sector));
    const header = ["Developer", "Flagship model", "Parameters (billion)", "Released"];
    const rows: DocxRun[][][] = [header.map((cell) => [this.counted(cell)])];
    const count = this.random.int(4, 9);
    for (let i = 0; i < count; i++) {
      const company = this.random.pick(this.names.newCompanies).name;
      rows.push(
        [
          company,
          this.random.pick(this.names.newModels),
          String(this.random.int(7, 680)),
          `${this.random.pick(MONTHS)} ${this.random.int(2022, 2025)}`,
        ].map((cell) => [this.counted(cell)]),
      );
    }
    this.counts.tables++;
    this.counts.tableRows += rows.length;
    this.paragraphs.push({ style: "Table", rows });
  }

  /** A footnote citing a publication, with its address, and the marker that refers to it. */
  private footnote(sector: string): DocxRun {
    const id = ++this.counts.footnotes;
    const [publisher] = this.random.pick(PUBLISHERS);
    const year = this.random.int(2021, 2025);
    const title = this.fill(this.random.pick(FOOTNOTE_TITLES), sector);
    const url = `https://${slug(publisher)}.example.com/${year}/${slug(title)}-${id}`;
    this.footnotes[id] = this.counted(
      `${publisher}, “${title}”, ${this.random.int(1, 28)} ${this.random.pick(MONTHS)} ${year}, ${url}`,
    );
    return { footnote: id };
  }

  /** The sentence with its source's name made a link: "…, according to a report by Caixin." */
  private withLink(text: string): DocxRun[] {
    const [publisher] = this.random.pick(PUBLISHERS);
    const anchor = `a report by ${publisher}`;
    this.counts.links++;
    return [
      this.counted(`${text.slice(0, -1)}, according to `),
      {
        link: `https://${slug(publisher)}.example.com/reports/${this.counts.links}`,
        text: this.counted(anchor),
      },
      ".",
    ];
  }

  /** Fills a template's slots. */
  fill(template: string, sector: string): string {
    const r = this.random;
    const n = this.names;
    const topics = SECTOR_TOPICS[sector] ?? ["artificial intelligence"];
    const year = r.int(2019, 2025);
    const known = <T>(knownItems: T[], newItems: T[]) =>
      knownItems.length && r.chance(0.4) ? r.pick(knownItems) : r.pick(newItems);
    const person = r.pick(n.newPeople);
    const slots: Record<string, () => string> = {
      topic: () => r.pick(topics),
      Topic: () => capitalise(r.pick(topics)),
      company: () =>
        r.chance(0.5) && n.knownCompanies.length ? r.pick(n.knownCompanies) : r.pick(n.newCompanies).name,
      knownCompany: () => r.pick(n.knownCompanies),
      newCompany: () => r.pick(n.newCompanies).name,
      newCompanyWithChinese: () => {
        const company = r.pick(n.newCompanies);
        return `${company.name} (${company.chinese})`;
      },
      person: () => person.name,
      role: () => person.role,
      personCompany: () => person.company,
      knownPerson: () => r.pick(n.knownPeople),
      model: () => known(n.knownModels, n.newModels),
      knownModel: () => r.pick(n.knownModels),
      newModel: () => r.pick(n.newModels),
      chip: () => known(n.knownChips, n.newChips),
      city: () => (r.chance(0.3) ? r.pick(n.knownPlaces) : r.pick(CITIES)[0]),
      city2: () => r.pick(CITIES)[0],
      knownPlace: () => r.pick(n.knownPlaces),
      province: () => r.pick(PROVINCES)[0],
      foreign: () => r.pick(["Singapore", "Malaysia", "Saudi Arabia", "Indonesia", "Brazil", "Kazakhstan"]),
      foreign2: () => r.pick(["Thailand", "Egypt", "Mexico", "Vietnam", "the United Arab Emirates"]),
      institution: () => `${r.pick(CITIES)[0]} Institute of ${r.pick(RESEARCH_FIELDS)[0]}`,
      field: () => r.pick(RESEARCH_FIELDS)[0].toLowerCase(),
      publisher: () => r.pick(PUBLISHERS)[0],
      counted: () => r.pick(COUNTED_NOUNS),
      month: () => r.pick(MONTHS),
      year: () => String(year),
      later: () => String(r.int(Math.max(year + 1, 2026), 2032)),
      number: () => r.pick([r.int(12, 99), r.int(100, 950), r.int(1, 9) * 1000]).toLocaleString("en-US"),
      number2: () => String(r.int(3, 90)),
      small: () => String(r.int(2, 9)),
      small2: () => String(r.int(0, 9)),
      percent: () => `${r.int(3, 88)}%`,
    };
    return template.replace(/\{(\w+)\}/gu, (_, name: string) => {
      const slot = slots[name];
      if (!slot) throw new Error(`No slot {${name}} for the template "${template}"`);
      return slot();
    });
  }

  private counted(text: string): string {
    this.counts.words += text.split(/\s+/u).filter(Boolean).length;
    return text;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, "-")
    .replace(/^-|-$/gu, "");
}
