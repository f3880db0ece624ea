// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes), the library's defaults.
import { hash, verify } from "@node-rs/argon2";

/** Long enough to resist guessing without a rate limit; no composition rules (NIST SP 800-63B). */
export const MIN_PASSWORD_LENGTH = 12;
/** argon2 hashes any length, but megabytes of "password" are a denial-of-service, not a password. */
export const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash must fail closed, never throw a sign-in into an error page.
    return false;
  }
}

/** Verified when no account matches, so a wrong email takes as long as a wrong password. */
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hash("claimdesk-timing-equaliser");
  await verifyPassword(await dummyHash, password);
  return false;
}
