import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { SIGN_IN_DATABASE_UNAVAILABLE } from "@/lib/auth/sign-in-errors";
import { DATABASE_RETRY_AFTER_S } from "@/lib/data/errors";

const handler = NextAuth(authOptions);

/**
 * next-auth answers every failed sign-in from the form (its JSON callback) with 401, a database out of reach
 * included. That one is 503 with Retry-After, as every other request answers then, so that a client or a monitor can
 * tell "wrong password" from "try again"; the body is next-auth's, which the form reads for the error's code.
 */
async function POST(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const response: Response = await handler(request, context);
  if (response.status !== 401) return response;
  const answer: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  const url = (answer as { url?: unknown } | null)?.url;
  if (typeof url !== "string" || URL.parse(url)?.searchParams.get("error") !== SIGN_IN_DATABASE_UNAVAILABLE) {
    return response;
  }
  const headers = new Headers(response.headers);
  headers.set("retry-after", String(DATABASE_RETRY_AFTER_S));
  return new Response(response.body, { status: 503, headers });
}

export { handler as GET, POST };
