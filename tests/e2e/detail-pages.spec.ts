// The detail pages as a reviewer walks them: the reader with its claims in place, a claim's own page, the
// not-found page for bad addresses, entity search (Chinese names included) and an entity's profile.
// The tests only read the seeded report, so they run in parallel.
import { expect, test } from "@playwright/test";
import { withPgClient } from "../helpers/db";

async function one<T extends object>(sql: string, params: unknown[] = []): Promise<T> {
  return withPgClient(async (client) => {
    const row = (await client.query<T>(sql, params)).rows[0];
    if (!row) throw new Error(`no row for ${sql}`);
    return row;
  });
}

const huaweiPush = () =>
  one<{ id: number; text: string; documentId: number }>(
    `SELECT id, text, "documentId" FROM "Claim" WHERE text LIKE 'Huawei''s push to sell%'`,
  );

test("the reader marks every claim in place, and a claim opens its own page", async ({ page }) => {
  const claim = await huaweiPush();
  const { n: claims } = await one<{ n: number }>(`SELECT count(*)::int AS n FROM "Claim"`);

  await page.goto("/documents");
  await page.getByRole("link", { name: /How China’s AI ecosystem is accelerating/ }).click();
  await expect(page).toHaveURL(/\/documents\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("How China’s AI ecosystem");
  await expect(page).toHaveTitle(/^How China’s AI ecosystem.* · ClaimDesk$/);
  await expect(
    page.getByRole("heading", { level: 2, name: "1. Introduction: A New Era of Chinese AI" }),
  ).toBeVisible();

  const marked = page.locator('article a[id^="claim-"]');
  await expect(marked).toHaveCount(claims);
  const link = page.locator(`#claim-${claim.id}`);
  await expect(link).toHaveAttribute("href", `/claims/${claim.id}`);
  await expect(link).toContainText("Huawei's push to sell Ascend 910B/C AI chips");
  await expect(link).toContainText("citation lost");

  await link.click();
  await expect(page).toHaveURL(new RegExp(`/claims/${claim.id}$`));
  const quote = page.getByRole("heading", { level: 1 });
  await expect(quote).toContainText("Huawei's push to sell Ascend 910B/C");
  await expect(quote).toContainText("AI chips to Middle East and Southeast Asian markets");
});

test("a claim page links the entities it names and marks its lost citation", async ({ page }) => {
  const claim = await huaweiPush();
  const huawei = await one<{ id: number }>(`SELECT id FROM "Entity" WHERE slug = 'huawei'`);

  await page.goto(`/claims/${claim.id}`);
  const quote = page.getByRole("heading", { level: 1 });
  await expect(quote.getByRole("link", { name: "Huawei", exact: true })).toHaveAttribute(
    "href",
    `/entities/${huawei.id}`,
  );
  await expect(quote.getByRole("link", { name: "Ascend 910B", exact: true })).toBeVisible();
  await expect(quote.getByRole("link", { name: "Ascend 910C", exact: true })).toBeVisible();

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
  await expect(page.getByRole("link", { name: "Hardware & chips" })).toHaveAttribute(
    "href",
    "/sectors/hardware-chips",
  );
  await expect(page).toHaveTitle("Huawei's push to sell Ascend 910B/C AI chips… · ClaimDesk");

  // "Read it in place" lands on the claim in the reader, which the :target style singles out.
  await page.getByRole("link", { name: "Read it in place" }).click();
  await expect(page).toHaveURL(new RegExp(`/documents/${claim.documentId}#claim-${claim.id}$`));
  await expect(page.locator(":target")).toHaveAttribute("id", `claim-${claim.id}`);
  await expect(page.locator(`#claim-${claim.id}`)).toBeInViewport();
});

test("a claim's figure, date and cited source read as people write them", async ({ page }) => {
  const claim = await one<{ id: number }>(
    `SELECT id FROM "Claim" WHERE text LIKE 'Stanford’s 2025 AI Index%'`,
  );
  await page.goto(`/claims/${claim.id}`);
  await expect(page.getByText("About 83%")).toBeVisible();
  await expect(page.getByRole("time").filter({ hasText: /^2025$/ })).toBeVisible();
  const sources = page.getByRole("region", { name: "Sources" });
  await expect(sources.getByRole("link", { name: "AI Index Report 2025" })).toBeVisible();
  await expect(sources).toContainText("Cited in text");
  await expect(sources).toContainText("Not yet rated");
  const external = sources.getByRole("link", { name: /hai\.stanford\.edu/ });
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

test("entity search finds Huawei by its Chinese name and by a typo", async ({ page }) => {
  await page.goto("/entities?q=华为");
  const table = page.getByRole("table");
  await expect(table.getByRole("rowheader")).toHaveCount(1);
  await expect(table.getByRole("link", { name: "Huawei", exact: true })).toBeVisible();
  await expect(table.locator('[lang="zh"]:visible').filter({ hasText: /^华为$/ })).toHaveCount(1);

  // The plain form submits without any client code.
  await page.getByRole("searchbox", { name: "Name or alias" }).fill("Hauwei");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/entities\?q=Hauwei(&kind=)?$/);
  await expect(table.getByRole("rowheader").first()).toHaveText(/^Huawei/);

  await page.goto("/entities?kind=NOPE&page=abc");
  await expect(page.getByText("1–25 of 41 entities")).toBeVisible();
});

test("an entity profile lists the claims that name it and the entities named with it", async ({ page }) => {
  const { n: claims } = await one<{ n: number }>(
    `SELECT count(*)::int AS n FROM "ClaimEntity" ce JOIN "Entity" e ON e.id = ce."entityId" WHERE e.slug = 'deepseek'`,
  );
  await page.goto("/entities?q=deepseek");
  await page.getByRole("rowheader").getByRole("link", { name: "DeepSeek", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "DeepSeek" })).toBeVisible();
  await expect(page).toHaveTitle("DeepSeek · ClaimDesk");

  const list = page.getByRole("list", { name: "Claims naming DeepSeek" });
  await expect(list.getByRole("listitem")).toHaveCount(claims);
  await expect(page.getByRole("link", { name: "See all in the claims table" })).toHaveAttribute(
    "href",
    "/claims?entity=deepseek",
  );
  await expect(page.getByRole("region", { name: "Also known as" }).locator('[lang="zh"]')).toHaveText(
    "深度求索",
  );
  await expect(
    page.getByRole("region", { name: "Named alongside" }).getByRole("listitem").first(),
  ).toBeVisible();

  await list.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/claims\/\d+$/);
  await expect(
    page.getByRole("heading", { level: 1 }).getByRole("link", { name: "DeepSeek" }).first(),
  ).toBeVisible();
});

test("pages read well on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const claim = await huaweiPush();
  for (const path of [`/claims/${claim.id}`, `/documents/${claim.documentId}`, "/entities", "/sources"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
});
