import { describe, expect, it } from "vitest";
import { SectorClassifier } from "@/lib/ingest/sectors";

const classifier = new SectorClassifier([
  { slug: "hardware-chips", keywords: ["chips", "gpus"] },
  { slug: "foundation-models", keywords: ["model", "llm"] },
  { slug: "healthcare", keywords: ["hospitals"] },
]);

describe("SectorClassifier", () => {
  it("matches whole keywords in any case, in the order of the sector list", () => {
    expect(classifier.classify("An LLM trained on GPUs", [], [])).toEqual([
      "hardware-chips",
      "foundation-models",
    ]);
    expect(classifier.classify("Chipset models", [], [])).toEqual([]);
  });

  it("adds the sector of the kinds of entities named", () => {
    expect(classifier.classify("Huawei sells the Ascend 910B", ["COMPANY", "CHIP"], [])).toEqual([
      "hardware-chips",
    ]);
  });

  it("falls back to the headings only when the claim itself says nothing", () => {
    expect(classifier.classify("They improve outcomes.", [], ["DeepSeek in Hospitals"])).toEqual([
      "healthcare",
    ]);
    expect(classifier.classify("A model helps.", [], ["DeepSeek in Hospitals"])).toEqual([
      "foundation-models",
    ]);
  });
});
