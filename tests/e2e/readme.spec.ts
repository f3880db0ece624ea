// Everything the README tells a newcomer to open answers with real content: its API examples (with a session where
// it says one is needed) and every page of its page table, as the role the table names.
import fs from "node:fs";
import path from "node:path";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { expect, test } from "./support/fixtures";

const readme = fs.readFileSync(path.join(import.meta.dirname, "../../README.md"), "utf8");

/** Paths of the `curl` examples, with whether they pass a session cookie. */
const curlExamples = [...readme.matchAll(/^curl (.*)'http:\/\/localhost:3000(\/[^']*)'$/gm)].map(
  ([, flags, route]) => ({
    route: route!,
    needsSession: flags!.includes("-b "),
  }),
);

const WHO: Record<string, Role | null> = {
  anyone: null,
  "reviewers and admins": "REVIEWER",
  admins: "ADMIN",
};

/** Rows of the page table: each backticked path, with the role its "who" column names. */
const pageRows = readme
  .slice(readme.indexOf("| page "))
  .split("\n\n")[0]!
  .split("\n")
  .slice(2)
  .flatMap((row) => {
    const [, , paths, who] = row.split("|").map((cell) => cell.trim());
    const role = WHO[who!];
    if (role === undefined) throw new Error(`README page table: unknown "who" ${who}`);
    return [...paths!.matchAll(/`(\/[^`]*)`/g)].map(([, route]) => ({ route: route!, role }));
  });

test("the README lists API examples and pages", () => {
  expect(curlExamples.length).toBeGreaterThanOrEqual(7);
  expect(pageRows.map((row) => row.route)).toEqual(
    expect.arrayContaining(["/", "/claims", "/sectors", "/admin/audit"]),
  );
});

for (const { route, needsSession } of curlExamples) {
  test(`README example ${route} answers with data`, async ({ page, signInAs }) => {
    if (needsSession) await signInAs("ANALYST");
    const response = await page.request.get(route);
    expect(response.status()).toBe(200);
    if (route.startsWith("/api/claims/export")) {
      expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="claimdesk-claims-/);
      expect((await response.body()).length).toBeGreaterThan(500);
    } else {
      const body = (await response.json()) as { data?: unknown[]; id?: number };
      expect(body.data ? body.data.length : body.id).toBeTruthy();
    }
  });
}

for (const { route, role } of pageRows) {
  test(`README page ${route} opens${role ? ` for the ${role.toLowerCase()} role` : ""}`, async ({
    page,
    signInAs,
  }) => {
    if (role) await signInAs(role);
    const response = await page.goto(route);
    expect(response?.status()).toBe(200);
    expect(page.url()).not.toContain("/sign-in?");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText("This page could not be loaded")).toHaveCount(0);
  });
}
