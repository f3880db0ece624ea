import { describe, expect, it } from "vitest";
import {
  LIST_ENTRY,
  classifyKind,
  notCheckableReason,
  splitClaimSpans,
  subjectSlugs,
} from "@/lib/ingest/claims";
import type { Mention } from "@/lib/ingest/gazetteer";

const nothing = {
  names: 0,
  places: 0,
  quantities: 0,
  dates: 0,
  lostCitation: false,
  cited: false,
  listItem: false,
};

describe("notCheckableReason", () => {
  it("rejects rhetoric with nothing to check", () => {
    expect(
      notCheckableReason(
        "China’s rapidly evolving AI landscape is no longer just reactionary—it’s preemptive.",
        {
          ...nothing,
          places: 1,
        },
      ),
    ).toMatch(/rhetoric/);
    expect(notCheckableReason("Not everyone is convinced.", nothing)).toMatch(/rhetoric/);
  });

  it("rejects sentences about the document itself, whatever they name", () => {
    expect(
      notCheckableReason("This article dives deep into China’s AI rise.", { ...nothing, names: 1 }),
    ).toMatch(/document itself/);
    expect(
      notCheckableReason("Comments on this draft go to the ministry by 10 May.", { ...nothing, dates: 1 }),
    ).toMatch(/document itself/);
  });

  it("rejects questions, page furniture, note entries and lines without a full stop, each with its reason", () => {
    expect(
      notCheckableReason("Will Huawei ship the Ascend 960 in 2027?", { ...nothing, names: 2, dates: 1 }),
    ).toMatch(/question/);
    expect(notCheckableReason("Q: Tell us about Huawei.", { ...nothing, names: 1 })).toMatch(/question/);
    expect(notCheckableReason("© 2025 Example Media Group.", { ...nothing, names: 1, dates: 1 })).toMatch(
      /furniture/,
    );
    expect(notCheckableReason("[4] Caixin, 9 October 2024.", { ...nothing, names: 1, dates: 1 })).toMatch(
      /notes/,
    );
    expect(
      notCheckableReason("Huawei's Growing Role in China's AI Industry", { ...nothing, names: 1 }),
    ).toMatch(/no full stop/);
  });

  it("leaves out a list entry without a verb, such as a name and title", () => {
    expect(
      notCheckableReason("Omar Haddad, Deputy Minister of Digital Economy", {
        ...nothing,
        names: 2,
        listItem: true,
      }),
    ).toBe(LIST_ENTRY);
  });

  it("takes a list item without a full stop", () => {
    expect(
      notCheckableReason("Huawei shipped 700,000 Ascend chips", {
        ...nothing,
        names: 1,
        quantities: 1,
        listItem: true,
      }),
    ).toBeNull();
  });

  it("accepts a sentence naming any actor, known or not, or giving a figure, a source or a lost citation", () => {
    for (const anchor of ["names", "quantities"] as const) {
      expect(notCheckableReason("Something happened.", { ...nothing, [anchor]: 1 })).toBeNull();
    }
    expect(notCheckableReason("Something happened .", { ...nothing, lostCitation: true })).toBeNull();
    expect(notCheckableReason("Something happened.", { ...nothing, cited: true })).toBeNull();
    expect(notCheckableReason("Officials said the plan had stalled.", nothing)).toBeNull();
  });

  it("accepts a place with an event, a comparison or a plan, but not a place alone", () => {
    expect(notCheckableReason("China banned the exports.", { ...nothing, places: 1 })).toBeNull();
    expect(notCheckableReason("China spends more than Japan does.", { ...nothing, places: 2 })).toBeNull();
    expect(
      notCheckableReason("China’s AI community is producing world-class talent.", { ...nothing, places: 1 }),
    ).toMatch(/rhetoric/);
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
    ["Within days, ByteDance, Tencent and Alibaba reopened talks with Huawei", false, "EVENT"],
    ["The U.S. Commerce Department barred the sale of the H20", false, "EVENT"],
    ["Analysts at Bernstein estimate that Huawei ships Ascend chips", false, "ATTRIBUTION"],
    ["The company said Kimi K2 beat DeepSeek V3 on coding benchmarks", false, "ATTRIBUTION"],
    ["The Ministry will publish a list of providers each year.", false, "FORECAST"],
    ["“We want Kimi to be the model that agents are built on,” Yang told reporters.", false, "QUOTE"],
    ["China’s “East Data, West Computing” project designated national hubs", false, "EVENT"],
    ["China still relies on foreign chips for high-end training .", false, "ASSESSMENT"],
    ["China is asserting itself as a major driver of AI development.", false, "ASSESSMENT"],
    ["The report notes that Huawei's yields remain low.", false, "ATTRIBUTION"],
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
