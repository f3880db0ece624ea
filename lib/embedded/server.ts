// Serves a PGlite data folder over the Postgres wire protocol, so the app keeps using `pg` and Prisma's adapter-pg.
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from "@electric-sql/pglite-socket";
import { lockDataDir } from "./data-dir-lock";
import { ConnectionQueue } from "./query-queue";

/** Every opener of a ClaimDesk data folder must load these, or statements using them fail after a reopen. */
export const embeddedExtensions = { pg_trgm };

const MAX_CONNECTIONS = 100;

export type EmbeddedServer = { url: string; port: number; stop(): Promise<void> };

export async function startEmbeddedServer(options: {
  dataDir: string;
  /** 0 picks any free port. */
  port?: number;
  host?: string;
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const host = options.host ?? "127.0.0.1";
  const lock = lockDataDir(dataDir);

  const connections = new Map<net.Socket, PGLiteSocketHandler>();
  let accept = (socket: net.Socket) => void socket.destroy(); // until PGlite is open
  const server = net.createServer((socket) => accept(socket));
  server.maxConnections = MAX_CONNECTIONS;

  let db: PGlite;
  try {
    // Listening first makes a busy port fail before the slow open of PGlite.
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    db = await PGlite.create({ dataDir, extensions: embeddedExtensions });
  } catch (error) {
    server.close();
    lock.release();
    throw error;
  }
  // An unhandled server error would take down the app that hosts the database.
  server.on("error", (error) => console.warn(`[embedded-db] ${error.message}`));

  const queue = new ConnectionQueue(db);
  accept = (socket) => {
    const handler = new PGLiteSocketHandler({
      // The option is typed as pglite-socket's own queue class (private fields), though the handler only calls the
      // SocketQueryQueue methods that ours implements.
      queryQueue: queue as unknown as PGLiteSocketHandlerOptions["queryQueue"],
      closeOnDetach: true,
    });
    connections.set(socket, handler);
    socket.on("close", () => connections.delete(socket));
    void handler.attach(socket);
  };

  const port = (server.address() as net.AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      const closed = new Promise((resolve) => server.close(resolve));
      // Detaching drops each connection's queued messages and rolls back its open transaction.
      await Promise.all([...connections.values()].map((handler) => handler.detach(true)));
      for (const socket of connections.keys()) socket.destroy();
      await closed;
      await queue.whenIdle();
      try {
        await db.close();
      } finally {
        lock.release();
      }
    })());

  return { url: `postgresql://postgres@${urlHost}:${port}/postgres`, port, stop };
}
