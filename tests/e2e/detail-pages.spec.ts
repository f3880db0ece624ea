// The detail pages as a reviewer walks them: the reader with its claims in place, a claim's own page, the
// not-found page for bad addresses, entity search (Chinese names included) and an entity's profile.
// Each test makes the records it opens, so the tests run in parallel.
import { formatNumber } from "@/lib/format";
import type { Prisma } from "@/lib/prisma-client";
import { makeClaim, makeDocument, makeEntity, makeSector, makeSource, uniqueTag } from "@/prisma/factories";
import { expect, test } from "./support/fixtures";

/** A claim that names two entities, stands in a sector and lost its citation, in a document of its own. */
async function chipsClaim(db: Prisma) {
  const tag = uniqueTag();
  const [maker, chip] = await Promise.all([
    makeEntity(db, { name: `Hexa${tag}` }),
    makeEntity(db, { name: `Orion${tag}`, kind: "CHIP" }),
  ]);
  const sector = await makeSector(db);
  const made = await makeDocument(db, {
    sections: [
      {
        heading: `1. Chips ${tag}`,
        claims: [
          { text: `Chip exports grew in ${tag}.` },
          {
            text: `Hexa${tag}'s push to sell Orion${tag} chips abroad challenges market dominance .`,
            citationMissing: true,
            sectors: [sector],
            entities: [maker, { entity: chip, role: "MENTIONED" }],
          },
        ],
      },
      { heading: `2. Outlook ${tag}`, claims: [{ text: `Demand will rise in ${tag}.`, kind: "FORECAST" }] },
    ],
  });
  return { ...made, claim: made.claims[1]!, maker, chip, sector };
}

