// The sign-in check through authenticate() on the real database: the per-account and per-address limits, the
// one generic answer, disabled accounts. Time moves through authenticate's `now`, never by waiting.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { authorizeCredentials } from "@/lib/auth";
import { RECEIVED_FORWARDED_FOR } from "@/lib/auth/client-address";
import {
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  SIGN_IN_RETENTION_MS,
  SIGN_IN_WINDOW_MS,
  authenticate,
} from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/passwords";
import { COMMAND_LINE, createUser, disableUser } from "@/lib/data/users";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/prisma-client";
import { freshSeededDatabase } from "@/tests/helpers/seeded-database";

/** Every password checked against an account's own hash (the dummy hash's checks stay inside the module). */
const checks = vi.hoisted(() => [] as { hash: string; password: string }[]);
vi.mock("@/lib/auth/passwords", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/passwords")>();
  return {
    ...actual,
    verifyPassword: (hash: string, password: string) => {
      checks.push({ hash, password });
      return actual.verifyPassword(hash, password);
    },
  };
});

const PASSWORD = "the right password, long enough";
const T0 = new Date("2026-11-28T09:00:00Z");
let prisma: Prisma;
let counter = 0;

function later(ms: number): Date {
  return new Date(T0.getTime() + ms);
}

async function account(email = `signin-${++counter}@limit.test`) {
  return createUser(prisma, COMMAND_LINE, { email, name: "Someone", password: PASSWORD, role: "ANALYST" });
}

beforeAll(async () => {
  prisma = await freshSeededDatabase();
});

afterAll(async () => {
  await getDb().$disconnect();
  await prisma?.$disconnect();
});

