import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readPlainText } from "@/lib/ingest/formats/plain-text";
import { blocksOf, linksOf, notesOf } from "@/tests/helpers/extracted-document";

describe("readPlainText", () => {
  it("reads the title, numbered headings, decorated sub-headings (without their emoji) and paragraphs", () => {
    const text = [
      "How China’s AI ecosystem is accelerating.",
      "1. Introduction: A New Era",
      "Opening paragraph with a claim .",
      "🏗️ State-Backed Industrial Policy",
      "AI Funds: Over $8 billion directed toward startups.",
      "12. Final Thoughts",
      "Closing words.",
    ].join("\n");
    expect(blocksOf(readPlainText(text))).toEqual([
      "title: How China’s AI ecosystem is accelerating.",
      "heading 1: 1. Introduction: A New Era",
      "paragraph: Opening paragraph with a claim .",
      "heading 2: State-Backed Industrial Policy",
      "paragraph: AI Funds: Over $8 billion directed toward startups.",
      "heading 1: 12. Final Thoughts",
      "paragraph: Closing words.",
    ]);
  });

  it("reads the seed article as twelve chapters with their sub-headings, every other line a paragraph", () => {
    const text = readFileSync("prisma/data/documents/china-ai-ecosystem-2025.txt", "utf8");
    const doc = readPlainText(text);
    const lines = text.split("\n").filter((l) => l.trim());
    const kinds = doc.blocks.map((b) => b.kind);
    expect(doc.blocks).toHaveLength(lines.length);
    expect(kinds[0]).toBe("title");
    expect(doc.blocks.filter((b) => b.kind === "heading" && b.level === 1)).toHaveLength(12);
    // Every decorated line is a sub-heading; every line ending in a full stop after the title is a paragraph.
    const decorated = lines.filter((l) => /^[\p{Extended_Pictographic}\p{Regional_Indicator}]/u.test(l));
    expect(doc.blocks.filter((b) => b.kind === "heading" && b.level === 2)).toHaveLength(decorated.length);
    expect(kinds.filter((k) => k === "paragraph")).toHaveLength(
      lines.slice(1).filter((l) => /[.]$/u.test(l.trim())).length,
    );
    expect(blocksOf(doc)).toContain("heading 2: Domestic AI Chip Push");
  });

  it("treats a numbered line that ends like a sentence as a paragraph, and a run of numbers as a list", () => {
    expect(blocksOf(readPlainText("Title\n2. Governments spend more each year."))[1]).toBe(
      "list-item: Governments spend more each year.",
    );
    expect(
      blocksOf(
        readPlainText(
          "Plan\n\nThe plan has three steps:\n1. Build data centres\n2. Train engineers\n3. Buy chips",
        ),
      ),
    ).toEqual([
      "title: Plan",
      "paragraph: The plan has three steps:",
      "list-item: Build data centres",
      "list-item: Train engineers",
      "list-item: Buy chips",
    ]);
  });

  it("reads decimal numbering as deeper headings, and short title-case or capitalised lines as headings", () => {
    const text = [
      "Compute Policy Review",
      "",
      "EXECUTIVE SUMMARY",
      "",
      "Provinces expanded capacity in 2024.",
      "",
      "2. Regional Hubs",
      "",
      "2.1 Hubs in the West",
      "",
      "Huawei's Growing Role in China's AI Industry",
      "",
      "Huawei shipped more accelerators than in any earlier year.",
    ].join("\n");
    expect(blocksOf(readPlainText(text))).toEqual([
      "title: Compute Policy Review",
      "heading 3: EXECUTIVE SUMMARY",
      "paragraph: Provinces expanded capacity in 2024.",
      "heading 1: 2. Regional Hubs",
      "heading 2: 2.1 Hubs in the West",
      "heading 3: Huawei's Growing Role in China's AI Industry",
      "paragraph: Huawei shipped more accelerators than in any earlier year.",
    ]);
  });

  it("joins a hard-wrapped paragraph, even where a wrapped line reads like a heading", () => {
    const text = [
      "Wrapped Report",
      "",
      "The statement, published on Monday by the Ministry of",
      "Industry and Information Technology",
      "said that new data centres must meet energy targets.",
      "",
      "- Bullet items keep their own block",
      "  and their indented second line.",
      "* A second item.",
    ].join("\n");
    expect(blocksOf(readPlainText(text))).toEqual([
      "title: Wrapped Report",
      "paragraph: The statement, published on Monday by the Ministry of\nIndustry and Information Technology\nsaid that new data centres must meet energy targets.",
      "list-item: Bullet items keep their own block\n  and their indented second line.",
      "list-item: A second item.",
    ]);
  });

  it("reads a Notes section as footnotes tied to the markers in the body, with the URLs they cite", () => {
    const text = [
      "Export Controls Brief",
      "",
      "The rules took effect in October 2023.[1] Sales fell within a year [2, 3].",
      "",
      "Notes",
      "",
      "1. Federal Register notice, https://example.gov/notice-2023.",
      "2. Company filing.",
      "[3] Trade data, https://example.org/trade",
    ].join("\n");
    const doc = readPlainText(text);
    expect(notesOf(doc)).toEqual([
      {
        label: "1",
        text: "Federal Register notice, https://example.gov/notice-2023.",
        markers: ["[1]"],
        urls: ["https://example.gov/notice-2023"],
      },
      { label: "2", text: "Company filing.", markers: ["[2, 3]"], urls: [] },
      {
        label: "3",
        text: "Trade data, https://example.org/trade",
        markers: ["[2, 3]"],
        urls: ["https://example.org/trade"],
      },
    ]);
    expect(blocksOf(doc)).toContain("heading 1: Notes");
    expect(linksOf(doc)).toContainEqual(["https://example.org/trade", "https://example.org/trade"]);
  });

  it("keeps every offset inside the text it was given", () => {
    const text = "  Title  \r\n\n- item one\n\tIndented paragraph line.\n";
    const doc = readPlainText(text);
    expect(doc.text).toBe(text);
    for (const b of doc.blocks) expect(text.slice(b.start, b.end).trim()).toBe(text.slice(b.start, b.end));
  });
});
