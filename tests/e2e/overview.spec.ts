import { expect, test, type Page } from "@playwright/test";
import { withPgClient } from "../helpers/db";

async function count(sql: string): Promise<number> {
  return withPgClient(async (client) => Number((await client.query<{ n: string }>(sql)).rows[0]!.n));
}

function figure(page: Page, label: string) {
  return page.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
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
  await expect(figure(page, "Entities")).toHaveText(
    String(await count(`SELECT count(*) AS n FROM "Entity"`)),
  );
  await expect(figure(page, "Sources")).toHaveText(String(await count(`SELECT count(*) AS n FROM "Source"`)));
  await expect(figure(page, "Documents")).toHaveText("1");
  await expect(figure(page, "Missing citation")).toHaveText(String(missing));

  const perSector = await withPgClient(
    async (client) =>
      (
        await client.query<{ name: string; n: string }>(
          `SELECT s.name, count(cs."claimId") AS n FROM "Sector" s LEFT JOIN "ClaimSector" cs ON cs."sectorId" = s.id
         GROUP BY s.id ORDER BY s.position`,
        )
      ).rows,
  );
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const list = page.getByRole("list", { name: "Claims per sector" });
  await expect(list.getByRole("listitem")).toHaveText(
    perSector.map(({ name, n }) => new RegExp(`^${escape(name)}\\s*${n}\\s*claims?$`)),
  );

  await testInfo.attach("overview-light", {
    body: await page.screenshot({ fullPage: true }),
    contentType: "image/png",
  });
});

test("the theme toggle switches to dark mode and remembers it", async ({ page }, testInfo) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect(page.getByRole("button", { name: "Switch to light theme" })).toBeVisible();
  await testInfo.attach("overview-dark", {
    body: await page.screenshot({ fullPage: true }),
    contentType: "image/png",
  });
});

test("on a phone the menu button opens the navigation, and Documents lists the report", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Documents" }).click();
  await expect(page).toHaveURL(/\/documents$/);
  await expect(page.getByRole("row", { name: /How China’s AI ecosystem is accelerating/ })).toBeVisible();
});
