// proxy.ts puts the security headers on every response: which paths it runs for, and what it sets. The browser
// tests read them off the real server (tests/e2e/security-headers.spec.ts).
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { config, proxy } from "@/proxy";

// Pages ask whether the database is up before they render (tests/unit/proxy/database-unavailable.test.ts).
vi.mock("@/lib/data/availability", () => ({ databaseAvailable: async () => true }));

const ORIGIN = "http://127.0.0.1:3000";

describe("proxy.ts", () => {
  it("runs for pages, API routes, static files, the icon and prefetches alike", () => {
    const paths = [
      "/",
      "/claims",
      "/api/claims",
      "/icon.svg",
      "/favicon.ico",
      "/_next/static/chunks/main.js",
    ];
    const prefetches = [{}, { "next-router-prefetch": "1", rsc: "1" }, { purpose: "prefetch" }];
    for (const path of paths) {
      for (const headers of prefetches) {
        expect({
          path,
          headers,
          runs: unstable_doesMiddlewareMatch({ config, url: ORIGIN + path, headers }),
        }).toEqual({ path, headers, runs: true });
      }
    }
  });

  it("sets the policy with a fresh nonce, and the headers that forbid framing and sniffing", async () => {
    const first = (await proxy(new NextRequest(`${ORIGIN}/claims`))).headers;
    const second = (await proxy(new NextRequest(`${ORIGIN}/claims`))).headers;
    expect(first.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(first.get("content-security-policy")).not.toBe(second.get("content-security-policy"));
    expect(first.get("x-frame-options")).toBe("DENY");
    expect(first.get("x-content-type-options")).toBe("nosniff");
    expect(first.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });
});
