import { describe, expect, it } from "vitest";
import { extractQuantities, findYears } from "@/lib/ingest/quantities";

const summary = (text: string, skip?: { start: number; end: number }[]) =>
  extractQuantities(text, skip).map(({ value, unit, qualifier, surface }) => ({
    value,
    unit,
    qualifier,
    surface,
  }));

describe("extractQuantities", () => {
  it("reads money with scale words and qualifiers", () => {
    expect(summary("AI Funds: Over $8 billion directed toward promising LLM startups.")).toEqual([
      { value: 8e9, unit: "USD", qualifier: "over", surface: "Over $8 billion" },
    ]);
    expect(summary("It cost US$5.6m and ¥300 million, or 2 billion yuan.")).toEqual([
      { value: 5.6e6, unit: "USD", qualifier: "exact", surface: "US$5.6m" },
      { value: 3e8, unit: "CNY", qualifier: "exact", surface: "¥300 million" },
      { value: 2e9, unit: "CNY", qualifier: "exact", surface: "2 billion yuan" },
    ]);
  });

  it("reads approximate percentages", () => {
    expect(summary("strong optimism in China (~83%), and about 12 percent elsewhere")).toEqual([
      { value: 83, unit: "percent", qualifier: "about", surface: "~83%" },
      { value: 12, unit: "percent", qualifier: "about", surface: "about 12 percent" },
    ]);
  });

  it("reads scale words fused to a noun and counted nouns", () => {
    expect(summary("a trillion-parameter MoE model trained on 14.8 trillion tokens with 2,048 GPUs")).toEqual(
      [
        { value: 1e12, unit: "parameters", qualifier: "exact", surface: "trillion-parameter" },
        { value: 1.48e13, unit: "tokens", qualifier: "exact", surface: "14.8 trillion tokens" },
        { value: 2048, unit: "GPUs", qualifier: "exact", surface: "2,048 GPUs" },
      ],
    );
  });

  it("says what the quantity measures", () => {
    const [funds] = extractQuantities("AI Funds: Over $8 billion directed toward promising LLM startups.");
    expect(funds?.measure).toBe("AI Funds directed toward promising LLM startups");
    const [share] = extractQuantities(
      "The index reports strong optimism in China (~83%), indicating support.",
    );
    expect(share?.measure).toBe("The index reports strong optimism in China");
  });

  it("ignores numbers inside names it is told to skip", () => {
    const text = "MIT's Innovators Under 35 list and 35 startups";
    const name = { start: text.indexOf("Innovators"), end: text.indexOf(" list") };
    expect(summary(text, [name])).toEqual([
      { value: 35, unit: "startups", qualifier: "exact", surface: "35 startups" },
    ]);
  });
});

describe("findYears", () => {
  it("finds years but not amounts, model numbers or skipped names", () => {
    expect(findYears("Stanford’s 2025 AI Index and ambitions for 2030, not $2025 or 2025% or X2025")).toEqual(
      [2025, 2030],
    );
  });
});

describe("extractQuantities in Chinese text", () => {
  it("reads yuan written with 元 and the scale characters 万 and 亿", () => {
    expect(
      extractQuantities("字节跳动计划投入850亿元，另有1000元补贴。").map(({ value, unit }) => ({ value, unit })),
    ).toEqual([
      { value: 85e9, unit: "CNY" },
      { value: 1000, unit: "CNY" },
    ]);
  });
});
