import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPlainText } from "@/lib/ingest/formats/plain-text";
import { importDocument } from "@/lib/ingest/import-document";
import { publishDraft } from "@/lib/ingest/publish-document";
import type { Prisma } from "@/lib/prisma-client";
import { loadCatalog } from "@/prisma/seed";
import { freshSeededDatabase } from "@/tests/helpers/seeded-database";

let prisma: Prisma;
beforeAll(async () => {
  prisma = await freshSeededDatabase();
});
afterAll(async () => {
  await prisma?.$disconnect();
});

/** Imports a plain text and publishes it, as the seed does. */
async function importText(slug: string, fullText: string) {
  const catalog = await loadCatalog();
  const outcome = await importDocument(
    prisma,
    {
      slug,
      title: "Test document",
      publisher: null,
      url: null,
      publishedAt: null,
      document: readPlainText(fullText),
    },
    { sectors: catalog.sectors, sources: catalog.sources },
  );
  await prisma.$transaction((tx) => publishDraft(tx, outcome.documentId));
  return outcome;
}

async function counts() {
  return { documents: await prisma.document.count(), claims: await prisma.claim.count() };
}

describe("importDocument", () => {
  it("imports any later document through the same pipeline, linking catalog entities", async () => {
    const outcome = await importText(
      "follow-up",
      "Follow-up\n1. Chips\nHuawei shipped Ascend 910C chips to Saudi Arabia in 2025 .",
    );
    expect(outcome).toMatchObject({ status: "imported", claims: 1 });
    const claim = await prisma.claim.findFirstOrThrow({
      where: { document: { slug: "follow-up" } },
      include: { entities: { include: { entity: true } } },
    });
    expect(claim).toMatchObject({ citationMissing: true, asOfPrecision: "YEAR" });
    expect(claim.entities.map((e) => e.entity.slug).sort()).toEqual(["ascend-910c", "huawei"]);
  });

  it("stores hostile markup verbatim, as text", async () => {
    const text =
      'Hostile\n1. Payloads\nNvidia said <script>alert("x")</script> and <img src=x onerror=alert(1)> in 2024 .';
    await importText("hostile", text);
    const claim = await prisma.claim.findFirstOrThrow({ where: { document: { slug: "hostile" } } });
    expect(claim.text).toBe(
      'Nvidia said <script>alert("x")</script> and <img src=x onerror=alert(1)> in 2024 .',
    );
  });

  it.each([
    ["an empty text", "   \n  ", /is empty/],
    [
      "control characters",
      "Title\n1. A\nNvidia \u0007rang a bell in 2024 .",
      /control character U\+0007 at position/,
    ],
    ["an oversized text", `Title\n${"Nvidia grew in 2024. ".repeat(100_000)}`, /more than 2000000/],
  ])("refuses %s with a clear error and writes nothing", async (_, text, message) => {
    const before = await counts();
    await expect(importText("rejected", text)).rejects.toThrow(message);
    expect(await counts()).toEqual(before);
  });

  it("refuses a changed text under a slug already taken, keeping the original", async () => {
    const before = await counts();
    await expect(
      importText("follow-up", "Follow-up\n1. Chips\nHuawei shipped more chips in 2026 ."),
    ).rejects.toThrow(/different text is already imported as "follow-up"/);
    expect(await counts()).toEqual(before);
  });
});
