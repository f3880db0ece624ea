// Email-and-password check behind next-auth's Credentials provider, with the sign-in rate limit. Every failure
// looks the same from outside: unknown email, wrong password, disabled account, too many attempts.
import type { Actor } from "@/lib/auth/permissions";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/passwords";
import type { Prisma } from "@/lib/prisma-client";
import { signInSchema } from "@/lib/validations/users";

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
/** Failed attempts within the window after which an account stops accepting passwords until the window moves on. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Higher, because an office or a NAT shares one address among many honest people. */
export const MAX_FAILURES_PER_ADDRESS = 20;
/**
 * Attempts are kept this long for whoever investigates a break-in, then removed: the limits read only the last
 * window, and without an end a password-guessing script would grow the table for ever.
 */
export const SIGN_IN_RETENTION_MS = 30 * 24 * 60 * 60_000;
/** Removed per attempt: bounded, so that no sign-in waits on a large delete, and still more than attempts arrive. */
const PRUNED_PER_ATTEMPT = 100;

/**
 * First keys of the advisory locks (PostgreSQL's two-key form) that queue the attempts on one account, and on one
 * address. Separate spaces, so that an account's lock can never be an address's and two attempts cannot deadlock.
 */
const ACCOUNT_LOCK = 4_012_101;
const ADDRESS_LOCK = 4_012_102;

export async function authenticate(
  db: Prisma,
  credentials: unknown,
  address: string,
  now = new Date(),
): Promise<Actor | null> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const attempt = await recordAttempt(db, email, address.slice(0, 100), now);

  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  // A hash is always checked (a dummy one when this attempt may not check the account's), so timing does not tell
  // whether the account exists, is disabled or is locked.
  const verified =
    attempt.allowed && user
      ? await verifyPassword(user.passwordHash, password)
      : await verifyAgainstDummy(password);
  if (!verified || !user || user.disabledAt !== null) return null;
  await db.signInAttempt.update({ where: { id: attempt.id }, data: { succeeded: true } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/**
 * Counts the recent failures and records this attempt as one more, in one transaction under the account's and the
 * address's locks: attempts sent together queue there and each counts the ones before it, so no more passwords are
 * checked than the limits allow. An attempt stops being a failure only once its password has been checked.
 */
async function recordAttempt(
  db: Prisma,
  email: string,
  address: string,
  now: Date,
): Promise<{ id: number; allowed: boolean }> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  return db.$transaction(async (tx) => {
    // Always the account first, then the address: every attempt takes them in the same order.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ACCOUNT_LOCK}::int, hashtext(${email}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADDRESS_LOCK}::int, hashtext(${address}))`;
    const accountFailures = await tx.signInAttempt.count({
      where: { email, succeeded: false, at: { gte: since } },
    });
    const addressFailures = await tx.signInAttempt.count({
      where: { address, succeeded: false, at: { gte: since } },
    });
    const { id } = await tx.signInAttempt.create({
      data: { email, address, succeeded: false, at: now },
      select: { id: true },
    });
    // The oldest attempts have the lowest ids, so the primary key finds them without an index on the time.
    await tx.$executeRaw`DELETE FROM "SignInAttempt" WHERE "id" IN (
      SELECT "id" FROM "SignInAttempt" WHERE "at" < ${new Date(now.getTime() - SIGN_IN_RETENTION_MS)}
      ORDER BY "id" LIMIT ${PRUNED_PER_ATTEMPT})`;
    return {
      id,
      allowed: accountFailures < MAX_FAILURES_PER_ACCOUNT && addressFailures < MAX_FAILURES_PER_ADDRESS,
    };
  });
}
