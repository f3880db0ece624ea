import { MAX_FAILURES_PER_ADDRESS } from "@/lib/auth/credentials";
import { FACTORY_PASSWORD, makeUser } from "@/prisma/factories";
import { expect, test } from "./support/fixtures";

test("a reviewer signs in with the form, sees their account, and signs out", async ({ page, db }) => {
  const user = await makeUser(db, { role: "REVIEWER", name: "Rita Reviewer" });
  await page.goto("/claims");
  await page.getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel("Email").fill(user.email.toUpperCase());
  await page.getByLabel("Password").fill(FACTORY_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  const account = page.getByRole("button", { name: "Rita Reviewer, account menu, Reviewer" });
  await expect(account).toBeVisible();
  await account.click();
  await expect(page.getByRole("menuitem", { name: "My queue" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Users" })).toHaveCount(0);
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
});

test("a wrong password gets one generic message and keeps the email typed", async ({ page, db }) => {
  const user = await makeUser(db, { role: "ANALYST" });
  await page.goto("/sign-in?callbackUrl=/claims");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  const form = page.getByRole("form", { name: "Sign in" });
  await expect(form.getByRole("alert")).toContainText("Sign-in failed. Check your email and password.");
  await expect(page.getByLabel("Email")).toHaveValue(user.email);

  await page.getByLabel("Email").fill("nobody-at-all@claimdesk.test");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(form.getByRole("alert")).toContainText("Sign-in failed. Check your email and password.");
});

test("after signing in, a link from elsewhere goes back to the page it came from, never off-site", async ({
  page,
  db,
}) => {
  const user = await makeUser(db, { role: "VIEWER" });
  await page.goto("/sign-in?callbackUrl=//evil.example/steal");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(FACTORY_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
});

test("pages run under the Content-Security-Policy with no violation, and forbid framing", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/claims?q=Huawei");
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(response?.headers()["x-frame-options"]).toBe("DENY");
  // The table is interactive only once hydrated: a blocked script would leave the filters dead.
  await page.getByRole("button", { name: /Sector/ }).click();
  await expect(page.getByRole("listbox")).toBeVisible();
  await page.goto("/sign-in");
  await page.goto("/");
  expect(violations).toEqual([]);
});

test("the export is for analysts: signed out gets 401, a viewer 403", async ({ page, request, signInAs }) => {
  expect((await request.get("/api/claims/export?format=csv")).status()).toBe(401);
  await signInAs("VIEWER");
  const asViewer = await page.request.get("/api/claims/export?format=csv");
  expect(asViewer.status()).toBe(403);
  expect(await asViewer.json()).toEqual({ error: "Your role does not allow this." });
});

test("a forged X-Forwarded-For neither renames the address a sign-in counts under nor gets past its limit", async ({
  request,
  db,
}) => {
  const user = await makeUser(db, { role: "ANALYST" });
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signIn = async (password: string, headers: Record<string, string>) => {
    const response = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: user.email, password, json: "true" },
      headers,
    });
    return !((await response.json()) as { url: string }).url.includes("error=");
  };
  const forged = { "X-Forwarded-For": "203.0.113.7" };
  expect(await signIn("not the password", forged)).toBe(false);
  // Prefetch headers, which the client chooses, used to take a request past proxy.ts.
  expect(
    await signIn("not the password", { ...forged, purpose: "prefetch", "next-router-prefetch": "1" }),
  ).toBe(false);
  const attempts = await db.signInAttempt.findMany({ where: { email: user.email } });
  expect(attempts.map((attempt) => attempt.address)).toEqual(["127.0.0.1", "127.0.0.1"]);

  // This machine's address at its limit: the right password, from a "different" address, is still refused.
  const lock = await db.signInAttempt.createManyAndReturn({
    data: Array.from({ length: MAX_FAILURES_PER_ADDRESS }, (_, i) => ({
      email: `lock-${i}@claimdesk.test`,
      address: "127.0.0.1",
      succeeded: false,
    })),
    select: { id: true },
  });
  try {
    expect(await signIn(FACTORY_PASSWORD, forged)).toBe(false);
  } finally {
    // Only this file signs in through the form, one test at a time: the lock must not outlive this test.
    await db.signInAttempt.deleteMany({ where: { id: { in: lock.map((row) => row.id) } } });
  }
  expect(await signIn(FACTORY_PASSWORD, forged)).toBe(true);
});