test("the reader marks every claim in place, and a claim opens its own page", async ({ page, db }) => {
  const { document, sections, claims, claim } = await chipsClaim(db);

  await page.goto("/documents");
  await page.getByRole("link", { name: document.title }).click();
  await expect(page).toHaveURL(new RegExp(`/documents/${document.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(document.title);
  await expect(page).toHaveTitle(new RegExp(`^${document.title}.* · ClaimDesk$`));
  for (const section of sections)
    await expect(page.getByRole("heading", { level: 2, name: section.heading })).toBeVisible();

  const marked = page.locator('article a[id^="claim-"]');
  await expect(marked).toHaveCount(claims.length);
  const link = page.locator(`#claim-${claim.id}`);
  await expect(link).toHaveAttribute("href", `/claims/${claim.id}`);
  await expect(link).toContainText(claim.text.slice(0, 30));
  await expect(link).toContainText("citation lost");

  await link.click();
  await expect(page).toHaveURL(new RegExp(`/claims/${claim.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(claim.text.replace(/ \.$/, ""));
});

test("a claim page links the entities it names and marks its lost citation", async ({ page, db }) => {
  const { claim, maker, chip, sector } = await chipsClaim(db);

  await page.goto(`/claims/${claim.id}`);
  const quote = page.getByRole("heading", { level: 1 });
  await expect(quote.getByRole("link", { name: maker.name, exact: true })).toHaveAttribute(
    "href",
    `/entities/${maker.id}`,
  );
  await expect(quote.getByRole("link", { name: chip.name, exact: true })).toHaveAttribute(
    "href",
    `/entities/${chip.id}`,
  );

  const marker = quote.getByRole("button", { name: "citation lost" });
  await expect(marker).toBeVisible();
  // The explanation is the marker's description; it stays out of the heading's name.
  const tooltip = page.locator('[role="tooltip"]');
  await expect(quote).toHaveAccessibleName(/dominance citation lost \.$/);
  await expect(tooltip).toBeHidden();
  await marker.hover();
  await expect(tooltip).toBeVisible();
  await page.mouse.move(0, 0);
  await expect(tooltip).toBeHidden();
  await marker.focus();
  await expect(tooltip).toHaveText("The document cited a source here, but the citation was stripped.");
  await expect(marker).toHaveAccessibleDescription(
    "The document cited a source here, but the citation was stripped.",
  );

  await expect(page.getByRole("region", { name: "Review" })).toContainText(
    "Sign in to see the review thread",
  );
  await expect(page.getByText("Not yet reviewed").first()).toBeVisible();
  await expect(page.getByRole("link", { name: sector.name })).toHaveAttribute(
    "href",
    `/sectors/${sector.slug}`,
  );
  const firstWords = claim.text.split(" ").slice(0, 8).join(" ");
  await expect(page).toHaveTitle(`${firstWords}… · ClaimDesk`);

  // "Read it in place" lands on the claim in the reader, which the :target style singles out.
  await page.getByRole("link", { name: "Read it in place" }).click();
  await expect(page).toHaveURL(new RegExp(`/documents/${claim.documentId}#claim-${claim.id}$`));
  await expect(page.locator(":target")).toHaveAttribute("id", `claim-${claim.id}`);
  await expect(page.locator(`#claim-${claim.id}`)).toBeInViewport();
});

test("a claim's figure, date and cited source read as people write them", async ({ page, db }) => {
  const tag = uniqueTag();
  const source = await makeSource(db, { title: `Index ${tag}`, url: `https://example.org/index-${tag}` });
  const claim = await makeClaim(db, {
    text: `About 83% of labs used the index in 2025.`,
    quantities: [{ value: 83, unit: "percent", qualifier: "about", measure: "labs", surface: "About 83%" }],
    asOf: { date: new Date("2025-01-01T00:00:00Z"), precision: "YEAR" },
    sources: [source],
  });
  await page.goto(`/claims/${claim.id}`);
  await expect(page.getByText("About 83%").last()).toBeVisible();
  await expect(page.getByRole("time").filter({ hasText: /^2025$/ })).toBeVisible();
  const sources = page.getByRole("region", { name: "Sources" });
  await expect(sources.getByRole("link", { name: source.title })).toBeVisible();
  await expect(sources).toContainText("Cited in text");
  await expect(sources).toContainText("Not yet rated");
  const external = sources.getByRole("link", { name: /example\.org/ });
  await expect(external).toHaveAttribute("href", source.url!);
  await expect(external).toHaveAttribute("target", "_blank");
  await expect(external).toHaveAttribute("rel", "noopener noreferrer");
});

for (const path of ["/claims/abc", "/claims/-1", "/claims/99999999999999", "/claims/2147483647"]) {
  test(`${path} answers 404 with the claim not-found page`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page).toHaveTitle("Claim not found · ClaimDesk");
    await expect(page.getByRole("heading", { level: 1, name: "Claim not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Browse all claims" })).toHaveAttribute("href", "/claims");
  });
}

test("other unknown records answer 404 with their own not-found page", async ({ page }) => {
  for (const [path, heading] of [
    ["/entities/abc", "Entity not found"],
    ["/sources/0", "Source not found"],
    ["/documents/99999", "Document not found"],
  ]) {
    expect((await page.goto(path!))?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }
});

test("entity search finds an entity by its Chinese name and by a typo", async ({ page, db }) => {
  const tag = uniqueTag();
  const entity = await makeEntity(db, { name: `Moonriver ${tag}`, aliases: [[`明水${tag}`, "zh"]] });
  await page.goto(`/entities?q=${encodeURIComponent(`明水${tag}`)}`);
  const table = page.getByRole("table");
  await expect(table.getByRole("rowheader")).toHaveCount(1);
  await expect(table.getByRole("link", { name: entity.name, exact: true })).toBeVisible();
  await expect(
    table.locator('[lang="zh"]:visible').filter({ hasText: new RegExp(`^明水${tag}$`) }),
  ).toHaveCount(1);

  // The plain form submits without any client code.
  await page.getByRole("searchbox", { name: "Name or alias" }).fill(`Monoriver ${tag}`);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`/entities\\?q=Monoriver\\+${tag}(&kind=)?$`));
  await expect(table.getByRole("rowheader").first()).toHaveText(new RegExp(`^${entity.name}`));

  // Nonsense parameters fall back to the first page of every entity, however many the other tests have made.
  const atLeast = await db.entity.count();
  await page.goto("/entities?kind=NOPE&page=abc");
  const range = page.getByText(/^1–[\d,]+ of [\d,]+ entities$/);
  await expect(range).toBeVisible();
  const [, last, total] = /^1–([\d,]+) of ([\d,]+)/.exec((await range.textContent())!)!;
  const [shown, all] = [last!, total!].map((n) => Number(n.replace(/,/g, "")));
  expect(all).toBeGreaterThanOrEqual(atLeast);
  expect(shown).toBe(Math.min(all!, 25));
  await expect(range).toHaveText(`1–${formatNumber(shown!)} of ${formatNumber(all!)} entities`);
  await expect(table.getByRole("rowheader")).toHaveCount(shown!);
});

test("an entity profile lists the claims that name it and the entities named with it", async ({
  page,
  db,
}) => {
  const tag = uniqueTag();
  const entity = await makeEntity(db, { name: `Deepwell ${tag}`, aliases: [[`深井${tag}`, "zh"]] });
  const partner = await makeEntity(db);
  const { claims } = await makeDocument(db, {
    sections: [
      {
        claims: [
          { text: `Deepwell ${tag} released a model.`, entities: [entity] },
          { text: `Deepwell ${tag} and a partner trained it.`, entities: [entity, partner] },
          { text: `Costs fell for Deepwell ${tag}.`, entities: [{ entity, role: "MENTIONED" }] },
        ],
      },
    ],
  });
  await page.goto(`/entities?q=${encodeURIComponent(entity.name)}`);
  await page.getByRole("rowheader").getByRole("link", { name: entity.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: entity.name })).toBeVisible();
  await expect(page).toHaveTitle(`${entity.name} · ClaimDesk`);

  const list = page.getByRole("list", { name: `Claims naming ${entity.name}` });
  await expect(list.getByRole("listitem")).toHaveCount(claims.length);
  await expect(page.getByRole("link", { name: "See all in the claims table" })).toHaveAttribute(
    "href",
    `/claims?entity=${entity.slug}`,
  );
  await expect(page.getByRole("region", { name: "Also known as" }).locator('[lang="zh"]')).toHaveText(
    `深井${tag}`,
  );
  await expect(page.getByRole("region", { name: "Named alongside" }).getByRole("listitem")).toHaveText([
    new RegExp(partner.name),
  ]);

  await list.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/claims\/\d+$/);
  await expect(
    page.getByRole("heading", { level: 1 }).getByRole("link", { name: entity.name }).first(),
  ).toBeVisible();
});

test("pages read well on a phone", async ({ page, db }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { claim } = await chipsClaim(db);
  for (const path of [`/claims/${claim.id}`, `/documents/${claim.documentId}`, "/entities", "/sources"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
});
