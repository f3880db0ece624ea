// Every list page passes axe's WCAG 2 A and AA rules, in the light and the dark theme: the list kit
// (components/data-table) draws all of them, so a fault in it shows on every list at once.
import { axeViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";

const PUBLIC_LISTS = [
  "/claims",
  "/entities",
  "/entities?q=zzzz-no-such-name",
  "/entities?page=99",
  "/sources",
  "/sectors",
  "/documents",
];
const SIGNED_IN_LISTS = ["/queue", "/admin/users", "/admin/audit"];

for (const theme of ["light", "dark"] as const) {
  test(`list pages pass axe in the ${theme} theme`, async ({ page, signInAs }) => {
    test.slow();
    await page.emulateMedia({ colorScheme: theme });
    await signInAs("ADMIN");
    for (const path of [...PUBLIC_LISTS, ...SIGNED_IN_LISTS]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByText(/^Loading .*…$/)).toHaveCount(0);
      if (theme === "dark") await expect(page.locator("html")).toHaveClass(/\bdark\b/);
      else await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
      expect(await axeViolations(page), path).toEqual([]);
    }
  });
}
