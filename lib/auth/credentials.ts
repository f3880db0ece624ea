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

export async function authenticate(
  db: Prisma,
  credentials: unknown,
  address: string,
  now = new Date(),
): Promise<Actor | null> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const [accountFailures, addressFailures] = await Promise.all([
    db.signInAttempt.count({ where: { email, succeeded: false, at: { gte: since } } }),
    db.signInAttempt.count({ where: { address, succeeded: false, at: { gte: since } } }),
  ]);
  const limited = accountFailures >= MAX_FAILURES_PER_ACCOUNT || addressFailures >= MAX_FAILURES_PER_ADDRESS;

  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  // The hash is always checked (against a dummy when there is nothing to check), so timing does not tell
  // whether the account exists, is disabled or is locked.
  const verified = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyAgainstDummy(password);
  const succeeded = verified && !limited && user !== null && user.disabledAt === null;
  await db.signInAttempt.create({ data: { email, address: address.slice(0, 100), succeeded, at: now } });
  return succeeded ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
}
