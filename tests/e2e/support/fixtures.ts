// Playwright fixtures: a database connection per worker for the factories (prisma/factories.ts), with which every
// test makes its own accounts and records so that it can run beside the others, and sign-in by cookie. Only
// tests/e2e/auth.spec.ts signs in through the form.
import { test as base, type BrowserContext } from "@playwright/test";
import type { Actor } from "@/lib/auth/permissions";
import { SESSION_COOKIE, mintSessionToken } from "@/lib/auth/session-cookie";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import type { Prisma } from "@/lib/prisma-client";
import { makeUser } from "@/prisma/factories";
import { testPrisma } from "../../helpers/db";
import { E2E_AUTH_SECRET } from "./auth-secret";

export async function signInContext(context: BrowserContext, baseURL: string, user: Actor): Promise<void> {
  await context.addCookies([
    {
      name: SESSION_COOKIE,
      value: await mintSessionToken(user.id, E2E_AUTH_SECRET),
      url: baseURL,
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
}

export const test = base.extend<{ signInAs: (role: Role, name?: string) => Promise<Actor> }, { db: Prisma }>({
  db: [
    // Playwright reads a fixture's dependencies from its first parameter's pattern; this one has none.
    async ({}, use) => {
      const db = testPrisma();
      await use(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
  signInAs: async ({ context, baseURL, db }, use) => {
    await use(async (role, name) => {
      const user = await makeUser(db, { role, name });
      await signInContext(context, baseURL!, user);
      return user;
    });
  },
});

export { expect } from "@playwright/test";
