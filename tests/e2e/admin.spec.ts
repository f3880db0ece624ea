// Admin pages, saved views and disabled accounts in the browser, each test with its own accounts.
import { randomUUID } from "node:crypto";
import type { Browser } from "@playwright/test";
import { changeUserRole } from "@/lib/data/users";
import type { Actor } from "@/lib/auth/permissions";
import { makeSource, makeUser } from "@/prisma/factories";
import { expect, signInContext, test } from "./support/fixtures";

/** A second person, in a browser context of their own. */
async function openAs(browser: Browser, baseURL: string, user: Actor) {
  const context = await browser.newContext();
  await signInContext(context, baseURL, user);
  return { context, page: await context.newPage() };
}

test("an admin creates an account and changes its role", async ({ page, signInAs }) => {
  test.slow();
  await signInAs("ADMIN", "Ada Admin");
  const email = `new-${randomUUID().slice(0, 8)}@claimdesk.test`;
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();

  const form = page.getByRole("form", { name: "New account" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name").fill("Nora Newcomer");
  await form.getByRole("combobox", { name: "Role" }).selectOption("ANALYST");
  await form.getByLabel("Initial password").fill("short");
  await form.getByRole("button", { name: "Create account" }).click();
  // Refused: the message names the field, and what was typed stays.
  await expect(form.getByText("Password must be at least 12 characters.")).toBeVisible();
  await expect(form.getByLabel("Email")).toHaveValue(email);
  await expect(form.getByLabel("Name")).toHaveValue("Nora Newcomer");

  await form.getByLabel("Initial password").fill("a long enough first password");
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByRole("status")).toContainText(`Created analyst account for ${email}`);

  await page.getByRole("search", { name: "Find users" }).getByLabel("Name or email").fill(email);
  await page.getByRole("button", { name: "Search" }).click();
  const row = page.getByTestId(`user-${email}`);
  const summary = row.getByRole("group", { name: "Role and status" });
  await expect(summary).toContainText("Analyst");
  await row.getByText("Manage").click();
  await row.getByRole("combobox", { name: "Role" }).selectOption("REVIEWER");
  await row.getByRole("button", { name: "Change role" }).click();
  await expect(row.getByRole("status")).toContainText("Role changed to Reviewer.");
  await expect(summary).toContainText("Reviewer");
  await expect(summary).not.toContainText("Analyst");
});

test("an admin disabling a signed-in account ends its session at its next request", async ({
  page,
  browser,
  baseURL,
  signInAs,
  db,
}) => {
  test.slow();
  await signInAs("ADMIN");
  const other = await makeUser(db, { role: "ADMIN", name: "Otto Otheradmin" });
  const victim = await openAs(browser, baseURL!, other);
  await victim.page.goto("/admin/users");
  await expect(victim.page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();

  await page.goto(`/admin/users?q=${encodeURIComponent(other.email)}`);
  const row = page.getByTestId(`user-${other.email}`);
  await row.getByText("Manage").click();
  await row.getByRole("button", { name: "Disable account" }).click();
  await expect(row.getByRole("group", { name: "Role and status" })).toContainText("Disabled");

  // The same cookie, one request later: signed out, and the admin page sends them to sign in.
  await victim.page.reload();
  await expect(victim.page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fusers/);
  await victim.page.goto("/claims");
  await expect(victim.page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  expect((await victim.page.request.get("/api/claims/export?format=csv")).status()).toBe(401);
  await victim.context.close();
});

test("an analyst saves views; a second analyst sees only the shared one", async ({
  page,
  browser,
  baseURL,
  signInAs,
  db,
}) => {
  test.slow();
  await signInAs("ANALYST", "Ana Analyst");
  const tag = randomUUID().slice(0, 6);
  await page.goto("/claims?kind=STATISTIC");
  const views = page.getByRole("button", { name: /^Views/ });
  await views.click();
  const panel = page.getByRole("dialog", { name: /Views/ });
  await panel.getByLabel("Save the current filters as").fill(`Private stats ${tag}`);
  await panel.getByRole("button", { name: "Save view" }).click();
  await expect(panel.getByRole("status")).toContainText(`Saved “Private stats ${tag}”`);
  await panel.getByLabel("Save the current filters as").fill(`Shared stats ${tag}`);
  await panel.getByLabel("Share with the team").check();
  await panel.getByRole("button", { name: "Save view" }).click();
  await expect(panel.getByRole("status")).toContainText("shared with the team");
  await expect(panel.getByRole("link", { name: `Private stats ${tag}` })).toBeVisible();

  // A name already used is refused, and stays typed.
  await panel.getByLabel("Save the current filters as").fill(`Private stats ${tag}`);
  await panel.getByRole("button", { name: "Save view" }).click();
  await expect(panel.getByRole("alert")).toContainText("There is already a view named");
  await expect(panel.getByLabel("Save the current filters as")).toHaveValue(`Private stats ${tag}`);

  const second = await openAs(
    browser,
    baseURL!,
    await makeUser(db, { role: "ANALYST", name: "Ben Analyst" }),
  );
  await second.page.goto("/claims");
  await second.page.getByRole("button", { name: /^Views/ }).click();
  const theirs = second.page.getByRole("dialog", { name: /Views/ });
  await expect(theirs.getByRole("link", { name: `Shared stats ${tag}` })).toBeVisible();
  await expect(theirs.getByText("Shared by Ana Analyst").first()).toBeVisible();
  await expect(theirs.getByRole("link", { name: `Private stats ${tag}` })).toHaveCount(0);
  await expect(theirs.getByRole("button", { name: `Delete Shared stats ${tag}` })).toHaveCount(0);
  await theirs.getByRole("link", { name: `Shared stats ${tag}` }).click();
  await expect(second.page).toHaveURL(/\/claims\?kind=STATISTIC$/);
  await second.context.close();
});

test("a viewer and anonymous see no Views menu, and the claims page still works", async ({
  page,
  signInAs,
}) => {
  await page.goto("/claims");
  await expect(page.getByRole("table")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Views/ })).toHaveCount(0);
  await signInAs("VIEWER");
  await page.reload();
  await expect(page.getByRole("button", { name: /account menu/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Views/ })).toHaveCount(0);
});

test("the audit log filters by action and shows what changed", async ({ page, signInAs, db }) => {
  test.slow();
  const admin = await signInAs("ADMIN", "Audrey Auditor");
  const target = await makeUser(db, { role: "VIEWER", name: "Tina Target" });
  await changeUserRole(db, admin, { id: target.id, version: 1, role: "ANALYST" });
  await page.goto("/admin/audit");
  const filters = page.getByRole("search", { name: "Filter the audit log" });
  await filters.getByLabel("Action").selectOption("user.role");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=user\.role/);

  const events = page.getByTestId("audit-event");
  await expect(events.first()).toBeVisible();
  await expect(events.filter({ hasNotText: "user.role" })).toHaveCount(0);
  const event = page.getByRole("article", { name: `user.role on Account ${target.email}` });
  await expect(event).toContainText("by Audrey Auditor");
  await expect(event.getByRole("row", { name: /role/ })).toContainText("VIEWER");
  await expect(event.getByRole("row", { name: /role/ })).toContainText("ANALYST");

  // A malformed filter falls back to none instead of failing.
  await page.goto("/admin/audit?action=drop-table&from=2026-99-99&page=-1");
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await expect(filters.getByLabel("Action")).toHaveValue("");
});

