import { describe, expect, it } from "vitest";
import { readPdf } from "@/lib/ingest/formats/pdf";
import { pdfBytes } from "@/tests/fixtures/formats/build";
import { blocksOf, notesOf } from "@/tests/helpers/extracted-document";

const header = "Example Institute | Brief 12";
const report = pdfBytes(
  [
    {
      header,
      lines: [
        { text: "Chip Supply After the Controls", size: 22 },
        { text: "Summary", size: 15, gapBefore: 10 },
        { text: "Domestic accelerators covered a third of new training", gapBefore: 4 },
        { text: "clusters in 2024, up from a tenth two years earlier.", marker: "1" },
        { text: "Procurement shifted toward inference parts, which", gapBefore: 8 },
        { text: "need less advanced manufacturing." },
        { text: "• Lead times grew to nine months.", gapBefore: 8 },
        { text: "• Prices rose by a fifth." },
        { text: "The largest buyers signed contracts that run until", gapBefore: 8 },
      ],
      notes: ["1 Industry survey of 40 operators."],
    },
    {
      header,
      lines: [
        { text: "the end of 2026, according to company filings." },
        { text: "Outlook", size: 15, gapBefore: 10 },
        { text: "Analysts forecast further gains through 2026.", gapBefore: 4 },
      ],
    },
  ],
  { title: "Brief 12", author: "Example Institute" },
);

describe("readPdf", () => {
  it("rebuilds headings from font sizes and paragraphs from lines, without running headers or page numbers", async () => {
    const doc = await readPdf(await report);
    expect(blocksOf(doc)).toEqual([
      "title: Chip Supply After the Controls",
      "heading 1: Summary",
      "paragraph: Domestic accelerators covered a third of new training clusters in 2024, up from a tenth two years earlier.[1]",
      "paragraph: Procurement shifted toward inference parts, which need less advanced manufacturing.",
      "list-item: Lead times grew to nine months.",
      "list-item: Prices rose by a fifth.",
      "paragraph: The largest buyers signed contracts that run until the end of 2026, according to company filings.",
      "footnote: Industry survey of 40 operators.",
      "heading 1: Outlook",
      "paragraph: Analysts forecast further gains through 2026.",
    ]);
    expect(doc.text).not.toContain(header);
    expect(doc.metadata.author).toBe("Example Institute");
  });

  it("ties a raised footnote number in the body to the note at the foot of the page", async () => {
    const doc = await readPdf(await report);
    expect(notesOf(doc)).toEqual([
      { label: "1", text: "Industry survey of 40 operators.", markers: ["[1]"], urls: [] },
    ]);
  });
});
