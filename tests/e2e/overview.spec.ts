// The Overview and a sector's page: figures and charts as the database holds them, every bar leading to exactly the
// claims it counts. Each test makes a sector of its own and looks at the Overview filtered to it, so its numbers are
// its own claims' whatever the tests beside it add.
import { expect, type Page } from "@playwright/test";
import { formatPercent } from "@/lib/format";
import type { Prisma } from "@/lib/prisma-client";
import { makeDocument, makeEntity, makeSector, makeSource } from "@/prisma/factories";
import { test } from "./support/fixtures";

/**
 * A sector with four claims in a document of their own: two name both entities or one, two lost their citation and
 * have no source, one has a source.
 */
async function sectorWithClaims(db: Prisma) {
  const sector = await makeSector(db);
  const [first, second] = await Promise.all([makeEntity(db), makeEntity(db)]);
  const source = await makeSource(db);
  const { document, claims } = await makeDocument(db, {
    sections: [
      {
        claims: [
          { kind: "STATISTIC", citationMissing: true, sectors: [sector], entities: [first!, second!] },
          { kind: "EVENT", sectors: [sector], entities: [first!], sources: [source] },
          { kind: "STATISTIC", citationMissing: true, sectors: [sector], entities: [second!] },
          { kind: "FORECAST", sectors: [sector] },
        ],
      },
    ],
  });
  return { sector, entities: [first!, second!], document, claims, lost: 2 };
}

function figure(page: Page, label: string) {
  return page.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
}

/** The table's "12 of 4,310 claims match" line and its rows: exactly the claims a chart's number counts. */
async function expectTableTotal(page: Page, total: number) {
  await expect(page.locator("#claims-summary")).toHaveText(
    new RegExp(`^${total} of [\\d,]+ claims? ${total === 1 ? "matches" : "match"}`),
  );
  await expect(page.getByRole("table").getByRole("rowheader")).toHaveCount(total);
}

