import { describe, expect, it } from "vitest";
import { splitSentences } from "@/lib/ingest/sentences";

const texts = (text: string) => splitSentences(text).map((s) => s.text);

describe("splitSentences", () => {
  it("does not end a sentence at U.S. or other abbreviations", () => {
    expect(
      texts("Unlike the U.S., China scales power. U.S. regulatory pressure has forced NVIDIA to act."),
    ).toEqual(["Unlike the U.S., China scales power.", "U.S. regulatory pressure has forced NVIDIA to act."]);
    expect(texts("Dr. Lee met Mr. Huang vs. the board. Then it ended.")).toEqual([
      "Dr. Lee met Mr. Huang vs. the board.",
      "Then it ended.",
    ]);
  });

  it("keeps dotted names, approximate figures and chip names inside one sentence", () => {
    expect(
      texts(
        "Companies like 01.AI build models. Optimism is high (~83%), it says. Huawei sells Ascend 910B/C chips.",
      ),
    ).toEqual([
      "Companies like 01.AI build models.",
      "Optimism is high (~83%), it says.",
      "Huawei sells Ascend 910B/C chips.",
    ]);
  });

  it("ends a sentence at a lost citation's detached period", () => {
    expect(texts("It signals a maturing landscape in China . Moonshot AI released Kimi K2.")).toEqual([
      "It signals a maturing landscape in China .",
      "Moonshot AI released Kimi K2.",
    ]);
  });

  it("ends a sentence after a closing quote and before an emoji or digit", () => {
    expect(texts("He called them “world-class.” 🛡️ Rules follow. 2025 was busy.")).toEqual([
      "He called them “world-class.”",
      "🛡️ Rules follow.",
      "2025 was busy.",
    ]);
  });

  it("keeps U.S. agencies, company suffixes, numbered items, decimals, ellipses and quotes inside one sentence", () => {
    expect(
      texts(
        'The U.S. Commerce Department said so. Dr. Li joined Huawei Technologies Co. Ltd. in 2019. See No. 3 for details. Sales rose 3.5 percent... and then fell. He said "we are done." Then he left.',
      ),
    ).toEqual([
      "The U.S. Commerce Department said so.",
      "Dr. Li joined Huawei Technologies Co. Ltd. in 2019.",
      "See No. 3 for details.",
      "Sales rose 3.5 percent... and then fell.",
      'He said "we are done."',
      "Then he left.",
    ]);
  });

  it("ends a sentence after a dotted acronym when a new sentence plainly starts", () => {
    expect(texts("Chips are made in the U.S. The ban followed.")).toEqual([
      "Chips are made in the U.S.",
      "The ban followed.",
    ]);
  });

  it("keeps a citation marker with the sentence it closes, and splits Chinese at its full stops", () => {
    expect(texts("Investment grew in 2024.[3] Utilisation lagged.[4]")).toEqual([
      "Investment grew in 2024.[3]",
      "Utilisation lagged.[4]",
    ]);
    expect(texts("华为发布了新芯片。深度求索也发布了模型。")).toEqual([
      "华为发布了新芯片。",
      "深度求索也发布了模型。",
    ]);
  });

  it("reports offsets into the original text, shifted by the paragraph's offset", () => {
    const paragraph = "  First one.   Second one.";
    for (const span of splitSentences(paragraph, 100)) {
      expect(paragraph.slice(span.start - 100, span.end - 100)).toBe(span.text);
    }
  });
});
