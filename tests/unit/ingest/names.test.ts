import { describe, expect, it } from "vitest";
import { findNamePhrases, guessKind, kindContext, wordsAfter, wordsBefore } from "@/lib/ingest/names";

const names = (text: string) => findNamePhrases(text).map((p) => p.surface);

function kindIn(sentence: string, phrase: string) {
  const start = sentence.indexOf(phrase);
  const end = start + phrase.length;
  return guessKind(
    phrase,
    wordsBefore(sentence, start),
    wordsAfter(sentence, end),
    kindContext(sentence, start, end, phrase),
  );
}

describe("findNamePhrases", () => {
  it("keeps an institution's name whole across 'of' and 'and', but splits a list of names", () => {
    expect(names("The rule came from the Bureau of Industry and Security on Tuesday.")).toEqual([
      "Bureau of Industry and Security",
    ]);
    expect(names("Within days, ByteDance, Tencent and Alibaba reopened talks.")).toEqual([
      "ByteDance",
      "Tencent",
      "Alibaba",
    ]);
    expect(names("It was reviewed by the National Development and Reform Commission.")).toEqual([
      "National Development and Reform Commission",
    ]);
  });

  it("keeps model and chip numbers with their names and cuts titles and possessives off", () => {
    expect(
      names("Reports say Huawei's Ascend 950PR and DeepSeek-V3.1 met President Joe Biden's rules."),
    ).toEqual(["Huawei", "Ascend 950PR", "DeepSeek-V3.1", "Joe Biden"]);
  });

  it("does not take ordinary words for names: sentence openers, compound adjectives, units, term acronyms", () => {
    expect(names("Software remains the weak point for AI-powered tools.")).toEqual([]);
    expect(names("Capacity shall exceed 300 EFLOPS with a power usage effectiveness (PUE) of 1.25.")).toEqual(
      [],
    );
    expect(names("The start-up Beijing-based Moonshot AI released it.")).toEqual(["Beijing", "Moonshot AI"]);
    expect(names("They sell Huawei's Ascend AI processors.")).toEqual(["Huawei", "Ascend"]);
  });

  it("pairs a Chinese name with the name in brackets after it", () => {
    expect(findNamePhrases("字节跳动 (ByteDance) plans to spend more.")).toContainEqual(
      expect.objectContaining({ surface: "字节跳动", alias: "ByteDance" }),
    );
  });
});

describe("guessKind", () => {
  it.each([
    ["The guidance replaces a rule drafted under President Joe Biden.", "Joe Biden", "PERSON"],
    ["Eddie Wu said in February that spending would rise.", "Eddie Wu", "PERSON"],
    ["It was issued by the Ministry of Finance.", "Ministry of Finance", "GOVERNMENT_BODY"],
    ["Most studied at Tsinghua University before.", "Tsinghua University", "INSTITUTION"],
    ["A research note from TrendForce said so.", "TrendForce", "COMPANY"],
    ["Its H20 needed a licence from April.", "H20", "CHIP"],
    ["The start-up is based in Hangzhou.", "Hangzhou", "PLACE"],
    ["Alibaba's Hong Kong-listed shares rose.", "Hong Kong", "PLACE"],
    ["HANGZHOU, April 29 — Alibaba released it.", "HANGZHOU", "PLACE"],
    ["Alibaba released Qwen3 models on Tuesday.", "Qwen3", "MODEL"],
  ])("%s -> %s is %s", (sentence, phrase, kind) => {
    expect(kindIn(sentence, phrase)).toBe(kind);
  });
});
