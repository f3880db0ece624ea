import { describe, expect, it } from "vitest";
import { hasLostCitation, lostCitationIndex } from "@/lib/ingest/citations";

describe("lost citations", () => {
  it("recognises the space a stripped citation marker left before the final period", () => {
    expect(hasLostCitation("DeepSeek shook global markets despite export limits .")).toBe(true);
    expect(hasLostCitation("They called them “world-class,” highlighting China’s reputation .")).toBe(true);
  });

  it("recognises an empty bracket where a marker stood", () => {
    expect(hasLostCitation("Huawei shipped 700,000 chips in 2025 [ ].")).toBe(true);
    expect(lostCitationIndex("Huawei shipped chips [].")).toBe("Huawei shipped chips".length);
    expect(hasLostCitation("Huawei shipped chips [3].")).toBe(false);
  });

  it("does not flag sentences that end normally, or an emoji before the period", () => {
    expect(hasLostCitation("Alibaba, Tencent, and DeepSeek lead this approach.")).toBe(false);
    expect(hasLostCitation("Both China and Western governments increasingly regulate AI 🛡️.")).toBe(false);
  });

  it("points at where the citation stood", () => {
    const sentence = "China still relies on foreign chips for high-end training .";
    expect(lostCitationIndex(sentence)).toBe(sentence.length - 2);
    expect(lostCitationIndex("Nothing lost here.")).toBeNull();
  });
});
