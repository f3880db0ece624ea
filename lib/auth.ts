// next-auth (v4) with email and password, JWT sessions. The token only names the user: role and "disabled"
// are read from the database on every request (getCurrentUser), so an admin's change applies at once.
import "server-only";
import type { NextAuthOptions, User } from "next-auth";
import { getToken } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { NextRequest } from "next/server";
import { cache } from "react";
import { clientAddress } from "@/lib/auth/client-address";
import { authenticate } from "@/lib/auth/credentials";
import type { Actor } from "@/lib/auth/permissions";
import { SIGN_IN_DATABASE_UNAVAILABLE } from "@/lib/auth/sign-in-errors";
import { isDatabaseUnavailable, warnDatabaseUnavailable } from "@/lib/data/errors";
import { getDb } from "@/lib/db";
import { trustedProxyCount } from "@/lib/env";

/** A working day; sessions end sooner when the account is disabled (checked per request). */
const SESSION_MAX_AGE_S = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      authorize: authorizeCredentials,
    }),
  ],
  callbacks: {
    // Only the id goes into the token: anything else there (the role) would go stale when an admin changes it.
    jwt: ({ token, user }) =>
      user ? { sub: user.id, iat: token.iat, exp: token.exp, jti: token.jti } : token,
    session: ({ session, token }) => ({ expires: session.expires, user: { id: token.sub } }),
  },
};

/** The password check behind the sign-in form, with its limits counted per account and per client address. */
export async function authorizeCredentials(
  credentials: unknown,
  request: { headers?: Record<string, string | string[] | undefined> },
): Promise<User | null> {
  const address = clientAddress(request.headers ?? {}, trustedProxyCount());
  let actor: Actor | null;
  try {
    actor = await authenticate(getDb(), credentials, address);
  } catch (error) {
    // Not a wrong password: the form says the database is unavailable rather than that the sign-in failed.
    if (!isDatabaseUnavailable(error)) throw error;
    warnDatabaseUnavailable("A sign-in", error);
    throw new Error(SIGN_IN_DATABASE_UNAVAILABLE);
  }
  return actor ? { id: String(actor.id), email: actor.email, name: actor.name } : null;
}

/**
 * The signed-in user, or null when signed out, when the account is disabled or no longer exists. Read from the
 * session cookie as a route handler reads it: getServerSession would run next-auth's whole session endpoint for each
 * page and action, and in the App Router it cannot renew the cookie anyway (the browser's session endpoint does).
 */
export const getCurrentUser = cache(async (): Promise<Actor | null> =>
  getRequestUser(new Request("http://localhost/", { headers: await headers() })),
);

/**
 * The same for a route handler, from the request's own session cookie: it needs no request scope, so the handlers
 * can be called directly in integration tests.
 */
export async function getRequestUser(request: Request): Promise<Actor | null> {
  // Headers only: wrapping the request itself would lock its body, which an upload's handler reads next.
  const token = await getToken({ req: new NextRequest(request.url, { headers: request.headers }) });
  return activeAccount(token?.sub);
}

async function activeAccount(sessionUserId: string | undefined): Promise<Actor | null> {
  const id = Number(sessionUserId);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const user = await getDb().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
