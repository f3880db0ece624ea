import { describe, expect, it } from "vitest";
import {
  claimTitle,
  formatQuantity,
  formatScaled,
} from "@/app/(dashboard)/claims/[id]/_components/claim-format";
import { asOfIso, formatAsOf } from "@/lib/format";

describe("claim figures", () => {
  it("reads money, shares and scale words as the document writes them", () => {
    expect(formatQuantity({ value: 8e9, unit: "USD", qualifier: "over" })).toBe("Over $8 billion");
    expect(formatQuantity({ value: 83, unit: "percent", qualifier: "about" })).toBe("About 83%");
    expect(formatQuantity({ value: 1e12, unit: "parameters", qualifier: "exact" })).toBe(
      "1 trillion parameters",
    );
    expect(formatQuantity({ value: 2.5e9, unit: "CNY", qualifier: "under" })).toBe("Under CN¥2.5 billion");
    expect(formatQuantity({ value: 1200, unit: "count", qualifier: "exact" })).toBe("1,200");
    expect(formatScaled(1_500_000)).toBe("1.5 million");
    expect(formatScaled(350)).toBe("350");
  });

  it("gives a date no more precision than the claim has, to readers and to machines", () => {
    const date = new Date("2025-03-01T00:00:00Z");
    expect(formatAsOf({ date, precision: "YEAR" })).toBe("2025");
    expect(formatAsOf({ date, precision: "MONTH" })).toBe("March 2025");
    expect(formatAsOf({ date, precision: "DAY" })).toBe("1 Mar 2025");
    expect(asOfIso({ date, precision: "YEAR" })).toBe("2025");
    expect(asOfIso({ date, precision: "MONTH" })).toBe("2025-03");
    expect(asOfIso({ date, precision: "DAY" })).toBe("2025-03-01");
  });

  it("titles a claim by its first words", () => {
    expect(claimTitle("AI Funds: Over $8 billion directed toward promising LLM startups.")).toBe(
      "AI Funds: Over $8 billion directed toward promising…",
    );
    expect(claimTitle("Moonshot AI released Kimi K2")).toBe("Moonshot AI released Kimi K2");
  });
});
