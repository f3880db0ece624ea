import { describe, expect, it } from "vitest";
import { codePointIndexer, sliceCodePoints } from "@/lib/ingest/offsets";

describe("code-point offsets", () => {
  it("count an emoji as one character, as PostgreSQL does", () => {
    const text = "🏗️ State policy 🇨🇳 chips";
    const toCodePoint = codePointIndexer(text);
    const start = text.indexOf("chips");
    const cpStart = toCodePoint(start);
    expect(sliceCodePoints(text, cpStart, toCodePoint(start + 5))).toBe("chips");
    expect(cpStart).toBeLessThan(start);
    expect(toCodePoint(text.length)).toBe(Array.from(text).length);
  });
});
