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
  return limitKey(withoutIpv4Mapping(hops[Math.max(0, hops.length - 1 - trustedProxies)]!));
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

/**
 * An IPv6 client is counted by its /64 network: one subscriber gets at least a /64, and could sign in from a fresh
 * address of it for every attempt. Anything that is not an IPv6 address is counted as it is.
 */
function limitKey(address: string): string {
  const groups = ipv6Groups(address.replace(/%.*$/, ""));
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : address;
}

/** The eight groups of an IPv6 address, without leading zeros, or null when it is not one. */
function ipv6Groups(address: string): string[] | null {
  if (!address.includes(":")) return null;
  const halves = address.toLowerCase().split("::");
  if (halves.length > 2) return null;
  const [head, tail] = halves.map((half) => (half ? half.split(":") : []));
  const written = [...head!, ...(tail ?? [])];
  if (!written.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  const missing = 8 - written.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...head!, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...(tail ?? [])];
  return groups.map((group) => group.replace(/^0+(?=.)/, ""));
}
