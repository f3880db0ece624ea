// proxy.ts refuses the server action requests Next.js would refuse (next/dist/server/app-render/action-handler.js
// answers them 500) with 403 for another site's and 413 for an oversized one, and lets every other request through.
// The browser tests send the same requests to the real server (tests/e2e/server-action-refusals.spec.ts).
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ACTION_BODY_LIMIT_BYTES,
  ACTION_FROM_ANOTHER_SITE_MESSAGE,
  ACTION_TOO_LARGE_MESSAGE,
} from "@/lib/actions/limits";
import nextConfig from "@/next.config";
import { proxy } from "@/proxy";

// Pages ask whether the database is up before they render (tests/unit/proxy/database-unavailable.test.ts).
vi.mock("@/lib/data/availability", () => ({ databaseAvailable: async () => true }));

const HOST = "127.0.0.1:3000";

function post(path: string, headers: Record<string, string>) {
  return proxy(
    new NextRequest(`http://${HOST}${path}`, { method: "POST", headers: { host: HOST, ...headers } }),
  );
}

const action = (headers: Record<string, string>) => post("/claims/1", { "next-action": "7f00", ...headers });

/** What the proxy did: passed the request on to Next.js, or answered it with a status and a message. */
async function outcome(answer: Promise<Response>) {
  const response = await answer;
  if (response.headers.get("x-middleware-next") === "1") return "passed";
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    body: await response.text(),
    framing: response.headers.get("x-frame-options"),
  };
}

const refusedAsForeign = {
  status: 403,
  type: "text/plain",
  body: ACTION_FROM_ANOTHER_SITE_MESSAGE,
  framing: "DENY",
};
const refusedAsTooLarge = {
  status: 413,
  type: "text/plain",
  body: ACTION_TOO_LARGE_MESSAGE,
  framing: "DENY",
};

afterEach(() => {
  delete process.env.NEXTAUTH_URL;
});

describe("proxy.ts and server actions", () => {
  it("refuses an action from another site with 403, the message the form shows, and the usual headers", async () => {
    expect(await outcome(action({ origin: "https://evil.example" }))).toEqual(refusedAsForeign);
    // Same host, another port is another origin.
    expect(await outcome(action({ origin: "http://127.0.0.1:4000" }))).toEqual(refusedAsForeign);
    // A sandboxed page sends "null"; a malformed origin is no better.
    expect(await outcome(action({ origin: "null" }))).toEqual(refusedAsForeign);
    expect(await outcome(action({ origin: "not a url" }))).toEqual(refusedAsForeign);
    // A form posted before the page's script ran names no action but is one.
    expect(
      await outcome(
        post("/claims/1", {
          origin: "https://evil.example",
          "content-type": "multipart/form-data; boundary=x",
        }),
      ),
    ).toEqual(refusedAsForeign);
  });

  it("lets the app's own actions through, as Next.js would", async () => {
    expect(await outcome(action({ origin: `http://${HOST}` }))).toBe("passed");
    // Behind a proxy that names the host it was asked for.
    expect(
      await outcome(
        action({
          origin: "https://claims.example.org",
          "x-forwarded-host": "claims.example.org, internal:3000",
        }),
      ),
    ).toBe("passed");
    // Behind one that does not: the public address in NEXTAUTH_URL.
    process.env.NEXTAUTH_URL = "https://claims.example.org/";
    expect(await outcome(action({ origin: "https://claims.example.org" }))).toBe("passed");
    expect(await outcome(action({ origin: "https://other.example.org" }))).toEqual(refusedAsForeign);
    // Without an Origin (not a browser), Next.js runs it too: nothing is shared with such a client unasked.
    expect(await outcome(action({}))).toBe("passed");
  });

  it("leaves requests that are not server actions alone", async () => {
    const foreign = { origin: "https://evil.example" };
    // next-auth's sign-in posts a urlencoded form to a route handler, with its own CSRF token.
    expect(
      await outcome(
        post("/api/auth/callback/credentials", {
          ...foreign,
          "content-type": "application/x-www-form-urlencoded",
        }),
      ),
    ).toBe("passed");
    expect(await outcome(post("/api/claims", { ...foreign, "next-action": "7f00" }))).toBe("passed");
    expect(await outcome(post("/claims/1", { ...foreign, "content-type": "application/json" }))).toBe(
      "passed",
    );
    const get = proxy(
      new NextRequest(`http://${HOST}/claims/1`, { headers: { ...foreign, "next-action": "7f00" } }),
    );
    expect(await outcome(get)).toBe("passed");
  });

  it("refuses a body over the limit with 413, and one at the limit goes through", async () => {
    const same = { origin: `http://${HOST}` };
    expect(await outcome(action({ ...same, "content-length": String(ACTION_BODY_LIMIT_BYTES + 1) }))).toEqual(
      refusedAsTooLarge,
    );
    expect(await outcome(action({ ...same, "content-length": String(ACTION_BODY_LIMIT_BYTES) }))).toBe(
      "passed",
    );
    // Next.js checks the origin first, and so does the proxy.
    expect(
      await outcome(
        action({ origin: "https://evil.example", "content-length": String(ACTION_BODY_LIMIT_BYTES + 1) }),
      ),
    ).toEqual(refusedAsForeign);
  });

  it("counts a body sent in chunks without a Content-Length, refusing it past the limit", async () => {
    const same = { origin: `http://${HOST}`, "next-action": "7f00" };
    const chunked = (bytes: number) => {
      const chunk = new Uint8Array(64 * 1024).fill(120);
      let left = bytes;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (left <= 0) return controller.close();
          controller.enqueue(chunk.subarray(0, Math.min(left, chunk.length)));
          left -= chunk.length;
        },
      });
      // Node asks for `duplex` with a streamed body; TypeScript's DOM types do not know it yet.
      const init: RequestInit & { duplex: "half" } = {
        method: "POST",
        headers: { host: HOST, ...same },
        body,
        duplex: "half",
      };
      return proxy(new NextRequest(new Request(`http://${HOST}/claims/1`, init)));
    };
    expect(await outcome(chunked(ACTION_BODY_LIMIT_BYTES + 1))).toEqual(refusedAsTooLarge);
    expect(await outcome(chunked(ACTION_BODY_LIMIT_BYTES))).toBe("passed");
  });

  it("gives Next.js the same limit, and the message names it", () => {
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(ACTION_BODY_LIMIT_BYTES);
    expect(ACTION_TOO_LARGE_MESSAGE).toContain("1 MB");
  });
});
