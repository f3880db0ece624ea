import { beforeAll, describe, expect, it } from "vitest";
import type { ExtractedDocument, TextBlock } from "@/lib/ingest/formats/document";
import { ingestDocument, ingestText, type IngestContext } from "@/lib/ingest/pipeline";
import { corpusContext } from "@/tests/helpers/corpus";

let context: IngestContext;
beforeAll(async () => {
  context = await corpusContext();
});

/** A document as a reader would hand it over: each part is a block of the given kind. */
function documentOf(
  parts: [TextBlock["kind"], string][],
  extra: Partial<ExtractedDocument> = {},
): ExtractedDocument {
  let text = "";
  const blocks: TextBlock[] = [];
  for (const [kind, part] of parts) {
    if (text) text += "\n\n";
    blocks.push({
      kind,
      start: text.length,
      end: text.length + part.length,
      ...(kind === "heading" ? { level: 2 } : {}),
    });
    text += part;
  }
  return {
    format: "html",
    title: null,
    text,
    blocks,
    links: [],
    footnotes: [],
    metadata: {},
    warnings: [],
    ...extra,
  };
}

describe("ingestDocument", () => {
  it("never takes a heading for a claim, however much it names, and files claims under it", () => {
    const doc = documentOf([
      ["heading", "Huawei shipped 700,000 Ascend chips in 2025."],
      ["paragraph", "ByteDance ordered Ascend chips in March."],
    ]);
    const { claims, sections } = ingestDocument(doc, context);
    expect(claims.map((c) => c.text)).toEqual(["ByteDance ordered Ascend chips in March."]);
    expect(sections).toMatchObject([{ heading: "Huawei shipped 700,000 Ascend chips in 2025.", level: 2 }]);
  });

  it("takes list items and table rows without a full stop as claim candidates", () => {
    const doc = documentOf([
      ["paragraph", "Key figures:"],
      ["list-item", "Huawei shipped 700,000 Ascend chips in 2025"],
      ["table-row", "Cambricon revenue grew 43% in 2024"],
      ["paragraph", "A line with no full stop from Huawei"],
    ]);
    const { claims, skipped } = ingestDocument(doc, context);
    expect(claims.map((c) => c.text)).toEqual([
      "Huawei shipped 700,000 Ascend chips in 2025",
      "Cambricon revenue grew 43% in 2024",
    ]);
    expect(skipped.map((s) => s.text)).toEqual(["Key figures:", "A line with no full stop from Huawei"]);
    expect(skipped[1]!.reason).toMatch(/no full stop/);
  });

  it("makes a footnote's note and link the source of the sentences that cite it, and no claim of the note", () => {
    const sentence = "Big Fund III was registered with 344 billion yuan of capital.[4]";
    const note = "Company registration record, 24 May 2024, https://example.org/record";
    const doc = documentOf([
      ["paragraph", sentence],
      ["footnote", note],
    ]);
    const noteStart = doc.text.indexOf(note);
    const marker = doc.text.indexOf("[4]");
    doc.footnotes = [
      {
        label: "4",
        start: noteStart,
        end: noteStart + note.length,
        references: [{ start: marker, end: marker + 3 }],
      },
    ];
    const urlAt = doc.text.indexOf("https://");
    doc.links = [{ start: urlAt, end: noteStart + note.length, url: "https://example.org/record" }];

    const { claims, skipped } = ingestDocument(doc, context);
    expect(claims).toHaveLength(1);
    expect(claims[0]!.references).toEqual([{ label: "4", url: "https://example.org/record", title: note }]);
    expect(claims[0]!.citationMissing).toBe(false);
    expect(skipped).toEqual([
      expect.objectContaining({ text: note, reason: expect.stringMatching(/footnote/) }),
    ]);
  });

  it("makes a link inside a sentence its source", () => {
    const text = "Alibaba said its cloud revenue grew 26% in the quarter.";
    const doc = documentOf([["paragraph", text]], {
      links: [{ start: 0, end: 7, url: "https://example.org/alibaba-results", title: "Results" }],
    });
    expect(ingestDocument(doc, context).claims[0]!.references).toEqual([
      { label: null, url: "https://example.org/alibaba-results", title: "Results" },
    ]);
  });

  it("keeps each sentence it leaves out with its reason and offsets, so a reviewer can promote it", () => {
    const text =
      "Chips and Power\nWhy does it matter? Not everyone is convinced. Huawei shipped Ascend chips in May.";
    const { skipped, claims } = ingestText(text, context);
    expect(claims.map((c) => c.text)).toEqual(["Huawei shipped Ascend chips in May."]);
    expect(skipped.map((s) => [s.text, s.reason.split(":")[0]])).toEqual([
      ["Why does it matter?", "a question"],
      ["Not everyone is convinced.", "rhetoric"],
    ]);
    for (const s of skipped) expect([...text].slice(s.startOffset, s.endOffset).join("")).toBe(s.text);
  });

  it("anchors every sentence of a short report that names its actors, whoever they are", () => {
    const text = [
      "Huawei in the News",
      "Huawei said it will ship the Ascend 950PR next year.",
      "Huawei's rivals ordered fewer chips from Nvidia.",
      "Huawei has hired 2,000 chip engineers.",
      "Huawei opened a lab in Shanghai.",
    ].join("\n");
    expect(ingestText(text, context).claims).toHaveLength(4);
  });

  it("refuses a reader's output whose spans do not fit its text, with a clear message", () => {
    const doc = documentOf([["paragraph", "Huawei shipped chips in 2025."]]);
    expect(() =>
      ingestDocument({ ...doc, blocks: [{ kind: "paragraph", start: 0, end: 500 }] }, context),
    ).toThrow(/cannot be read: block 1 \(0-500\) lies outside the text's 29 characters/);
    expect(() =>
      ingestDocument(
        {
          ...doc,
          blocks: [
            { kind: "paragraph", start: 0, end: 20 },
            { kind: "paragraph", start: 10, end: 29 },
          ],
        },
        context,
      ),
    ).toThrow(/block 2 starts at 10, inside the block before it/);
    expect(() =>
      ingestDocument({ ...doc, links: [{ start: -1, end: 3, url: "https://example.org" }] }, context),
    ).toThrow(/link 1 lies outside/);
  });
});
