import { beforeAll, describe, expect, it } from "vitest";
import { entitiesSchema, ingestContext, sectorsSchema, sourcesSchema } from "@/lib/ingest/catalog";
import type { ExtractedDocument } from "@/lib/ingest/formats/document";
import { readDocument } from "@/lib/ingest/formats/read-document";
import { ingestDocument, type IngestResult } from "@/lib/ingest/pipeline";
import {
  LARGE_REPORT_OPTIONS,
  LARGE_REPORT_TITLE,
  generateLargeReport,
  type LargeReport,
} from "@/scripts/bench/large-report";
import entities from "@/prisma/data/entities.json";
import sectors from "@/prisma/data/sectors.json";
import sources from "@/prisma/data/sources.json";

const catalog = {
  sectors: sectorsSchema.parse(sectors),
  entities: entitiesSchema.parse(entities),
  sources: sourcesSchema.parse(sources),
};

/** Generating a report of the bench's size takes seconds on a busy machine. */
const GENERATING_MS = 120_000;

let report: LargeReport;
let doc: ExtractedDocument;
let ingested: IngestResult;

// One report of the bench's size, read and run through the pipeline once for every test below.
beforeAll(async () => {
  report = generateLargeReport(catalog);
  doc = await readDocument({ bytes: report.bytes, filename: report.fileName });
  ingested = ingestDocument(doc, ingestContext(catalog));
}, 2 * GENERATING_MS);

const words = (text: string) => text.split(/\s+/u).filter(Boolean).length;
const blocks = (kind: string, level?: number) =>
  doc.blocks.filter((b) => b.kind === kind && (level === undefined || b.level === level));

describe("the bench's 300-page report", () => {
  it(
    "comes out byte for byte the same for the same seed, and different for another",
    () => {
      expect(generateLargeReport(catalog).bytes).toEqual(report.bytes);
      const other = generateLargeReport(catalog, { ...LARGE_REPORT_OPTIONS, seed: "another" });
      expect(other.bytes).not.toEqual(report.bytes);
    },
    GENERATING_MS,
  );

  it("is a Word file of about 150,000 words that readDocument reads without warnings", () => {
    expect(doc.format).toBe("docx");
    expect(doc.warnings).toEqual([]);
    expect(doc.title).toBe(LARGE_REPORT_TITLE);
    expect(report.counts.words).toBeGreaterThanOrEqual(LARGE_REPORT_OPTIONS.words);
    expect(report.counts.words).toBeLessThan(LARGE_REPORT_OPTIONS.words * 1.01);
    // The reader adds the notes' labels and the table's cell separators.
    expect(words(doc.text)).toBeGreaterThan(LARGE_REPORT_OPTIONS.words * 0.98);
    expect(words(doc.text)).toBeLessThan(LARGE_REPORT_OPTIONS.words * 1.05);
  });

  it("has chapters and sections as Word headings, list items, table rows and footnotes, as counted", () => {
    expect(blocks("heading", 1)).toHaveLength(report.counts.chapters + 2);
    expect(report.counts.chapters).toBe(catalog.sectors.length);
    expect(blocks("heading", 2).length + blocks("heading", 3).length).toBe(report.counts.sections);
    expect(blocks("heading", 3).length).toBeGreaterThan(0);
    expect(blocks("list-item")).toHaveLength(report.counts.listItems);
    expect(blocks("table-row")).toHaveLength(report.counts.tableRows);
    expect(blocks("paragraph").length).toBeGreaterThan(report.counts.paragraphs);
    expect(report.counts.listItems).toBeGreaterThan(100);
    expect(report.counts.tableRows).toBeGreaterThan(100);
  });

  it("cites footnotes that each give an address, and links inside sentences", () => {
    expect(doc.footnotes).toHaveLength(report.counts.footnotes);
    expect(report.counts.footnotes).toBeGreaterThan(500);
    for (const note of doc.footnotes) {
      expect(note.references).toHaveLength(1);
      expect(
        doc.links.some((l) => l.start >= note.start && l.end <= note.end && l.url.startsWith("https://")),
      ).toBe(true);
    }
    const inSentences = doc.links.filter(
      (l) => !doc.footnotes.some((n) => l.start >= n.start && l.end <= n.end),
    );
    expect(inSentences).toHaveLength(report.counts.links);
  });

  it("gives every stage of the pipeline work: claims of each kind, known and new names, sentences left out", () => {
    const kinds = new Set(ingested.claims.map((c) => c.kind));
    expect([...kinds].sort()).toEqual([
      "ASSESSMENT",
      "ATTRIBUTION",
      "EVENT",
      "FORECAST",
      "QUOTE",
      "STATISTIC",
    ]);
    expect(ingested.claims.length).toBeGreaterThan(5_000);
    expect(ingested.claims.filter((c) => c.references.some((r) => r.url)).length).toBeGreaterThan(500);
    expect(ingested.claims.filter((c) => c.quantities.length).length).toBeGreaterThan(1_000);
    const known = new Set(ingested.claims.flatMap((c) => c.entities.map((e) => e.slug)));
    expect(known.size).toBeGreaterThan(20);
    const proposedKinds = new Set(ingested.proposedEntities.map((p) => p.kind));
    expect(ingested.proposedEntities.length).toBeGreaterThan(200);
    for (const kind of ["COMPANY", "PERSON", "MODEL"]) expect(proposedKinds).toContain(kind);
    const reasons = new Set(ingested.skipped.map((s) => s.reason.split(":")[0]));
    for (const reason of ["a question", "describes the document itself", "rhetoric", "a footnote"])
      expect(reasons).toContain(reason);
    expect(ingested.skipped.some((s) => s.reason.startsWith("a list entry"))).toBe(true);
  });
});
