import { describe, expect, it } from "vitest";
import { readDocx } from "@/lib/ingest/formats/docx";
import { listZipEntries } from "@/lib/ingest/formats/zip";
import { docxBytes } from "@/tests/fixtures/formats/build";
import { blocksOf, linksOf, notesOf } from "@/tests/helpers/extracted-document";

const bytes = docxBytes({
  paragraphs: [
    { style: "Title", runs: ["Compute Corridors in Western China"] },
    { style: "Heading1", runs: ["Key Findings"] },
    {
      style: "Normal",
      runs: [
        "Guizhou added 40,000 servers in 2024, according to the ",
        { link: "https://example.org/guizhou", text: "provincial bureau" },
        ".",
        { footnote: 1 },
      ],
    },
    { style: "Bullet", runs: ["Power prices for data centres fell by 8%."] },
    { style: "Heading2", runs: ["Outlook for 2026"] },
    { style: "Normal", runs: ["Officials expect a second corridor to open in Gansu.", { footnote: 2 }] },
  ],
  footnotes: {
    1: "Guizhou Big Data Bureau, annual bulletin, https://example.org/bulletin-2024",
    2: "Interview with a provincial official, March 2025.",
  },
  core: { title: "Compute corridors (draft)", creator: "Lin Wei", created: "2025-03-04T10:00:00Z" },
});

describe("readDocx", () => {
  it("reads Word's heading styles as headings, the Title style as the title, and bulleted paragraphs as list items", async () => {
    const doc = await readDocx(bytes, listZipEntries(bytes));
    expect(blocksOf(doc)).toEqual([
      "title: Compute Corridors in Western China",
      "heading 1: Key Findings",
      "paragraph: Guizhou added 40,000 servers in 2024, according to the provincial bureau.[1]",
      "list-item: Power prices for data centres fell by 8%.",
      "heading 2: Outlook for 2026",
      "paragraph: Officials expect a second corridor to open in Gansu.[2]",
      "footnote: Guizhou Big Data Bureau, annual bulletin, https://example.org/bulletin-2024",
      "footnote: Interview with a provincial official, March 2025.",
    ]);
    expect(doc.title).toBe("Compute Corridors in Western China");
  });

  it("keeps hyperlinks and footnotes with their markers", async () => {
    const doc = await readDocx(bytes, listZipEntries(bytes));
    expect(linksOf(doc)).toEqual([["provincial bureau", "https://example.org/guizhou"]]);
    expect(notesOf(doc).map(({ label, markers }) => ({ label, markers }))).toEqual([
      { label: "1", markers: ["[1]"] },
      { label: "2", markers: ["[2]"] },
    ]);
  });

  it("takes the author and date from the core properties", async () => {
    const doc = await readDocx(bytes, listZipEntries(bytes));
    expect(doc.metadata).toEqual({ author: "Lin Wei", publishedAt: "2025-03-04" });
  });

  it("falls back to the core properties' title when no paragraph has the Title style", async () => {
    const plain = docxBytes({
      paragraphs: [{ style: "Normal", runs: ["One paragraph."] }],
      core: { title: "Quarterly Note" },
    });
    const doc = await readDocx(plain, listZipEntries(plain));
    expect(doc.title).toBe("Quarterly Note");
    expect(blocksOf(doc)).toEqual(["paragraph: One paragraph."]);
  });
});
