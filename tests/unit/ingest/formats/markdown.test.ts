import { describe, expect, it } from "vitest";
import { readMarkdown } from "@/lib/ingest/formats/markdown";
import { blocksOf, linksOf, notesOf } from "@/tests/helpers/extracted-document";

const source = `---
title: Model Releases in the Second Quarter
author: Research Desk
date: 2025-07-02
---

# Model Releases in the Second Quarter

Three laboratories released open-weight models, led by a [mixture-of-experts model][moe] with 236 billion parameters.[^1]

## Licences

- Two models use permissive licences.
  - One of them allows commercial use without registration.
- One model restricts use above a user threshold.

| Model | Parameters |
|-------|-----------:|
| Model A | 236B |
| Model B | 72B |

See https://example.org/leaderboard for scores. ![Chart](chart.png)

[^1]: Release notes, [model card](https://example.org/model-card).

[moe]: https://example.org/moe-paper "The paper"
`;

describe("readMarkdown", () => {
  const doc = readMarkdown(source);

  it("reads headings, nested list items and table rows, and takes the title from the front matter", () => {
    expect(doc.title).toBe("Model Releases in the Second Quarter");
    expect(doc.metadata).toEqual({ author: "Research Desk", publishedAt: "2025-07-02" });
    expect(blocksOf(doc)).toEqual([
      "title: Model Releases in the Second Quarter",
      "paragraph: Three laboratories released open-weight models, led by a mixture-of-experts model with 236 billion parameters.[1]",
      "heading 1: Licences",
      "list-item: Two models use permissive licences.",
      "list-item: One of them allows commercial use without registration.",
      "list-item: One model restricts use above a user threshold.",
      "table-row: Model | Parameters",
      "table-row: Model A | 236B",
      "table-row: Model B | 72B",
      "paragraph: See https://example.org/leaderboard for scores.",
      "footnote: Release notes, model card.",
    ]);
    expect(doc.warnings).toEqual(["1 image(s) were left out."]);
  });

  it("resolves reference links, keeps bare addresses, and attaches a footnote's URL to its marker", () => {
    expect(linksOf(doc)).toEqual([
      ["mixture-of-experts model", "https://example.org/moe-paper"],
      ["https://example.org/leaderboard", "https://example.org/leaderboard"],
      ["model card", "https://example.org/model-card"],
    ]);
    expect(notesOf(doc)).toEqual([
      {
        label: "1",
        text: "Release notes, model card.",
        markers: ["[1]"],
        urls: ["https://example.org/model-card"],
      },
    ]);
  });
});
