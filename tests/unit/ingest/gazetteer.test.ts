import { describe, expect, it } from "vitest";
import { Gazetteer } from "@/lib/ingest/gazetteer";

const gazetteer = new Gazetteer([
  { slug: "huawei", name: "Huawei", kind: "COMPANY", aliases: ["华为"] },
  { slug: "deepseek", name: "DeepSeek", kind: "COMPANY", aliases: ["深度求索"] },
  { slug: "deepseek-v3", name: "DeepSeek V3", kind: "MODEL", aliases: ["DeepSeek-V3"] },
  { slug: "moonshot-ai", name: "Moonshot AI", kind: "COMPANY", aliases: ["Moonshot", "月之暗面"] },
  { slug: "ascend-910b", name: "Ascend 910B", kind: "CHIP", aliases: ["Ascend 910B/C"] },
  { slug: "ascend-910c", name: "Ascend 910C", kind: "CHIP", aliases: ["Ascend 910B/C"] },
  { slug: "united-states", name: "United States", kind: "PLACE", aliases: ["U.S.", "US"] },
  { slug: "nvidia", name: "Nvidia", kind: "COMPANY", aliases: ["英伟达"] },
  { slug: "kai-fu-lee", name: "Kai-Fu Lee", kind: "PERSON", aliases: ["李开复"] },
  { slug: "01-ai", name: "01.AI", kind: "COMPANY", aliases: ["零一万物"] },
]);

const found = (text: string) => gazetteer.findMentions(text).map((m) => [m.surface, m.slugs.join("+")]);

describe("Gazetteer.findMentions", () => {
  it("finds canonical names through possessives and hyphenated compounds", () => {
    expect(found("Huawei’s chips, Post-DeepSeek markets and Kai-Fu Lee-led 01.AI")).toEqual([
      ["Huawei", "huawei"],
      ["DeepSeek", "deepseek"],
      ["Kai-Fu Lee", "kai-fu-lee"],
      ["01.AI", "01-ai"],
    ]);
  });

  it("prefers the longest name where names overlap", () => {
    expect(found("DeepSeek V3 and Moonshot AI, then Moonshot’s Kimi")).toEqual([
      ["DeepSeek V3", "deepseek-v3"],
      ["Moonshot AI", "moonshot-ai"],
      ["Moonshot", "moonshot-ai"],
    ]);
  });

  it("finds Chinese names inside unspaced Chinese text", () => {
    expect(found("华为和深度求索都在与英伟达竞争，月之暗面也是")).toEqual([
      ["华为", "huawei"],
      ["深度求索", "deepseek"],
      ["英伟达", "nvidia"],
      ["月之暗面", "moonshot-ai"],
    ]);
  });

  it("matches long names in any case but short capitals only as written", () => {
    expect(found("NVIDIA and nvidia help us in the US and the U.S.")).toEqual([
      ["NVIDIA", "nvidia"],
      ["nvidia", "nvidia"],
      ["US", "united-states"],
      ["U.S.", "united-states"],
    ]);
  });

  it("links one surface to every entity it names", () => {
    expect(found("sell Ascend 910B/C AI chips")).toEqual([["Ascend 910B/C", "ascend-910b+ascend-910c"]]);
  });

  it("does not find a name inside a longer word", () => {
    expect(found("Huaweiesque DeepSeeking USB")).toEqual([]);
  });

  it("finds names whose first letter is outside ASCII and Han, in every case that matching ignores", () => {
    const more = new Gazetteer([
      { slug: "oekern", name: "Økern Robotics", kind: "COMPANY", aliases: [] },
      { slug: "starlake", name: "Starlake", kind: "COMPANY", aliases: [] },
    ]);
    const text = "ØKERN ROBOTICS, økern robotics, ſtarlake (a long s) and STARLAKE";
    expect(more.findMentions(text).map((m) => [m.surface, m.slugs.join("+")])).toEqual([
      ["ØKERN ROBOTICS", "oekern"],
      ["økern robotics", "oekern"],
      ["ſtarlake", "starlake"],
      ["STARLAKE", "starlake"],
    ]);
  });

  it("returns document offsets when given the sentence's offset", () => {
    const [mention] = gazetteer.findMentions("xx Huawei", 50);
    expect(mention).toMatchObject({ start: 53, end: 59 });
  });
});