test("the Overview shows a sector's figures, as the database holds them", async ({ page, db }, testInfo) => {
  const { sector, claims } = await sectorWithClaims(db);
  const missing = claims.filter((claim) => claim.citationMissing).length;

  await page.goto(`/?sector=${sector.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(figure(page, "Claims")).toHaveText(String(claims.length));
  await expect(figure(page, "Lost citation")).toHaveText(formatPercent(missing / claims.length));
  const figures = page.getByRole("region", { name: "Headline figures" });
  await expect(figures.getByRole("link", { name: `${missing} claims` })).toHaveAttribute(
    "href",
    `/claims?sector=${sector.slug}&citation_missing=yes`,
  );
  await expect(figures).toContainText("name 2 entities and come from 1 document");
  // Every chart has arrived and drawn its bars.
  for (const title of ["Claims by sector", "Claims by section", "Most-named entities", "Claims by kind"]) {
    await expect(
      page
        .getByRole("figure", { name: new RegExp(`^${title}`) })
        .locator("a")
        .first(),
    ).toBeVisible();
  }
  await expect(
    page.getByRole("region", { name: "Entities named together" }).getByRole("table"),
  ).toBeVisible();

  await testInfo.attach("overview-light", {
    body: await page.screenshot({ fullPage: true }),
    contentType: "image/png",
  });
});

test("clicking a bar opens the claims table filtered to exactly the claims it counts", async ({
  page,
  db,
}) => {
  const { sector, lost } = await sectorWithClaims(db);

  await page.goto(`/?sector=${sector.slug}`);
  const bar = page
    .getByRole("figure", { name: "Claims by sector, by sourcing" })
    .getByRole("link", { name: `${sector.name}, Citation lost: ${lost} claims` });
  await bar.click();
  await expect(page).toHaveURL(
    new RegExp(`/claims\\?sector=${sector.slug}&citation_missing=yes&has_sources=no$`),
  );
  await expectTableTotal(page, lost);
});

test("show as table lists the same numbers as links, and bars are reachable from the keyboard", async ({
  page,
  db,
}) => {
  const { sector, document, claims } = await sectorWithClaims(db);
  // Filtered to the test's document: the sector chart leaves out its own filter, and would show every sector.
  await page.goto(`/?document=${document.id}`);
  const card = page.getByRole("region", { name: "Claims by sector" });
  await expect(card.getByRole("figure").locator("a").first()).toBeVisible();
  await card.getByRole("button", { name: "Show as table" }).click();
  await expect(card.getByRole("button", { name: "Show as table" })).toHaveAttribute("aria-pressed", "true");
  const row = card.getByRole("row", { name: new RegExp(`^${sector.name}`) });
  await expect(row.getByRole("cell").last()).toHaveText(String(claims.length));
  await expect(row.getByRole("link", { name: sector.name })).toHaveAttribute(
    "href",
    `/sectors/${sector.slug}`,
  );

  // Back to the chart; from its toggle, Tab lands on the first bar, and Enter follows it.
  await card.getByRole("button", { name: "Show as table" }).click();
  await expect(card.getByRole("figure").locator("a").first()).toBeVisible();
  await card.getByRole("button", { name: "Show as table" }).focus();
  await page.keyboard.press("Tab");
  const focused = page.locator(":focus");
  const barUrl = new RegExp(
    `/claims\\?(?=.*\\bsector=${sector.slug}\\b)(?=.*\\bdocument=${document.id}\\b).*has_sources=yes$`,
  );
  await expect(focused).toHaveAttribute("href", barUrl);
  const name = (await focused.getAttribute("aria-label"))!;
  const value = Number(/: (\d+) claims?$/.exec(name)![1]);
  expect(value).toBe(claims.filter((claim) => claim.sourceCount > 0).length);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(barUrl);
  await expectTableTotal(page, value);
});

test("the charts follow the claims table's filters, and their bars keep them", async ({ page, db }) => {
  const { sector, claims } = await sectorWithClaims(db);
  await page.goto(`/?sector=${sector.slug}`);
  await expect(figure(page, "Claims")).toHaveText(String(claims.length));
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText(sector.name);
  // A most-named entity's bar keeps the sector filter and adds the entity.
  const entities = page.getByRole("figure", { name: "Most-named entities" });
  const first = entities.locator("a").first();
  await expect(first).toBeVisible();
  const [, entityName, value] = /^(.+): (\d+) claims?$/.exec((await first.getAttribute("aria-label"))!)!;
  await first.click();
  await expect(page).toHaveURL(new RegExp(`/claims\\?sector=${sector.slug}&entity=[a-z0-9-]+$`));
  await expectTableTotal(page, Number(value));
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText(entityName!);
});

test("a filter that matches nothing says what to change, and nonsense parameters fall back to defaults", async ({
  page,
  db,
}) => {
  const { sector, claims } = await sectorWithClaims(db);
  const elsewhere = await makeEntity(db);
  await page.goto(`/?sector=${sector.slug}&entity=${elsewhere.slug}`);
  await expect(page.getByRole("heading", { name: "No claims match" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Citation coverage by section" })).toContainText(
    "Remove a filter",
  );

  // Parameters that make no sense fall back to the defaults rather than failing; the one that does is kept.
  await page.goto(`/?sector=${sector.slug}&kind=NOPE&updated_week=2026-02-31&page=-1`);
  await expect(figure(page, "Claims")).toHaveText(String(claims.length));
});

test("a sector's page charts its claims", async ({ page, db }) => {
  const { sector, claims } = await sectorWithClaims(db);
  await page.goto(`/sectors/${sector.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: sector.name })).toBeVisible();
  await expect(page).toHaveTitle(`${sector.name} · ClaimDesk`);
  await expect(page.getByRole("link", { name: `${claims.length} claims in this sector` })).toHaveAttribute(
    "href",
    `/claims?sector=${sector.slug}`,
  );
  const verdicts = page.getByRole("figure", { name: "Claims by verdict" });
  await expect(
    verdicts.getByRole("link", { name: `No verdict yet: ${claims.length} claims` }),
  ).toHaveAttribute("href", `/claims?sector=${sector.slug}&verdict=none`);
  await expect(
    page.getByRole("figure", { name: "Entities in this sector" }).locator("a").first(),
  ).toBeVisible();

  expect((await page.goto("/sectors/no-such-sector"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Sector not found" })).toBeVisible();
});

test("the theme toggle switches to dark mode and remembers it", async ({ page, db }, testInfo) => {
  const { sector } = await sectorWithClaims(db);
  await page.goto(`/?sector=${sector.slug}`);
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect(page.getByRole("button", { name: "Switch to light theme" })).toBeVisible();
  await expect(
    page.getByRole("figure", { name: "Claims by sector, by sourcing" }).locator("a").first(),
  ).toBeVisible();
  await testInfo.attach("overview-dark", {
    body: await page.screenshot({ fullPage: true }),
    contentType: "image/png",
  });
});

test("on a phone the charts fit the screen, and the menu button opens the navigation", async ({
  page,
  db,
}) => {
  const { sector, document: ownDocument } = await sectorWithClaims(db);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/?sector=${sector.slug}`);
  await expect(
    page.getByRole("figure", { name: "Claims by sector, by sourcing" }).locator("a").first(),
  ).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Documents" }).click();
  await expect(page).toHaveURL(/\/documents$/);
  await expect(page.getByRole("row", { name: new RegExp(ownDocument.title) })).toBeVisible();
});
