// A signed-in session without the sign-in form, for the browser tests' fixtures and the bench: the same JWT
// cookie next-auth issues after a password check, minted with the server's secret.
import { encode } from "next-auth/jwt";

/** next-auth's cookie name over plain HTTP; behind HTTPS it gets the __Secure- prefix. */
export const SESSION_COOKIE = "next-auth.session-token";

export function mintSessionToken(userId: number, secret: string): Promise<string> {
  return encode({ token: { sub: String(userId) }, secret, maxAge: 60 * 60 });
}
