// The Sectors index: reached from the main menu, every sector with the claims the database links to it, each row
// leading to the sector's page and to its claims in the table. The test makes two sectors of its own, one with
// claims and one without, and reads their rows, whatever sectors the tests beside it add.
import { formatNumber } from "@/lib/format";
import { makeDocument, makeSector } from "@/prisma/factories";
import { expect, test } from "./support/fixtures";

const claimsLinkName = (name: string, claims: number) =>
  `${formatNumber(claims)} ${claims === 1 ? "claim" : "claims"} in ${name}`;

test("the menu leads to every sector with its claims, as the database links them", async ({ page, db }) => {
  const full = await makeSector(db);
  const empty = await makeSector(db);
  const { claims } = await makeDocument(db, {
    sections: [{ claims: [{ sectors: [full] }, { sectors: [full] }, { sectors: [full] }] }],
  });

  await page.goto("/");
  const menuLink = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sectors" });
  await menuLink.click();
  await expect(page).toHaveURL(/\/sectors$/);
  await expect(menuLink).toHaveAttribute("aria-current", "page");
  await expect(page).toHaveTitle("Sectors · ClaimDesk");
  await expect(page.getByRole("heading", { level: 1, name: "Sectors" })).toBeVisible();

  const table = page.getByRole("table", { name: /^Sectors in display order/ });
  await expect(table.getByRole("link", { name: empty.name, exact: true })).toBeVisible();
  const names = await table.getByRole("rowheader").getByRole("link").allTextContents();
  await expect(page.getByText(`${formatNumber(names.length)} sectors`, { exact: true })).toBeVisible();
  // Display order: the sector made first comes first.
  expect(names.indexOf(full.name)).toBeGreaterThanOrEqual(0);
  expect(names.indexOf(empty.name)).toBeGreaterThan(names.indexOf(full.name));

  const row = (name: string) =>
    table
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader").getByRole("link", { name, exact: true }) });
  for (const sector of [full, empty]) {
    await expect(row(sector.name).getByRole("rowheader").getByRole("link")).toHaveAttribute(
      "href",
      `/sectors/${sector.slug}`,
    );
  }
  // A sector without claims says 0 and offers no link to an empty table.
  await expect(row(empty.name).getByRole("cell").first()).toHaveText("0");
  await expect(row(empty.name).getByRole("cell").first().getByRole("link")).toHaveCount(0);
  const count = row(full.name).getByRole("cell").first().getByRole("link");
  await expect(count).toHaveAccessibleName(claimsLinkName(full.name, claims.length));
  await expect(count).toHaveAttribute("href", `/claims?sector=${full.slug}`);

  // The sector's row leads to its page, and its count to exactly its claims in the table.
  await table.getByRole("link", { name: full.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/sectors/${full.slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: full.name })).toBeVisible();
  await expect(
    page.getByRole("link", { name: `${formatNumber(claims.length)} claims in this sector`, exact: true }),
  ).toBeVisible();
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Sectors" }).click();
  await expect(page).toHaveURL(/\/sectors$/);

  await table.getByRole("link", { name: claimsLinkName(full.name, claims.length), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/claims\\?sector=${full.slug}$`));
  await expect(page.locator("#claims-summary")).toHaveText(
    new RegExp(`^${claims.length} of [\\d,]+ claims match`),
  );
  await expect(page.getByRole("table").getByRole("rowheader")).toHaveCount(claims.length);
});

test("the Sectors page reads well on a phone", async ({ page, db }) => {
  await makeSector(db);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/sectors");
  await expect(page.getByRole("table").getByRole("rowheader").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "/sectors scrolls sideways").toBeLessThanOrEqual(0);
});
