// The embedded database as the app and scripts see it: `pg` and Prisma over a socket, many clients at once.
// Starts its own servers in temp folders, so it needs no DATABASE_URL.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmbeddedServer, type EmbeddedServer } from "@/lib/embedded/server";
import { createPrismaClient } from "@/lib/prisma-client";
import { withPgClient } from "@/tests/helpers/db";

const repoRoot = path.resolve(import.meta.dirname, "../..");

let dataDir: string;
let server: EmbeddedServer;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "claimdesk-embedded-"));
  server = await startEmbeddedServer({ dataDir });
});

afterAll(async () => {
  await server?.stop();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

async function connectedClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  return client;
}

const md5 = (text: string) => crypto.createHash("md5").update(text).digest("hex");

describe("embedded server", () => {
  it("lands 400 concurrent inserts with large parameters in the right table, byte for byte", async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 20 });
    try {
      await pool.query(
        "create table docs_a (id int primary key, body text not null); create table docs_b (id int primary key, body text not null)",
      );
      const rows = Array.from({ length: 400 }, (_, id) => ({
        id,
        source: id % 2 === 0 ? "docs_a" : "docs_b",
        body: crypto.randomBytes(25_000 + crypto.randomInt(75_000)).toString("hex"), // 50-200 KB
      }));
      const groups = Array.from({ length: 100 }, (_, g) => rows.slice(g * 4, g * 4 + 4));
      const insert = (client: pg.Pool | pg.PoolClient, row: (typeof rows)[number]) =>
        client.query(`insert into ${row.source} (id, body) values ($1, $2)`, [row.id, row.body]);
      // Every fifth group goes in one explicit transaction, and every other one of those rolls back.
      const rolledBack = (g: number) => g % 10 === 0;
      await Promise.all(
        groups.map(async (group, g) => {
          if (g % 5 !== 0) return Promise.all(group.map((row) => insert(pool, row)));
          const client = await pool.connect();
          try {
            await client.query("begin");
            for (const row of group) await insert(client, row);
            await client.query(rolledBack(g) ? "rollback" : "commit");
          } finally {
            client.release();
          }
        }),
      );

      const stored = await pool.query(
        `select 'docs_a' as source, id, md5(body) from docs_a union all
         select 'docs_b' as source, id, md5(body) from docs_b order by id`,
      );
      const expected = rows
        .filter((row) => !rolledBack(Math.floor(row.id / 4)))
        .map((row) => ({ source: row.source, id: row.id, md5: md5(row.body) }));
      expect(stored.rows).toHaveLength(360);
      expect(stored.rows).toEqual(expected);
    } finally {
      await pool.end();
    }
  });

  it("keeps serving every connection while some statements fail", async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 10 });
    try {
      await pool.query("create table tags (id int primary key); insert into tags values (1)");
      const cases = Array.from(
        { length: 30 },
        (_, i) =>
          [
            { text: "selec 1", values: [], expected: "42601" }, // syntax error
            { text: "insert into tags values (1)", values: [], expected: "23505" }, // unique violation
            { text: "select $1::int as n", values: [i], expected: i },
          ][i % 3]!,
      );
      const outcomes = await Promise.all(
        cases.map(({ text, values }) =>
          pool.query<{ n: number }>(text, values).then(
            (result) => result.rows[0]?.n,
            (error: pg.DatabaseError) => error.code,
          ),
        ),
      );
      expect(outcomes).toEqual(cases.map((c) => c.expected));
    } finally {
      await pool.end();
    }
  });

  it("lets others go on once a transaction with a failed statement rolls back", async () => {
    const [owner, other] = [await connectedClient(), await connectedClient()];
    try {
      await owner.query("begin");
      await owner.query("insert into tags values (2)");
      await expect(owner.query("insert into tags values (1)")).rejects.toMatchObject({ code: "23505" });
      const waiting = other.query<{ n: number }>("select count(*)::int as n from tags");
      await owner.query("rollback");
      expect((await waiting).rows).toEqual([{ n: 1 }]);
      expect((await owner.query("select 1 as ok")).rows).toEqual([{ ok: 1 }]);
    } finally {
      await Promise.all([owner.end(), other.end()]);
    }
  });

  it("cuts off clients that break the protocol, and keeps serving old and new connections", async () => {
    // Each of these used to hang, crash or disable PGlite for every later connection.
    const startup = (params: string) => {
      const message = Buffer.alloc(8 + params.length);
      message.writeInt32BE(message.length, 0);
      message.writeInt32BE(0x0003_0000, 4); // protocol 3.0
      message.write(params, 8);
      return message;
    };
    const missingTerminator = startup("user\0postgres");
    const unknownMessageType = Buffer.concat([startup("user\0postgres\0\0"), Buffer.from("G\0\0\0\x04")]);

    const other = await connectedClient();
    try {
      for (const bytes of [missingTerminator, unknownMessageType]) {
        const socket = net.connect(server.port, "127.0.0.1");
        socket.on("error", () => {});
        const closed = new Promise((resolve) => socket.on("close", resolve));
        socket.resume(); // a paused socket would never read the server's close
        socket.write(bytes);
        await closed;
      }
      expect((await other.query("select 1 as ok")).rows).toEqual([{ ok: 1 }]);
      await withPgClient(
        async (client) => expect((await client.query("select 2 as ok")).rows).toEqual([{ ok: 2 }]),
        server.url,
      );
    } finally {
      await other.end();
    }
  });

  it("rolls back the open transaction of a client that disconnects, and the others proceed", async () => {
    await withPgClient((client) => client.query("create table notes (id int primary key)"), server.url);
    const [quitter, other] = [await connectedClient(), await connectedClient()];
    quitter.on("error", () => {}); // its socket is cut on purpose below
    try {
      await quitter.query("begin");
      await quitter.query("insert into notes values (1)");
      const waiting = other.query("insert into notes values (2)");
      quitter.connection.stream.destroy();
      await waiting;
      expect((await other.query("select id from notes order by id")).rows).toEqual([{ id: 2 }]);
    } finally {
      await other.end();
    }
  });

  it("speaks the protocol that pg and Prisma's adapter use", async () => {
    await withPgClient(async (client) => {
      await client.query("create table params (id int, t text, b bytea, j jsonb, at timestamptz, n numeric)");
      const insert = "insert into params values ($1, $2, $3, $4, $5, $6) returning id";
      const values = [
        1,
        "héllo",
        Buffer.from([0, 255]),
        { a: [1] },
        new Date("2026-01-02T03:04:05Z"),
        "1.50",
      ];
      await client.query({ name: "insert-param", text: insert, values });
      await client.query({ name: "insert-param", text: insert, values: [2, null, null, null, null, null] });
      const multi = (await client.query("select 1 as one; update params set n = 2 where id = 2")) as unknown;
      expect((multi as pg.QueryResult[]).map((result) => result.command)).toEqual(["SELECT", "UPDATE"]);
      expect((await client.query("select * from params order by id")).rows).toEqual([
        { id: 1, t: "héllo", b: Buffer.from([0, 255]), j: { a: [1] }, at: values[4], n: "1.50" },
        { id: 2, t: null, b: null, j: null, at: null, n: "2" },
      ]);
    }, server.url);

    const prisma = createPrismaClient(server.url);
    try {
      await prisma.$transaction(async (tx) => {
        await tx.$executeRaw`insert into params (id, t) values (${3}, ${"in a transaction"})`;
      });
      await expect(
        prisma.$transaction(async (tx) => {
          await tx.$executeRaw`insert into params (id) values (${4})`;
          throw new Error("abandoned");
        }),
      ).rejects.toThrow("abandoned");
      const rows = await prisma.$queryRaw<
        { id: number }[]
      >`select id from params where id > ${2} order by id`;
      expect(rows).toEqual([{ id: 3 }]);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("has pg_trgm, including the trigram index the schema declares", async () => {
    const score = await withPgClient(async (client) => {
      await client.query("create extension if not exists pg_trgm");
      await client.query(
        "create table entities (name text); create index on entities using gin (name gin_trgm_ops)",
      );
      return (await client.query<{ score: number }>("select similarity('Huawei', 'Hauwei') as score")).rows[0]
        ?.score;
    }, server.url);
    expect(score).toBeCloseTo(3 / 11, 5);
  });

  it("refuses a second opener of its folder, in this process and in another, while it keeps working", async () => {
    const refusal = await startEmbeddedServer({ dataDir }).then(
      () => "opened twice",
      (error: Error) => error.message,
    );
    expect(refusal).toContain(dataDir);
    expect(refusal).toContain(`process ${process.pid}`);

    const other = await runCli(["lib/cli/embedded-db.ts", "--data-dir", dataDir, "--port", "0"]);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain(dataDir);
    expect(other.stderr).toContain(`process ${process.pid}`);

    await withPgClient(
      async (client) => expect((await client.query("select 1 as ok")).rows).toEqual([{ ok: 1 }]),
      server.url,
    );
  });

  it("opens its folder again after stop() with the data kept, taking over a lock a dead process left", async () => {
    await withPgClient(
      (client) => client.query("create table kept (note text); insert into kept values ('still here')"),
      server.url,
    );
    await server.stop();
    const lockPath = path.join(dataDir, "claimdesk.lock");
    await expect(fs.access(lockPath)).rejects.toThrow();

    // What a crash leaves behind: a lock naming a process that no longer runs.
    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid;
    await fs.writeFile(
      lockPath,
      JSON.stringify({ pid: deadPid, startedAt: new Date().toISOString(), token: "crashed" }),
    );
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      server = await startEmbeddedServer({ dataDir });
      expect(warn).toHaveBeenCalledWith(
        expect.stringContaining(`stale lock on ${dataDir} (process ${deadPid}`),
      );
    } finally {
      warn.mockRestore();
    }

    await withPgClient(async (client) => {
      expect((await client.query("select note from kept")).rows).toEqual([{ note: "still here" }]);
    }, server.url);
  });
});

function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(repoRoot, "node_modules/.bin/tsx"), args, {
      cwd: repoRoot,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}
