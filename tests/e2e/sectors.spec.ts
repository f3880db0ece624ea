// The Sectors index: reached from the main menu, every sector with the claims the database links to it, each row
// leading to the sector's page and to its claims in the table. Counts are read from the database, never written here.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { formatNumber } from "@/lib/format";
import { withPgClient } from "../helpers/db";

type SectorCount = { slug: string; name: string; claims: number };

/** Claims per sector from the link table itself, not from the counts the triggers keep, in display order. */
function claimsPerSector(): Promise<SectorCount[]> {
  return withPgClient(
    async (client) =>
      (
        await client.query<SectorCount>(
          `SELECT s.slug, s.name, count(cs."claimId")::int AS claims
           FROM "Sector" s LEFT JOIN "ClaimSector" cs ON cs."sectorId" = s.id
           GROUP BY s.id ORDER BY s.position, s.id`,
        )
      ).rows,
  );
}

const claimsLinkName = ({ name, claims }: SectorCount) =>
  `${formatNumber(claims)} ${claims === 1 ? "claim" : "claims"} in ${name}`;

test("the menu leads to every sector with its claims, as the database links them", async ({ page }) => {
  // A sector of this test's own, without claims: its row says 0 and offers no link to an empty table.
  const own = { slug: `e2e-${randomUUID().slice(0, 8)}`, name: `Test sector ${randomUUID().slice(0, 8)}` };
  await withPgClient((client) =>
    client.query(
      `INSERT INTO "Sector" (slug, name, description, position)
       SELECT $1, $2, 'Made by the e2e test of the Sectors page.', COALESCE(max(position), 0) + 1 FROM "Sector"`,
      [own.slug, own.name],
    ),
  );
  try {
    const sectors = await claimsPerSector();
    expect(sectors.filter((sector) => sector.claims > 0).length).toBeGreaterThan(1);

    await page.goto("/");
    const menuLink = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sectors" });
    await menuLink.click();
    await expect(page).toHaveURL(/\/sectors$/);
    await expect(menuLink).toHaveAttribute("aria-current", "page");
    await expect(page).toHaveTitle("Sectors · ClaimDesk");
    await expect(page.getByRole("heading", { level: 1, name: "Sectors" })).toBeVisible();

    const table = page.getByRole("table", { name: /^Sectors in display order/ });
    await expect(table.getByRole("rowheader")).toHaveCount(sectors.length);
    await expect(page.getByText(`${formatNumber(sectors.length)} sectors`, { exact: true })).toBeVisible();
    for (const [index, sector] of sectors.entries()) {
      const row = table.getByRole("row").nth(index + 1);
      await expect(row.getByRole("rowheader").getByRole("link")).toHaveText(sector.name);
      await expect(row.getByRole("rowheader").getByRole("link")).toHaveAttribute(
        "href",
        `/sectors/${sector.slug}`,
      );
      const claims = row.getByRole("cell").first();
      if (sector.claims === 0) {
        await expect(claims).toHaveText("0");
        await expect(claims.getByRole("link")).toHaveCount(0);
      } else {
        await expect(claims.getByRole("link")).toHaveAccessibleName(claimsLinkName(sector));
        await expect(claims.getByRole("link")).toHaveAttribute("href", `/claims?sector=${sector.slug}`);
      }
    }
    expect(sectors.find((sector) => sector.slug === own.slug)?.claims).toBe(0);

    // The largest sector's row leads to its page, and its count to exactly its claims in the table.
    const largest = sectors.reduce((a, b) => (b.claims > a.claims ? b : a));
    const [{ total }] = (await withPgClient(
      async (client) => (await client.query(`SELECT count(*)::int AS total FROM "Claim"`)).rows,
    )) as [{ total: number }];
    await table.getByRole("link", { name: largest.name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/sectors/${largest.slug}$`));
    await expect(page.getByRole("heading", { level: 1, name: largest.name })).toBeVisible();
    await expect(
      page.getByRole("link", { name: `${formatNumber(largest.claims)} claims in this sector`, exact: true }),
    ).toBeVisible();
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Sectors" }).click();
    await expect(page).toHaveURL(/\/sectors$/);

    await table.getByRole("link", { name: claimsLinkName(largest), exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/claims\\?sector=${largest.slug}$`));
    await expect(page.locator("#claims-summary")).toContainText(
      `${formatNumber(largest.claims)} of ${formatNumber(total)} claims match`,
    );
  } finally {
    await withPgClient((client) => client.query(`DELETE FROM "Sector" WHERE slug = $1`, [own.slug]));
  }
});

test("the Sectors page reads well on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/sectors");
  await expect(page.getByRole("table").getByRole("rowheader").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "/sectors scrolls sideways").toBeLessThanOrEqual(0);
});
