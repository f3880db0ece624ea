import { beforeAll, describe, expect, it } from "vitest";
import { splitSentences } from "@/lib/ingest/sentences";
import { sliceCodePoints } from "@/lib/ingest/offsets";
import { ingestText, type IngestContext } from "@/lib/ingest/pipeline";
import { corpusContext, corpusOverlay, corpusText } from "@/tests/helpers/corpus";

let context: IngestContext;
beforeAll(async () => {
  context = await corpusContext();
});

describe("ingestText on the seeded article", () => {
  it("gives every claim offsets that cut exactly its text out of the document", () => {
    const { claims } = ingestText(corpusText, context, corpusOverlay());
    expect(claims.length).toBeGreaterThan(30);
    for (const claim of claims)
      expect(sliceCodePoints(corpusText, claim.startOffset, claim.endOffset)).toBe(claim.text);
  });

  it("makes a claim of every sentence whose citation was lost, and flags it", () => {
    const { claims } = ingestText(corpusText, context, corpusOverlay());
    const lost = corpusText
      .split("\n")
      .flatMap((line) => splitSentences(line))
      .filter((s) => / \.$/.test(s.text));
    expect(lost.length).toBeGreaterThan(20);
    for (const sentence of lost) {
      const parts = claims.filter((c) => sentence.text.includes(c.text));
      expect(parts.length, sentence.text).toBeGreaterThan(0);
      expect(parts.every((c) => c.citationMissing)).toBe(true);
    }
  });

  it("explains each sentence it leaves out, and leaves out headings entirely", () => {
    const { skipped } = ingestText(corpusText, context, corpusOverlay());
    expect(skipped.map((s) => s.text)).toContain(
      "This article dives deep into the factors fueling China’s AI rise, highlighting infrastructure investment, model innovation, government policy, talent cultivation, and global market expansion.",
    );
    for (const { text, reason } of skipped) {
      expect(reason.length, text).toBeGreaterThan(10);
      expect(text).not.toMatch(/^\d+\. /);
    }
  });

  it("places each claim in the innermost section around it", () => {
    const { sections, claims } = ingestText(corpusText, context, corpusOverlay());
    const kimi = claims.find((c) => c.text === "Moonshot AI released Kimi K2");
    expect(sections[kimi!.sectionOrder]).toMatchObject({
      heading: "Moonshot AI’s Kimi K2 Release",
      level: 2,
    });
    for (const claim of claims) {
      const section = sections[claim.sectionOrder]!;
      expect(claim.startOffset).toBeGreaterThanOrEqual(section.startOffset);
      expect(claim.endOffset).toBeLessThanOrEqual(section.endOffset);
    }
  });

  it("runs without an overlay, on rules alone", () => {
    const { claims } = ingestText(corpusText, context);
    expect(claims.find((c) => c.text.startsWith("AI Funds"))).toMatchObject({
      kind: "STATISTIC",
      quantities: [{ value: 8e9, unit: "USD", qualifier: "over" }],
    });
  });

  it("refuses an overlay that no longer fits the document", () => {
    const overlay = corpusOverlay();
    overlay.claims.push({ match: "a sentence the article never wrote", why: "to prove drift is caught" });
    expect(() => ingestText(corpusText, context, overlay)).toThrow(/matched 0 claims/);
  });
});
