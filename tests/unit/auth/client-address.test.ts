// Which address a sign-in counts under: proxy.ts's part (what it passes on) and clientAddress's (what it believes).
// The header values are the ones `next start` and `next dev` (16.4.6) hand a route handler, read off a route that
// echoed them: X-Forwarded-For is the socket's peer once proxy.ts has dropped what arrived, and the received value
// is the client's header, or the peer when it sent none (Next.js fills the header in before the proxy runs).
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { RECEIVED_FORWARDED_FOR, clientAddress } from "@/lib/auth/client-address";
import { config, proxy } from "@/proxy";

const SIGN_IN = "http://127.0.0.1:3000/api/auth/callback/credentials";

/** The request headers proxy.ts hands on to the route, as Next.js reads them off its response. */
async function forwardedByProxy(headers: Record<string, string>): Promise<Record<string, string | null>> {
  const response = await proxy(new NextRequest(SIGN_IN, { method: "POST", headers }));
  const names = response.headers.get("x-middleware-override-headers")!.split(",");
  return Object.fromEntries(
    ["x-forwarded-for", RECEIVED_FORWARDED_FOR].map((name) => [
      name,
      names.includes(name) ? response.headers.get(`x-middleware-request-${name}`) : null,
    ]),
  );
}

describe("proxy.ts", () => {
  it("drops X-Forwarded-For, so that Next.js names the peer, and keeps what arrived aside", async () => {
    expect(await forwardedByProxy({ "x-forwarded-for": "203.0.113.7, 198.51.100.2" })).toEqual({
      "x-forwarded-for": null,
      [RECEIVED_FORWARDED_FOR]: "203.0.113.7, 198.51.100.2",
    });
  });

  it("passes on no received value of the client's own making", async () => {
    expect(await forwardedByProxy({ [RECEIVED_FORWARDED_FOR]: "203.0.113.7" })).toEqual({
      "x-forwarded-for": null,
      [RECEIVED_FORWARDED_FOR]: null,
    });
  });

  it("runs for the sign-in, prefetch headers or not", () => {
    for (const headers of [{}, { "next-router-prefetch": "1" }, { purpose: "prefetch" }]) {
      expect(unstable_doesMiddlewareMatch({ config, url: SIGN_IN, headers })).toBe(true);
    }
  });
});

describe("clientAddress", () => {
  const forged = { "x-forwarded-for": "127.0.0.1", [RECEIVED_FORWARDED_FOR]: "203.0.113.7" };

  it("is the peer when no proxy is trusted, whatever the client sent", () => {
    expect(clientAddress(forged, 0)).toBe("127.0.0.1");
    expect(clientAddress({ "x-forwarded-for": "127.0.0.1", [RECEIVED_FORWARDED_FOR]: "127.0.0.1" }, 0)).toBe(
      "127.0.0.1",
    );
  });

  it("is the entry the nearest trusted proxy appended, not the ones the client put before it", () => {
    const viaProxy = {
      "x-forwarded-for": "10.0.0.2",
      [RECEIVED_FORWARDED_FOR]: "203.0.113.7, 198.51.100.20",
    };
    expect(clientAddress(viaProxy, 1)).toBe("198.51.100.20");
    const viaTwo = {
      "x-forwarded-for": "10.0.0.3",
      [RECEIVED_FORWARDED_FOR]: "203.0.113.7, 198.51.100.20, 10.0.0.2",
    };
    expect(clientAddress(viaTwo, 2)).toBe("198.51.100.20");
    expect(clientAddress(viaTwo, 0)).toBe("10.0.0.3");
  });

  it("reads repeated headers as one list and stops at the first entry when the chain is shorter than trusted", () => {
    expect(
      clientAddress(
        { "x-forwarded-for": "10.0.0.2", [RECEIVED_FORWARDED_FOR]: ["203.0.113.7", " 198.51.100.20 "] },
        1,
      ),
    ).toBe("198.51.100.20");
    expect(
      clientAddress({ "x-forwarded-for": "10.0.0.2", [RECEIVED_FORWARDED_FOR]: "198.51.100.20" }, 5),
    ).toBe("198.51.100.20");
  });

  it("names an IPv4 peer of a dual-stack socket as a proxy would, and falls back to one shared key", () => {
    expect(clientAddress({ "x-forwarded-for": "::ffff:192.0.2.1" }, 0)).toBe("192.0.2.1");
    expect(clientAddress({ "x-forwarded-for": "::1" }, 0)).toBe("0:0:0:0::/64");
    expect(clientAddress({}, 0)).toBe("unknown");
    expect(clientAddress({ [RECEIVED_FORWARDED_FOR]: "203.0.113.7" }, 1)).toBe("unknown");
  });

  it("counts an IPv6 client by its /64, however it writes the address, so rotating within it changes nothing", () => {
    const key = (address: string) => clientAddress({ "x-forwarded-for": address }, 0);
    expect(key("2001:db8:12:34::1")).toBe("2001:db8:12:34::/64");
    expect(key("2001:0DB8:0012:0034:ffff:1:2:3")).toBe("2001:db8:12:34::/64");
    expect(key("2001:db8:12:34:1::%eth0")).toBe("2001:db8:12:34::/64");
    expect(key("2001:db8:12:35::1")).toBe("2001:db8:12:35::/64");
    expect(key("2001:db8::")).toBe("2001:db8:0:0::/64");
    // Not an IPv6 address: counted as written.
    expect(key("2001:db8::1::2")).toBe("2001:db8::1::2");
    expect(key("1:2:3:4:5:6:7:8:9")).toBe("1:2:3:4:5:6:7:8:9");
  });
});