describe("authenticate", () => {
  it("signs in with the right password, any case of email, and records the success", async () => {
    const user = await account("Mixed.Case@Limit.test".toLowerCase());
    const actor = await authenticate(
      prisma,
      { email: "  MIXED.case@limit.TEST", password: PASSWORD },
      "10.0.0.1",
      T0,
    );
    expect(actor).toEqual({ id: user.id, email: user.email, name: "Someone", role: "ANALYST" });
    expect(JSON.stringify(actor)).not.toContain("argon2");
    expect(await prisma.signInAttempt.findMany({ where: { email: user.email } })).toMatchObject([
      { address: "10.0.0.1", succeeded: true },
    ]);
  });

  it(`locks the account after ${MAX_FAILURES_PER_ACCOUNT} failures for the window, even with the right password`, async () => {
    const user = await account();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      // Different addresses: the account limit must hold however the guesses are spread.
      expect(
        await authenticate(
          prisma,
          { email: user.email, password: `guess ${i}` },
          `10.1.0.${i}`,
          later(i * 1000),
        ),
      ).toBeNull();
    }
    const locked = await authenticate(
      prisma,
      { email: user.email, password: PASSWORD },
      "10.1.1.1",
      later(60_000),
    );
    expect(locked).toBeNull();
    // Still locked one millisecond before the first failure leaves the window.
    expect(
      await authenticate(
        prisma,
        { email: user.email, password: PASSWORD },
        "10.1.1.1",
        later(SIGN_IN_WINDOW_MS - 1),
      ),
    ).toBeNull();
    // A refusal while locked counts as a failure too, so guessing on does not wear the lock down.
    const failures = await prisma.signInAttempt.count({ where: { email: user.email, succeeded: false } });
    expect(failures).toBe(MAX_FAILURES_PER_ACCOUNT + 2);
  });

  it("lets the right password in again once the failures have left the window", async () => {
    const user = await account();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await authenticate(prisma, { email: user.email, password: "wrong" }, "10.2.0.1", T0);
    }
    expect(
      await authenticate(prisma, { email: user.email, password: PASSWORD }, "10.2.0.2", later(1)),
    ).toBeNull();
    const after = later(SIGN_IN_WINDOW_MS + 2);
    expect(
      await authenticate(prisma, { email: user.email, password: PASSWORD }, "10.2.0.2", after),
    ).toMatchObject({
      id: user.id,
    });
  });

  it("removes attempts older than the retention period, and keeps the rest", async () => {
    const user = await account();
    const [old, kept] = await Promise.all(
      [later(-SIGN_IN_RETENTION_MS - 1), later(-SIGN_IN_RETENTION_MS + 60_000)].map((at) =>
        prisma.signInAttempt.create({ data: { email: user.email, address: "10.9.0.1", succeeded: false, at } }),
      ),
    );
    await authenticate(prisma, { email: user.email, password: PASSWORD }, "10.9.0.2", T0);
    const left = await prisma.signInAttempt.findMany({ where: { email: user.email }, orderBy: { at: "asc" } });
    expect(left.map((attempt) => attempt.id)).not.toContain(old!.id);
    expect(left.map((attempt) => [attempt.id === kept!.id, attempt.succeeded])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it(`limits an address to ${MAX_FAILURES_PER_ADDRESS} failures across accounts, and leaves other addresses alone`, async () => {
    const address = "203.0.113.9";
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      // Unknown accounts, a few guesses each: no account reaches its own limit.
      await authenticate(
        prisma,
        { email: `nobody-${i % 5}-${counter}@limit.test`, password: "guess" },
        address,
        later(i),
      );
    }
    const victim = await account();
    expect(
      await authenticate(prisma, { email: victim.email, password: PASSWORD }, address, later(100)),
    ).toBeNull();
    expect(
      await authenticate(prisma, { email: victim.email, password: PASSWORD }, "198.51.100.7", later(101)),
    ).toMatchObject({ id: victim.id });
  });

  it("gives the same null for an unknown email, a wrong password, a malformed input and a disabled account", async () => {
    const admin = await createUser(prisma, COMMAND_LINE, {
      email: `admin-${++counter}@limit.test`,
      name: "Admin",
      password: PASSWORD,
      role: "ADMIN",
    });
    const user = await account();
    await disableUser(prisma, { ...admin }, { id: user.id, version: 1 });
    const answers = await Promise.all([
      authenticate(prisma, { email: "who@limit.test", password: PASSWORD }, "10.3.0.1", T0),
      authenticate(prisma, { email: admin.email, password: "wrong password" }, "10.3.0.2", T0),
      authenticate(prisma, { email: ["array"], password: 42 }, "10.3.0.3", T0),
      authenticate(prisma, null, "10.3.0.4", T0),
      authenticate(prisma, { email: user.email, password: PASSWORD }, "10.3.0.5", T0),
    ]);
    expect(answers).toEqual([null, null, null, null, null]);
    expect(await prisma.signInAttempt.findFirst({ where: { email: user.email } })).toMatchObject({
      succeeded: false,
    });
  });
});

describe("a burst of attempts", () => {
  const checksOf = (hash: string) =>
    checks.filter((check) => check.hash === hash).map((check) => check.password);

  it(`checks no more than ${MAX_FAILURES_PER_ACCOUNT} passwords of one account, and refuses the right one sent last`, async () => {
    const user = await account();
    const { passwordHash } = await prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      omit: { passwordHash: false },
    });
    const burst = [...Array.from({ length: 29 }, (_, i) => `wrong guess ${i}`), PASSWORD];
    // From as many addresses, so that only the account's limit can hold them.
    const answers = await Promise.all(
      burst.map((password, i) => authenticate(prisma, { email: user.email, password }, `10.5.${i}.1`, T0)),
    );
    expect(answers).toEqual(burst.map(() => null));
    const checked = checksOf(passwordHash);
    expect(checked).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    // Sent last, it waits for a connection behind the others (the pool hands them out in order) and finds the lock.
    expect(checked).not.toContain(PASSWORD);
    expect(await prisma.signInAttempt.count({ where: { email: user.email, succeeded: false } })).toBe(
      burst.length,
    );
  });

  it(`checks no more than ${MAX_FAILURES_PER_ADDRESS} passwords from one address, across accounts`, async () => {
    const passwordHash = await hashPassword(PASSWORD);
    const emails = Array.from({ length: MAX_FAILURES_PER_ADDRESS + 10 }, (_, i) => `burst-${i}@address.test`);
    await prisma.user.createMany({ data: emails.map((email) => ({ email, name: "Burst", passwordHash })) });
    const answers = await Promise.all(
      emails.map((email) => authenticate(prisma, { email, password: "one guess each" }, "192.0.2.99", T0)),
    );
    expect(answers).toEqual(emails.map(() => null));
    expect(checksOf(passwordHash)).toHaveLength(MAX_FAILURES_PER_ADDRESS);
  });
});

