import { expect, test, type Page } from "@playwright/test";
import { withPgClient } from "../helpers/db";

async function count(sql: string, params: unknown[] = []): Promise<number> {
  return withPgClient(async (client) => Number((await client.query<{ n: string }>(sql, params)).rows[0]!.n));
}

/** Claims in a sector, optionally with the lost-citation-and-no-source condition of the "Citation lost" bar. */
const inSector = (slug: string, lost = false) =>
  count(
    `SELECT count(*) AS n FROM "Claim" c JOIN "ClaimSector" cs ON cs."claimId" = c.id JOIN "Sector" s ON s.id = cs."sectorId"
     WHERE s.slug = $1 ${lost ? `AND c."citationMissing" AND NOT EXISTS (SELECT 1 FROM "ClaimSource" x WHERE x."claimId" = c.id)` : ""}`,
    [slug],
  );

function figure(page: Page, label: string) {
  return page.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
}

/** The table's "12 of 43 claims match" line, the row count a chart's number must equal. */
async function expectTableTotal(page: Page, total: number, of: number) {
  await expect(page.locator("#claims-summary")).toContainText(
    total === of ? `${of} claims` : `${total} of ${of} claims ${total === 1 ? "matches" : "match"}`,
  );
}

test("the Overview shows the seeded report's figures, as the database holds them", async ({
  page,
}, testInfo) => {
  const claims = await count(`SELECT count(*) AS n FROM "Claim"`);
  const missing = await count(`SELECT count(*) AS n FROM "Claim" WHERE "citationMissing"`);
  expect(claims).toBeGreaterThan(30);

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(figure(page, "Claims")).toHaveText(String(claims));
  await expect(figure(page, "Lost citation")).toHaveText(`${((missing / claims) * 100).toFixed(1)}%`);
  const figures = page.getByRole("region", { name: "Headline figures" });
  await expect(figures.getByRole("link", { name: `${missing} claims` })).toHaveAttribute(
    "href",
    "/claims?citation_missing=yes",
  );
  await expect(figures).toContainText(
    `name ${await count(`SELECT count(DISTINCT "entityId") AS n FROM "ClaimEntity"`)} entities and come from 1 document`,
  );
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

test("clicking a bar opens the claims table filtered to exactly the claims it counts", async ({ page }) => {
  const lost = await inSector("foundation-models", true);
  const all = await count(`SELECT count(*) AS n FROM "Claim"`);
  expect(lost).toBeGreaterThan(0);

  await page.goto("/");
  const bar = page
    .getByRole("figure", { name: "Claims by sector, by sourcing" })
    .getByRole("link", { name: `Foundation models, Citation lost: ${lost} claims` });
  await bar.click();
  await expect(page).toHaveURL(/\/claims\?sector=foundation-models&citation_missing=yes&has_sources=no$/);
  await expectTableTotal(page, lost, all);
});

test("show as table lists the same numbers as links, and bars are reachable from the keyboard", async ({
  page,
}) => {
  const all = await count(`SELECT count(*) AS n FROM "Claim"`);
  const chips = await inSector("hardware-chips");
  await page.goto("/");
  const card = page.getByRole("region", { name: "Claims by sector" });
  await expect(card.getByRole("figure").locator("a").first()).toBeVisible();
  await card.getByRole("button", { name: "Show as table" }).click();
  await expect(card.getByRole("button", { name: "Show as table" })).toHaveAttribute("aria-pressed", "true");
  const row = card.getByRole("row", { name: /^Hardware & chips/ });
  await expect(row.getByRole("cell").last()).toHaveText(String(chips));
  await expect(row.getByRole("link", { name: "Hardware & chips" })).toHaveAttribute(
    "href",
    "/sectors/hardware-chips",
  );

  // Back to the chart; from its toggle, Tab lands on the first bar, and Enter follows it.
  await card.getByRole("button", { name: "Show as table" }).click();
  await expect(card.getByRole("figure").locator("a").first()).toBeVisible();
  await card.getByRole("button", { name: "Show as table" }).focus();
  await page.keyboard.press("Tab");
  const focused = page.locator(":focus");
  await expect(focused).toHaveAttribute("href", /^\/claims\?sector=[a-z-]+&has_sources=yes$/);
  const name = (await focused.getAttribute("aria-label"))!;
  const value = Number(/: (\d+) claims?$/.exec(name)![1]);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/claims\?sector=[a-z-]+&has_sources=yes$/);
  await expectTableTotal(page, value, all);
});

test("the charts follow the claims table's filters, and their bars keep them", async ({ page }) => {
  const chips = await inSector("hardware-chips");
  await page.goto("/?sector=hardware-chips");
  await expect(figure(page, "Claims")).toHaveText(String(chips));
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText("Hardware & chips");
  // A most-named entity's bar keeps the sector filter and adds the entity.
  const entities = page.getByRole("figure", { name: "Most-named entities" });
  const first = entities.locator("a").first();
  await expect(first).toBeVisible();
  const [, entityName, value] = /^(.+): (\d+) claims?$/.exec((await first.getAttribute("aria-label"))!)!;
  await first.click();
  await expect(page).toHaveURL(/\/claims\?sector=hardware-chips&entity=[a-z0-9-]+$/);
  await expectTableTotal(page, Number(value), await count(`SELECT count(*) AS n FROM "Claim"`));
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText(entityName!);
});

test("a filter that matches nothing says what to change, and nonsense parameters fall back to defaults", async ({
  page,
}) => {
  await page.goto("/?sector=healthcare&entity=kimi-k2");
  await expect(page.getByRole("heading", { name: "No claims match" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Citation coverage by section" })).toContainText(
    "Remove a filter",
  );

  // Parameters that make no sense fall back to the defaults rather than failing.
  await page.goto("/?sector=Bad%20Slug!&kind=NOPE&updated_week=2026-02-31&page=-1");
  await expect(figure(page, "Claims")).toHaveText(String(await count(`SELECT count(*) AS n FROM "Claim"`)));
});

test("a sector's page charts its claims, and the claim page links to it", async ({ page }) => {
  const chips = await inSector("hardware-chips");
  await page.goto("/sectors/hardware-chips");
  await expect(page.getByRole("heading", { level: 1, name: "Hardware & chips" })).toBeVisible();
  await expect(page).toHaveTitle("Hardware & chips · ClaimDesk");
  await expect(page.getByRole("link", { name: `${chips} claims in this sector` })).toHaveAttribute(
    "href",
    "/claims?sector=hardware-chips",
  );
  const verdicts = page.getByRole("figure", { name: "Claims by verdict" });
  await expect(verdicts.getByRole("link", { name: `No verdict yet: ${chips} claims` })).toHaveAttribute(
    "href",
    "/claims?sector=hardware-chips&verdict=none",
  );
  await expect(
    page.getByRole("figure", { name: "Entities in this sector" }).locator("a").first(),
  ).toBeVisible();

  expect((await page.goto("/sectors/no-such-sector"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Sector not found" })).toBeVisible();
});

test("the theme toggle switches to dark mode and remembers it", async ({ page }, testInfo) => {
  await page.goto("/");
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

test("on a phone the charts fit the screen, and the menu button opens the navigation", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
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
  await expect(page.getByRole("row", { name: /How China’s AI ecosystem is accelerating/ })).toBeVisible();
});
