import { describe, expect, it } from "vitest";
import { classifyKind, notCheckableReason, splitClaimSpans, subjectSlugs } from "@/lib/ingest/claims";
import type { Mention } from "@/lib/ingest/gazetteer";

const noAnchors = { mentions: 0, quantities: 0, years: 0, lostCitation: false };

describe("notCheckableReason", () => {
  it("rejects rhetoric with nothing to check", () => {
    expect(
      notCheckableReason(
        "China’s rapidly evolving AI landscape is no longer just reactionary—it’s preemptive.",
        noAnchors,
      ),
    ).toMatch(/rhetoric/);
  });

  it("rejects sentences about the article itself, whatever they name", () => {
    expect(
      notCheckableReason("This article dives deep into China’s AI rise.", { ...noAnchors, mentions: 1 }),
    ).toMatch(/article itself/);
  });

  it("accepts a sentence with a named entity, a figure, a date or a lost citation", () => {
    for (const anchor of ["mentions", "quantities", "years"] as const) {
      expect(notCheckableReason("Something happened.", { ...noAnchors, [anchor]: 1 })).toBeNull();
    }
    expect(notCheckableReason("Something happened .", { ...noAnchors, lostCitation: true })).toBeNull();
  });
});

describe("splitClaimSpans", () => {
  it("splits a concessive sentence into its two statements", () => {
    const text =
      "Although these chips might not match Nvidia’s performance, they support inference workloads.";
    const parts = splitClaimSpans({ start: 10, end: 10 + text.length, text });
    expect(parts.map((p) => p.text)).toEqual([
      "these chips might not match Nvidia’s performance",
      "they support inference workloads.",
    ]);
    for (const part of parts) expect(text.slice(part.start - 10, part.end - 10)).toBe(part.text);
  });

  it("separates a reported claim from the event that carried it", () => {
    const text = "Moonshot AI released Kimi K2, claiming it outperforms DeepSeek V3 in code.";
    expect(splitClaimSpans({ start: 0, end: text.length, text }).map((p) => p.text)).toEqual([
      "Moonshot AI released Kimi K2",
      "claiming it outperforms DeepSeek V3 in code.",
    ]);
  });

  it("leaves an ordinary sentence whole", () => {
    const text = "DeepSeek’s emergence triggered a ripple effect across U.S. tech stocks.";
    expect(splitClaimSpans({ start: 0, end: text.length, text })).toHaveLength(1);
  });
});

describe("classifyKind", () => {
  it.each([
    ["NVIDIA’s CEO Jensen Huang said researchers are “world-class,” he added", false, "QUOTE"],
    ["AI Funds: Over $8 billion directed toward promising LLM startups.", true, "STATISTIC"],
    ["China's AI ambitions for 2030 are backed by national planning .", false, "FORECAST"],
    ["claiming it outperforms DeepSeek V3 in code and reasoning.", false, "ATTRIBUTION"],
    ["China’s AI strategy, outlined in RAND Australia’s recent report, is methodical.", false, "ATTRIBUTION"],
    ["Moonshot AI released Kimi K2", false, "EVENT"],
    ["China still relies on foreign chips for high-end training .", false, "ASSESSMENT"],
  ])("%s -> %s", (text, hasQuantity, kind) => {
    expect(classifyKind(text, hasQuantity)).toBe(kind);
  });
});

describe("subjectSlugs", () => {
  const mention = (text: string, surface: string, slug: string): Mention => {
    const start = text.indexOf(surface);
    return { slugs: [slug], start, end: start + surface.length, surface };
  };

  it("takes the entities named before the main verb", () => {
    const text = "Huawei’s PanGu-Σ is a trillion-parameter model unlike DeepSeek V3.";
    const mentions = [
      mention(text, "Huawei", "huawei"),
      mention(text, "PanGu-Σ", "pangu"),
      mention(text, "DeepSeek V3", "v3"),
    ];
    expect([...subjectSlugs({ start: 0, end: text.length, text }, mentions)]).toEqual(["huawei", "pangu"]);
  });

  it("falls back to the first entity named when the verb comes first", () => {
    const text = "claiming it outperforms DeepSeek V3 and Qwen.";
    const mentions = [mention(text, "DeepSeek V3", "v3"), mention(text, "Qwen", "qwen")];
    expect([...subjectSlugs({ start: 0, end: text.length, text }, mentions)]).toEqual(["v3"]);
  });
});
