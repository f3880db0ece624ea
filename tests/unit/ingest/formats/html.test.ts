import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readHtml } from "@/lib/ingest/formats/html";
import { blocksOf, linksOf, notesOf } from "@/tests/helpers/extracted-document";

const page = readFileSync("tests/fixtures/formats/think-tank-page.html", "utf8");

describe("readHtml", () => {
  const doc = readHtml(page);

  it("keeps the article's headings as headings, its lists and table rows, and drops the site around it", () => {
    const blocks = blocksOf(doc);
    expect(blocks[0]).toBe("title: Inference Chips and the New Procurement Map");
    expect(blocks).toEqual(
      expect.arrayContaining([
        "heading 1: Who Is Buying",
        "heading 2: Orders by Buyer Type",
        "heading 1: What Comes Next",
        "list-item: Cloud platforms placed the largest orders.",
        "table-row: Buyer | Share of orders",
        "table-row: Cloud platforms | 61%",
      ]),
    );
    expect(
      doc.blocks.filter((b) => b.kind === "paragraph").map((b) => doc.text.slice(b.start, b.end)),
    ).not.toContain("Who Is Buying");
    for (const boilerplate of [
      "Subscribe",
      "About us",
      "All rights reserved",
      "Privacy",
      "replaced",
      "color: red",
    ])
      expect(doc.text).not.toContain(boilerplate);
  });

  it("never runs the page's scripts", () => {
    expect((globalThis as { __pageScriptRan?: boolean }).__pageScriptRan).toBeUndefined();
    expect(doc.text).toContain("Chinese cloud providers bought");
  });

  it("keeps links, resolving relative ones against the page's canonical address", () => {
    expect(linksOf(doc)).toEqual(
      expect.arrayContaining([
        ["our procurement tracker", "https://policy-lab.example/data/q1-tracker"],
        ["Bureau of Industry and Security", "https://commerce.example.gov/bis"],
      ]),
    );
  });

  it("reads endnotes with their markers, without the back-links", () => {
    expect(notesOf(doc)).toEqual([
      {
        label: "1",
        text: "Example Policy Lab procurement tracker, quarterly data.",
        markers: ["[1]"],
        urls: ["https://policy-lab.example/tracker"],
      },
      { label: "2", text: "Provincial tender notices collected by the authors.", markers: ["[2]"], urls: [] },
    ]);
    expect(doc.text).not.toContain("↩");
    expect(doc.text).toContain("according to our procurement tracker.[1]");
  });

  it("takes the author, publisher, date and address from the page's metadata", () => {
    expect(doc.metadata).toEqual({
      author: "Mei Zhang",
      publisher: "Example Policy Lab",
      publishedAt: "2025-05-14",
      url: "https://policy-lab.example/briefs/inference-chips",
    });
  });

  it("reads a bare fragment of HTML with no article around it", () => {
    const fragment = readHtml("<h2>Short Note</h2><p>Output rose by 5% in 2024.</p>");
    expect(blocksOf(fragment)).toContain("paragraph: Output rose by 5% in 2024.");
    expect(blocksOf(fragment)).not.toContain("paragraph: Short Note");
  });
});
