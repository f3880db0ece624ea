import { beforeAll, describe, expect, it } from "vitest";
import type { IngestContext } from "@/lib/ingest/pipeline";
import { ingestText } from "@/lib/ingest/pipeline";
import { similarity } from "@/lib/ingest/proposals";
import { corpusContext } from "@/tests/helpers/corpus";

let context: IngestContext;
beforeAll(async () => {
  context = await corpusContext();
});

const report = [
  "Cloud buyers return to Huawei",
  "",
  "Within days, ByteDance and Tencent Cloud reopened talks with Huawei Technologies Co. about the Ascend 910D.",
  "The Bureau of Industry and Security (BIS) said the Nvidia A100 and H100 need a licence, and BIS added Zhipu AI to its list in January.",
  "President Donald Trump withdrew the rule in May, and Trump said more would follow.",
  "DeepSeek said its V4 model runs on Huawei chips.",
].join("\n");

describe("proposed entities", () => {
  it("proposes the names the catalog does not know, with a kind, gathered across the document", () => {
    const { proposedEntities } = ingestText(report, context);
    const byName = new Map(proposedEntities.map((p) => [p.name, p]));
    expect(byName.get("ByteDance")).toMatchObject({ kind: "COMPANY", parent: null });
    expect(byName.get("Bureau of Industry and Security")).toMatchObject({
      kind: "GOVERNMENT_BODY",
      aliases: ["BIS"],
    });
    expect(byName.get("Bureau of Industry and Security")!.mentions).toHaveLength(3);
    expect(byName.get("Donald Trump")).toMatchObject({ kind: "PERSON", aliases: ["Trump"] });
    expect(byName.has("Trump")).toBe(false);
  });

  it("suggests a parent: a unit under its company, a chip beside its family, a model under its maker", () => {
    const { proposedEntities } = ingestText(report, context);
    const byName = new Map(proposedEntities.map((p) => [p.name, p]));
    expect(byName.get("Tencent Cloud")?.parent).toEqual({ slug: "tencent" });
    expect(byName.get("Ascend 910D")).toMatchObject({
      kind: "CHIP",
      parent: { slug: "huawei" },
      siblings: ["ascend-910b", "ascend-910c"],
    });
    expect(byName.get("Nvidia A100")).toMatchObject({ kind: "CHIP", parent: { slug: "nvidia" } });
    expect(byName.get("Nvidia H100")).toMatchObject({
      kind: "CHIP",
      parent: { slug: "nvidia" },
      aliases: ["H100"],
    });
    expect(byName.get("DeepSeek V4")).toMatchObject({
      kind: "MODEL",
      parent: { slug: "deepseek" },
      aliases: ["V4"],
    });
  });

  it("links a variant of a known name to the known entity instead of proposing it", () => {
    const { proposedEntities, claims } = ingestText(report, context);
    expect(proposedEntities.map((p) => p.name)).not.toContain("Huawei Technologies Co");
    const first = claims.find((c) => c.text.startsWith("Within days"))!;
    expect(first.mentions.filter((m) => m.slug === "huawei").map((m) => m.surface)).toContain(
      "Huawei Technologies Co",
    );
    expect(similarity("Hauwei", "Huawei")).toBeLessThan(similarity("Huawei", "Huawei"));
  });

  it("links each claim to the proposals it names", () => {
    const { proposedEntities, claims } = ingestText(report, context);
    const bis = proposedEntities.find((p) => p.name === "Bureau of Industry and Security")!;
    const claim = claims.find((c) => c.text.startsWith("The Bureau"))!;
    expect(claim.proposedMentions.filter((m) => m.key === bis.key).map((m) => m.surface)).toEqual([
      "Bureau of Industry and Security",
      "BIS",
      "BIS",
    ]);
    for (const m of claim.proposedMentions)
      expect([...report].slice(m.startOffset, m.endOffset).join("")).toBe(m.surface);
  });
});
