// A database that takes connections but never answers (a dropped network, a hung server) must not hold requests for
// ever: the pool gives up on the connection and the read fails as "unavailable", which pages and the API answer 503.
import net from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/data/errors";
import { createPrismaClient } from "@/lib/prisma-client";

let silent: net.Server;
const sockets = new Set<net.Socket>();
beforeAll(async () => {
  silent = net.createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  sockets.forEach((socket) => socket.destroy());
  await new Promise((resolve) => silent.close(resolve));
});

it("a read against a database that never answers fails as unavailable instead of waiting for ever", async () => {
  const { port } = silent.address() as net.AddressInfo;
  const db = createPrismaClient(`postgresql://claimdesk:secret@127.0.0.1:${port}/claimdesk`);
  try {
    const outcome = await db.claim.count().then(
      () => "answered",
      (error: unknown) => (isDatabaseUnavailable(error) ? "unavailable" : error),
    );
    expect(outcome).toBe("unavailable");
    expect(sockets.size).toBeGreaterThan(0);
  } finally {
    await db.$disconnect();
  }
});