const PROTECTED = ["/admin/users", "/admin/audit"] as const;
const HEADINGS: Record<(typeof PROTECTED)[number], string> = {
  "/admin/users": "Users",
  "/admin/audit": "Audit log",
};

for (const path of PROTECTED) {
  test(`${path}: anonymous go to sign-in, viewers, analysts and reviewers are refused, admins get in`, async ({
    page,
    browser,
    baseURL,
    db,
  }) => {
    test.slow();
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/sign-in\\?callbackUrl=${encodeURIComponent(path)}$`));

    for (const role of ["VIEWER", "ANALYST", "REVIEWER"] as const) {
      const person = await openAs(browser, baseURL!, await makeUser(db, { role }));
      // A 404 rather than a 403: the page does not tell them an admin page lives here.
      expect((await person.page.goto(path))?.status()).toBe(404);
      await expect(person.page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
      await expect(person.page.getByRole("heading", { name: HEADINGS[path], level: 1 })).toHaveCount(0);
      await person.context.close();
    }

    const admin = await openAs(browser, baseURL!, await makeUser(db, { role: "ADMIN" }));
    await admin.page.goto(path);
    await expect(admin.page.getByRole("heading", { name: HEADINGS[path], level: 1 })).toBeVisible();
    await admin.context.close();
  });
}

test("an admin's stale source edit is refused with the typed text kept, then saves on the newer version", async ({
  page,
  signInAs,
  db,
}) => {
  test.slow();
  await signInAs("ADMIN", "Eddie Editor");
  const { id } = await makeSource(db);
  await page.goto(`/sources/${id}`);
  await page.getByText("Edit source").click();
  const form = page.getByRole("form", { name: "Edit the source" });
  const title = `Retitled ${randomUUID().slice(0, 6)}`;
  await form.getByLabel("Title").fill(title);

  // Someone else saves first: every write of a source's fields moves its version on.
  await db.source.update({
    where: { id },
    data: { notes: "Changed by someone else.", version: { increment: 1 } },
  });

  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("alert")).toContainText("Someone else changed this source");
  await expect(form.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByText("Changed by someone else.").first()).toBeVisible();

  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("status")).toContainText("Saved.");
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(`${title} · ClaimDesk`);
});
