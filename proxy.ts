// Security headers for every response, with a Content-Security-Policy whose script-src allows
// only this response's nonce: Next.js puts it on its own scripts (it reads the policy from the request
// headers) and the layout hands it to next-themes' inline script. Anything injected into a page cannot run.
// It also keeps a client from choosing the address the sign-in limit counts it under (lib/auth/client-address.ts),
// refuses the server action requests Next.js would refuse, with the status that says why, and answers a page 503
// while the database is unavailable.
import { isCsrfOriginAllowed } from "next/dist/server/app-render/csrf-protection";
import { NextResponse, type NextRequest } from "next/server";
import {
  ACTION_BODY_LIMIT_BYTES,
  ACTION_FROM_ANOTHER_SITE_MESSAGE,
  ACTION_TOO_LARGE_MESSAGE,
  allowedActionOrigins,
} from "@/lib/actions/limits";
import { RECEIVED_FORWARDED_FOR } from "@/lib/auth/client-address";
import { databaseAvailable } from "@/lib/data/availability";
import { DATABASE_RETRY_AFTER_S } from "@/lib/data/errors";

export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    // React's development build evaluates strings for its error overlay and stack traces; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Style attributes (Recharts, React's style prop) cannot carry nonces; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Why Next.js would refuse a server action request before running it, if it would. It checks a POST to a page that
 * names an action (Next-Action, from the app's forms) or posts a multipart form (a form sent before the page's script
 * ran): an Origin that is neither the Host (or X-Forwarded-Host) nor an allowed origin, then a body over the limit.
 * It answers both with 500 (next/dist/server/app-render/action-handler.js); the same checks here answer 403 and 413.
 */
async function refusedAction(request: NextRequest): Promise<{ status: 403 | 413; message: string } | null> {
  const { pathname } = request.nextUrl;
  const isAction =
    request.method === "POST" &&
    !pathname.startsWith("/api/") &&
    (request.headers.has("next-action") ||
      (request.headers.get("content-type") ?? "").startsWith("multipart/form-data"));
  if (!isAction) return null;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    const originHost = originHostOf(origin);
    const host =
      request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
    if (originHost !== host && !isCsrfOriginAllowed(originHost, allowedActionOrigins())) {
      return { status: 403, message: ACTION_FROM_ANOTHER_SITE_MESSAGE };
    }
  }
  if (await bodyOverLimit(request)) return { status: 413, message: ACTION_TOO_LARGE_MESSAGE };
  return null;
}

/**
 * By its Content-Length, or, for a body sent in chunks without one, by counting it as it arrives, as Next.js would,
 * and stopping at the limit. Next.js hands the proxy a copy of the body and keeps what it reads for the action.
 */
async function bodyOverLimit(request: NextRequest): Promise<boolean> {
  const declared = request.headers.get("content-length");
  if (declared !== null) return Number(declared) > ACTION_BODY_LIMIT_BYTES;
  if (!request.body) return false;
  const reader = request.body.getReader();
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    received += value.byteLength;
    if (received > ACTION_BODY_LIMIT_BYTES) {
      await reader.cancel();
      return true;
    }
  }
}

/** As Next.js reads it: the Origin's host and port, or "null" as it came (a sandboxed or privacy-minded page). */
function originHostOf(origin: string): string {
  if (origin === "null") return origin;
  try {
    return new URL(origin).host;
  } catch {
    return "";
  }
}

/** A page's document or the payload of a client-side navigation to it: not the API, Next.js's files or ours. */
function isPageRequest(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  return (
    (request.method === "GET" || request.method === "HEAD") &&
    !pathname.startsWith("/_next/") &&
    !pathname.startsWith("/api/") &&
    !/\.[a-z0-9]+$/i.test(pathname)
  );
}

/**
 * Next.js answers 500 for a page whose rendering fails before it streams, a database out of reach included (only
 * notFound(), forbidden(), unauthorized() and redirects set another status, in next/dist/server/app-render/
 * app-render.js), and no page can choose 503. So the proxy asks first whether the database takes connections, and
 * answers this page itself when it does not. Plain HTML without script; a client-side navigation that gets it loads
 * it as a page.
 */
const UNAVAILABLE_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Database unavailable · ClaimDesk</title>
</head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; max-width: 36rem; margin: 4rem auto; padding: 0 1rem">
<h1>The database is unavailable</h1>
<p>ClaimDesk cannot reach its database at the moment, so this page cannot be shown. Nothing saved is lost: try again in a moment.</p>
<p><a href="">Try again</a></p>
</body>
</html>
`;

export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  // Next.js names the socket's peer in x-forwarded-for only when the request brings none: without it here, Next.js
  // fills in the peer for the page or route, and what arrived is kept aside for lib/auth/client-address.ts to weigh.
  const received = request.headers.get("x-forwarded-for");
  requestHeaders.delete("x-forwarded-for");
  if (received) requestHeaders.set(RECEIVED_FORWARDED_FOR, received);
  else requestHeaders.delete(RECEIVED_FORWARDED_FOR);

  const refused = await refusedAction(request);
  let response: NextResponse;
  if (refused) {
    // Plain text, exactly "text/plain": the client of a server action then throws the body as the error's message,
    // which lib/actions/send-action.ts turns into the form's message.
    response = new NextResponse(refused.message, {
      status: refused.status,
      headers: { "content-type": "text/plain", "cache-control": "no-store" },
    });
  } else if (isPageRequest(request) && !(await databaseAvailable())) {
    response = new NextResponse(UNAVAILABLE_PAGE, {
      status: 503,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        "retry-after": String(DATABASE_RETRY_AFTER_S),
      },
    });
  } else {
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("content-security-policy", policy);
  response.headers.set("x-content-type-options", "nosniff");
  response.headers.set("x-frame-options", "DENY");
  response.headers.set("referrer-policy", "strict-origin-when-cross-origin");
  response.headers.set("permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  response.headers.set("cross-origin-opener-policy", "same-origin");
  return response;
}

export const config = {
  // Every path, static files and prefetches included: the headers are for every response, and no header a client
  // chooses may be a way around the proxy (and the address it settles for the sign-in limit).
  matcher: "/:path*",
};
