// Security headers for every response, with a Content-Security-Policy whose script-src allows
// only this response's nonce: Next.js puts it on its own scripts (it reads the policy from the request
// headers) and the layout hands it to next-themes' inline script. Anything injected into a page cannot run.
// It also keeps a client from choosing the address the sign-in limit counts it under (lib/auth/client-address.ts).
import { NextResponse, type NextRequest } from "next/server";
import { RECEIVED_FORWARDED_FOR } from "@/lib/auth/client-address";

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

export function proxy(request: NextRequest) {
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

  const response = NextResponse.next({ request: { headers: requestHeaders } });
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
