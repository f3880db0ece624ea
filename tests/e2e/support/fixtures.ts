// Playwright fixtures: accounts made through the data layer and signed in by cookie, so that every test has
// its own users and can run beside the others. Only tests/e2e/auth.spec.ts signs in through the form.
import { randomUUID } from "node:crypto";
import { test as base, type BrowserContext } from "@playwright/test";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { COMMAND_LINE, createUser } from "@/lib/data/users";
import { SESSION_COOKIE, mintSessionToken } from "@/lib/auth/session-cookie";
import { testPrisma } from "../../helpers/db";
import { E2E_AUTH_SECRET } from "./auth-secret";

export const TEST_PASSWORD = "a test password nobody uses";

export interface TestUser {
  id: number;
  email: string;
  name: string;
  role: Role;
}

/** A new account with a unique email; `name` defaults to the role and a short random suffix. */
export async function makeUser(role: Role, name?: string): Promise<TestUser> {
  const prisma = testPrisma();
  try {
    const suffix = randomUUID().slice(0, 8);
    return await createUser(prisma, COMMAND_LINE, {
      email: `${role.toLowerCase()}-${suffix}@claimdesk.test`,
      name: name ?? `${role[0]}${role.slice(1).toLowerCase()} ${suffix}`,
      password: TEST_PASSWORD,
      role,
    });
  } finally {
    await prisma.$disconnect();
  }
}

export async function signInContext(context: BrowserContext, baseURL: string, user: TestUser): Promise<void> {
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

export const test = base.extend<{ signInAs: (role: Role, name?: string) => Promise<TestUser> }>({
  signInAs: async ({ context, baseURL }, use) => {
    await use(async (role, name) => {
      const user = await makeUser(role, name);
      await signInContext(context, baseURL!, user);
      return user;
    });
  },
});

export { expect } from "@playwright/test";
