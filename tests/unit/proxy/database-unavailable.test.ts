// While the database is unavailable, proxy.ts answers a page with 503 and Retry-After before Next.js renders it (it
// would answer 500); the API, Next.js's files and server actions answer for themselves. The browser test stops a real
// database under a real server (tests/e2e/database-unavailable.spec.ts).
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { proxy } from "@/proxy";

const database = vi.hoisted(() => ({ available: true }));
vi.mock("@/lib/data/availability", () => ({ databaseAvailable: async () => database.available }));

const ORIGIN = "http://127.0.0.1:3000";

async function get(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  const response = await proxy(new NextRequest(`${ORIGIN}${path}`, init));
  return {
    status: response.headers.get("x-middleware-next") === "1" ? "passed" : response.status,
    retryAfter: response.headers.get("retry-after"),
    policy: response.headers.get("content-security-policy") !== null,
    body: await response.text(),
  };
}

beforeEach(() => {
  database.available = false;
});

describe("proxy.ts while the database is unavailable", () => {
  it("answers a page 503 with Retry-After, a page saying so and the usual headers", async () => {
    for (const path of ["/", "/claims", "/claims/12", "/sign-in"]) {
      expect(await get(path)).toEqual({
        status: 503,
        retryAfter: "5",
        policy: true,
        body: expect.stringContaining("The database is unavailable"),
      });
    }
    // A client-side navigation asks for the page's payload; it gets the same, and loads it as a page.
    expect((await get("/claims", { headers: { rsc: "1" } })).status).toBe(503);
    expect((await get("/claims", { method: "HEAD" })).status).toBe(503);
  });

  it("passes everything else on: the API (503 from its own handlers), files, server actions", async () => {
    for (const path of [
      "/api/claims",
      "/api/health",
      "/_next/static/chunks/main.js",
      "/icon.svg",
      "/favicon.ico",
    ]) {
      expect((await get(path)).status).toBe("passed");
    }
    const action = await get("/claims/12", {
      method: "POST",
      headers: { host: "127.0.0.1:3000", origin: ORIGIN, "next-action": "7f00" },
    });
    expect(action.status).toBe("passed");
  });

  it("passes pages on while the database is available", async () => {
    database.available = true;
    expect((await get("/claims")).status).toBe("passed");
  });
});
