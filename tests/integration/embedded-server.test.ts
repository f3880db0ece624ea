// The embedded PostgreSQL as `npm run dev`, the CLI and the tests share it: one server per data folder, started by
// the first process that asks, kept while any holder lives, stopped by the last. Makes its own folders, so it needs
// no DATABASE_URL.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { acquireEmbeddedServer, reachableDataDir, type EmbeddedServer } from "@/lib/embedded/postgres";
import { lockWaiters, withPgClient } from "@/tests/helpers/db";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function scratchFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-embedded-"));
  // The server may run as another account (postgres, when the tests run as root).
  fs.chmodSync(folder, 0o755);
  cleanups.push(() => fs.rmSync(folder, { recursive: true, force: true }));
  return path.join(folder, "postgres");
}

async function acquire(dataDir: string): Promise<EmbeddedServer> {
  const server = await acquireEmbeddedServer({ dataDir, database: "app", durable: false });
  cleanups.push(() => server.release());
  return server;
}

/** Another process holding the server, as a running `npm run dev` would. */
async function holdInChild(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  // Node itself with tsx loaded, not `npx tsx`, whose wrapper processes would outlive a kill.
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "tests/fixtures/hold-embedded-server.ts", dataDir],
    {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  cleanups.push(() => {
    child.kill("SIGKILL");
  });
  const url = await firstLine(child);
  return { child, url };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`holder exited with ${code} before printing its URL`)));
  });
}

async function query(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

const serverPid = (dataDir: string) =>
  Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
const isRunning = (dataDir: string) => fs.existsSync(path.join(dataDir, "postmaster.pid"));

describe("embedded PostgreSQL", () => {
  it("is a real PostgreSQL 18 with the extensions the migrations need", async () => {
    const server = await acquire(scratchFolder());
    const { rows } = await query(
      server.url,
      "CREATE EXTENSION pg_trgm; CREATE EXTENSION unaccent; CREATE EXTENSION btree_gin; SELECT current_setting('server_version_num')::int AS version",
    ).then((results) => (results as unknown as pg.QueryResult[]).at(-1)!);
    expect(rows[0].version).toBeGreaterThanOrEqual(180000);
  });

  it("runs transactions side by side: one waits on another's row lock, then goes on", async () => {
    const server = await acquire(scratchFolder());
    await query(
      server.url,
      "CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL); INSERT INTO counter VALUES (1, 0)",
    );
    const first = new pg.Client({ connectionString: server.url });
    const second = new pg.Client({ connectionString: server.url });
    await Promise.all([first.connect(), second.connect()]);
    cleanups.push(() => Promise.all([first.end(), second.end()]).then(() => {}));
    await first.query("BEGIN; UPDATE counter SET n = n + 1 WHERE id = 1");
    await second.query("BEGIN");
    const blocked = second.query("UPDATE counter SET n = n + 10 WHERE id = 1 RETURNING n");
    // The second update shows as waiting on a lock while the first transaction is open.
    await expect.poll(() => withPgClient(lockWaiters, server.url)).toBe(1);
    await first.query("COMMIT");
    expect((await blocked).rows[0].n).toBe(11);
    await second.query("COMMIT");
  });

  it("is shared by a second process, survives the first one's exit and stops with the last holder", async () => {
    const dataDir = scratchFolder();
    const mine = await acquire(dataDir);
    await query(mine.url, "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('kept')");
    expect(mine.shared).toBe(false);
    const other = await holdInChild(dataDir);
    expect(new URL(other.url).port).toBe(String(mine.port));
    const again = await acquire(dataDir);
    expect(again.shared).toBe(true);
    await again.release();
    await mine.release();
    expect(isRunning(dataDir)).toBe(true);
    expect((await query(other.url, "SELECT body FROM notes")).rows).toEqual([{ body: "kept" }]);

    other.child.kill("SIGTERM");
    await new Promise((resolve) => other.child.once("exit", resolve));
    expect(isRunning(dataDir)).toBe(false);
    await expect(query(other.url, "SELECT 1")).rejects.toThrow(/ECONNREFUSED/);
  });

  it("adopts a server whose holder was killed, and stops it when done", async () => {
    const dataDir = scratchFolder();
    const orphaned = await holdInChild(dataDir);
    orphaned.child.kill("SIGKILL");
    await new Promise((resolve) => orphaned.child.once("exit", resolve));
    const pid = serverPid(dataDir);

    const server = await acquireEmbeddedServer({ dataDir, database: "app", durable: false });
    expect(serverPid(dataDir)).toBe(pid);
    expect(server.url).toBe(orphaned.url);
    // A holder that died holds nothing.
    expect(server.shared).toBe(false);
    await server.release();
    expect(isRunning(dataDir)).toBe(false);
  });

  it("keeps its data across a stop and a start", async () => {
    const dataDir = scratchFolder();
    const first = await acquireEmbeddedServer({ dataDir, database: "app" });
    await query(first.url, "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('kept')");
    await first.release();
    const second = await acquire(dataDir);
    expect((await query(second.url, "SELECT body FROM notes")).rows).toEqual([{ body: "kept" }]);
  });

  it("refuses, with what to do, a data folder whose state file (and password) is gone", async () => {
    const dataDir = scratchFolder();
    const server = await acquireEmbeddedServer({ dataDir, database: "app", durable: false });
    await server.release();
    fs.rmSync(`${dataDir}.json`);
    await expect(acquireEmbeddedServer({ dataDir, database: "app" })).rejects.toThrow(
      /password of the database .* is missing or unreadable\. Restore it, or delete/,
    );
  });
  it("keeps its data where the server's account can reach it, when the checkout is closed to others", async () => {
    const closed = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-closed-"));
    fs.chmodSync(closed, 0o700);
    cleanups.push(() => fs.rmSync(closed, { recursive: true, force: true }));
    const preferred = path.join(closed, ".data", "postgres");

    const dataDir = reachableDataDir(preferred);
    // As root the server runs as the postgres account, which cannot enter a 0700 folder of root's; as anyone else
    // it runs as that person, who can.
    if (process.getuid?.() === 0) {
      expect(dataDir).toMatch(/^\/var\/lib\/claimdesk\/[0-9a-f]{12}\/postgres$/);
      expect(reachableDataDir(preferred)).toBe(dataDir);
      cleanups.push(() => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true }));
    } else {
      expect(dataDir).toBe(preferred);
    }
    const server = await acquire(dataDir);
    await query(server.url, "CREATE TABLE notes (body text)");
  });
});
