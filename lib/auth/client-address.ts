// The address the per-address sign-in limit counts. Next.js writes the socket's peer into X-Forwarded-For only when
// a request arrives without one, so whatever a client sends there would pass for its address. proxy.ts therefore
// moves the header as it arrived into RECEIVED_FORWARDED_FOR and drops it; Next.js then fills X-Forwarded-For with
// the peer before the page or route handler runs.

/** What arrived in X-Forwarded-For, or the peer when nothing did (Next.js fills it before the proxy runs). */
export const RECEIVED_FORWARDED_FOR = "x-claimdesk-received-forwarded-for";

type RequestHeaders = Record<string, string | string[] | undefined>;

/**
 * With `trustedProxies` reverse proxies in front, each appending the address it was reached from, the client is that
 * many hops left of the peer; anything further left was written by the client and proves nothing. Without a peer
 * (a request that did not go through proxy.ts and Next.js) every such request shares one address.
 */
export function clientAddress(headers: RequestHeaders, trustedProxies: number): string {
  const peer = entries(headers["x-forwarded-for"]).at(-1);
  if (!peer) return "unknown";
  const hops = [...entries(headers[RECEIVED_FORWARDED_FOR]), peer];
  return withoutIpv4Mapping(hops[Math.max(0, hops.length - 1 - trustedProxies)]!);
}

function entries(value: string | string[] | undefined): string[] {
  return [value ?? []]
    .flat()
    .flatMap((line) => line.split(","))
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** A dual-stack socket names an IPv4 peer "::ffff:192.0.2.1", a proxy names it "192.0.2.1": one client, one key. */
function withoutIpv4Mapping(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
}