describe("the address a sign-in counts under", () => {
  /** The headers next-auth hands authorize() for a request from `peer` that sent `forwardedFor` (see proxy.ts). */
  const arriving = (peer: string, forwardedFor: string) => ({
    headers: { "x-forwarded-for": peer, [RECEIVED_FORWARDED_FOR]: forwardedFor },
  });

  async function lockAddress(address: string) {
    await prisma.signInAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_ADDRESS }, (_, i) => ({
        email: `nobody-${i}@forged.test`,
        address,
        succeeded: false,
      })),
    });
  }

  async function withTrustedProxies<T>(count: string | undefined, run: () => Promise<T>): Promise<T> {
    const before = process.env.CLAIMDESK_TRUSTED_PROXIES;
    if (count === undefined) delete process.env.CLAIMDESK_TRUSTED_PROXIES;
    else process.env.CLAIMDESK_TRUSTED_PROXIES = count;
    try {
      return await run();
    } finally {
      if (before === undefined) delete process.env.CLAIMDESK_TRUSTED_PROXIES;
      else process.env.CLAIMDESK_TRUSTED_PROXIES = before;
    }
  }

  it("is the peer's by default: a forged X-Forwarded-For neither escapes its lock nor is recorded", async () => {
    const user = await account();
    await lockAddress("192.0.2.10");
    const answer = await withTrustedProxies(undefined, () =>
      authorizeCredentials({ email: user.email, password: PASSWORD }, arriving("192.0.2.10", "203.0.113.7")),
    );
    expect(answer).toBeNull();
    expect(await prisma.signInAttempt.findMany({ where: { email: user.email } })).toMatchObject([
      { address: "192.0.2.10", succeeded: false },
    ]);
  });

  it("behind a trusted proxy is the address that proxy appended, never what the client wrote before it", async () => {
    const user = await account();
    await lockAddress("198.51.100.30");
    await withTrustedProxies("1", async () => {
      // The locked client through the proxy, claiming to be someone else: still locked.
      expect(
        await authorizeCredentials(
          { email: user.email, password: PASSWORD },
          arriving("10.20.0.1", "203.0.113.7, 198.51.100.30"),
        ),
      ).toBeNull();
      // Another client through the same proxy is not held by the first one's lock, nor by the proxy's address.
      expect(
        await authorizeCredentials(
          { email: user.email, password: PASSWORD },
          arriving("10.20.0.1", "198.51.100.31"),
        ),
      ).toMatchObject({ id: String(user.id) });
    });
    const recorded = await prisma.signInAttempt.findMany({
      where: { email: user.email },
      orderBy: { id: "asc" },
    });
    expect(recorded.map((attempt) => attempt.address)).toEqual(["198.51.100.30", "198.51.100.31"]);
  });

  it("refuses a setting that is not a number of proxies", async () => {
    await expect(
      withTrustedProxies("yes", () => authorizeCredentials({}, arriving("192.0.2.11", "192.0.2.11"))),
    ).rejects.toThrow(/CLAIMDESK_TRUSTED_PROXIES/);
  });
});
