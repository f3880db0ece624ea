// Drafts in a browser: invisible to whoever may not see them (a 404, never "forbidden"), reviewed in the reader with
// their candidate claims, proposed entities and skipped sentences, and published by an admin into the claims table.
// Each test imports a draft of its own, so the tests run in parallel.
import type { Page } from "@playwright/test";
import { CLAIM_KIND_OPTIONS, labelOf } from "@/lib/domain/options";
import { makeDraftDocument } from "@/prisma/factories";
import { axeViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";

const draftBanner = (page: Page) => page.getByRole("region", { name: "Draft" });
const candidateMarks = (page: Page) => page.locator('article a[id^="candidate-"]');

for (const [who, role] of [
  ["a visitor", null],
  ["a viewer", "VIEWER"],
  ["an analyst", "ANALYST"],
] as const) {
  test(`a draft does not exist for ${who}`, async ({ page, db, signInAs }) => {
    const { document } = await makeDraftDocument(db);
    if (role) await signInAs(role);
    const response = await page.goto(`/documents/${document.id}`);
    expect(response?.status()).toBe(404);
    await expect(page).toHaveTitle("Document not found · ClaimDesk");
    await expect(page.getByRole("heading", { level: 1, name: "Document not found" })).toBeVisible();
    await expect(page.getByText(document.title)).toHaveCount(0);

    await page.goto("/documents");
    await expect(page.getByRole("heading", { level: 1, name: "Documents" })).toBeVisible();
    await expect(page.getByRole("table")).toBeVisible();
    await expect(page.getByRole("link", { name: document.title })).toHaveCount(0);
  });
}

test("a reviewer reads a draft but cannot publish it", async ({ page, db, signInAs }) => {
  const { document, candidates } = await makeDraftDocument(db);
  await signInAs("REVIEWER");
  await page.goto(`/documents/${document.id}`);
  await expect(draftBanner(page)).toContainText("only reviewers and admins see this document");
  await expect(draftBanner(page)).toContainText(`${candidates.length} candidate claims`);
  await expect(draftBanner(page)).toContainText("once an admin publishes the draft");
  await expect(candidateMarks(page)).toHaveCount(candidates.length);
  await expect(page.getByRole("button", { name: "Publish draft" })).toHaveCount(0);
});

test("an admin reviews a draft, publishes it, and its claims join the claims table", async ({
  page,
  db,
  signInAs,
}) => {
  test.slow();
  const { document, candidates } = await makeDraftDocument(db);
  await signInAs("ADMIN");

  await page.goto("/documents");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: document.title }) });
  await expect(row.getByText("Draft", { exact: true })).toBeVisible();
  await row.getByRole("link", { name: document.title }).click();
  await expect(page).toHaveURL(new RegExp(`/documents/${document.id}$`));

  await expect(draftBanner(page)).toContainText(`${candidates.length} candidate claims`);
  const marks = candidateMarks(page);
  await expect(marks).toHaveCount(candidates.length);
  const huawei = candidates.find((candidate) => candidate.text.startsWith("Huawei"))!;
  const mark = page.locator(`#candidate-${huawei.id}`);
  await expect(mark).toHaveAccessibleName(
    new RegExp(`^Candidate claim, ${labelOf(CLAIM_KIND_OPTIONS, huawei.kind)}: Huawei shipped`),
  );
  await expect(page.locator("article").getByText("citation lost", { exact: true })).toHaveCount(1);

  // A mark opens its entry in the candidate list: the entities it names and what it cites.
  await mark.click();
  const entry = page
    .getByRole("listitem", { name: /^Candidate claim \d+$/ })
    .filter({ hasText: "Huawei shipped" });
  await expect(page).toHaveURL(new RegExp(`#candidate-${huawei.id}-entry$`));
  await expect(entry.getByRole("link", { name: "Huawei", exact: true })).toHaveAttribute(
    "href",
    /^\/entities\/\d+$/,
  );
  await expect(entry.getByRole("link", { name: /^example\.gov/ })).toBeVisible();

  const about = page.getByRole("complementary", { name: "About this document" });
  const proposed = about.getByRole("region", { name: /^Proposed entities/ });
  await expect(proposed.getByText("Zhipu Nebula Labs", { exact: true })).toBeVisible();
  await expect(proposed.getByText("Ernie 4.5", { exact: true })).toBeVisible();
  await about.getByText(/^Skipped sentences/).click();
  await expect(about.getByText("We thank our readers.")).toBeVisible();

  await draftBanner(page).getByRole("button", { name: "Publish draft" }).click();
  const confirm = page.getByRole("group", { name: "Confirm publishing" });
  await expect(confirm.getByRole("button", { name: "Publish", exact: true })).toBeFocused();
  await confirm.getByRole("button", { name: "Publish", exact: true }).click();

  await expect(draftBanner(page)).toHaveCount(0);
  const claimMarks = page.locator('article a[id^="claim-"]');
  await expect(claimMarks).toHaveCount(candidates.length);
  await expect(marks).toHaveCount(0);
  const claims = await db.claim.findMany({
    where: { documentId: document.id },
    orderBy: { startOffset: "asc" },
  });
  expect(claims).toHaveLength(candidates.length);
  await expect(claimMarks.first()).toHaveAttribute("href", `/claims/${claims[0]!.id}`);

  await page.goto(`/claims?document=${document.id}`);
  const links = page.getByRole("table").getByRole("rowheader").getByRole("link");
  await expect(links).toHaveCount(claims.length);
  for (const claim of claims)
    await expect(page.getByRole("table").locator(`a[href="/claims/${claim.id}"]`).first()).toBeVisible();
});

for (const theme of ["light", "dark"] as const) {
  test(`a draft's page passes axe in the ${theme} theme`, async ({ page, db, signInAs }) => {
    const { document } = await makeDraftDocument(db);
    await page.emulateMedia({ colorScheme: theme });
    await signInAs("ADMIN");
    await page.goto(`/documents/${document.id}`);
    await expect(draftBanner(page)).toBeVisible();
    if (theme === "dark") await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    else await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
    // Everything a draft can show at once: the skipped sentences and the publish confirmation open.
    await page.getByText(/^Skipped sentences/).click();
    await page.getByRole("button", { name: "Publish draft" }).click();
    await expect(page.getByRole("group", { name: "Confirm publishing" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
