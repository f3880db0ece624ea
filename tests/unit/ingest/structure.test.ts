import { describe, expect, it } from "vitest";
import { parseBlocks } from "@/lib/ingest/structure";

describe("parseBlocks", () => {
  const text = [
    "How China’s AI ecosystem is accelerating.",
    "1. Introduction: A New Era",
    "Opening paragraph with a claim .",
    "🏗️ State-Backed Industrial Policy",
    "AI Funds: Over $8 billion directed toward startups.",
    "12. Final Thoughts",
    "Closing words.",
  ].join("\n");

  it("recognises the title, numbered headings, decorated sub-headings and paragraphs", () => {
    expect(
      parseBlocks(text).map((b) => [b.type, b.type === "heading" ? `${b.level}:${b.heading}` : b.text]),
    ).toEqual([
      ["title", "How China’s AI ecosystem is accelerating."],
      ["heading", "1:1. Introduction: A New Era"],
      ["paragraph", "Opening paragraph with a claim ."],
      ["heading", "2:State-Backed Industrial Policy"],
      ["paragraph", "AI Funds: Over $8 billion directed toward startups."],
      ["heading", "1:12. Final Thoughts"],
      ["paragraph", "Closing words."],
    ]);
  });

  it("gives offsets that point at each block in the text", () => {
    for (const block of parseBlocks(text)) {
      const shown = text.slice(block.start, block.end);
      expect(shown).toContain(block.type === "heading" ? block.heading : block.text);
    }
  });

  it("treats a numbered line that ends like a sentence as a paragraph", () => {
    const blocks = parseBlocks("Title\n2. Governments spend more each year.");
    expect(blocks[1]).toMatchObject({ type: "paragraph" });
  });
});
