// `tsx lib/cli/with-test-db.ts <command...>`: runs a command against a scratch database it may wipe.
// With DATABASE_URL set, that is a sibling database named "<name>_test" on the same local server;
// without it, a throw-away embedded database in a temporary folder.

import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { startEmbeddedServer } from "@/lib/embedded/server";
import { runCommand } from "./run-command";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export interface TestDatabase {
  url: string;
  description: string;
  stop(): Promise<void>;
}

export async function startTestDatabase(): Promise<TestDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) return siblingTestDatabase(configured);

  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "claimdesk-test-"));
  const server = await startEmbeddedServer({ dataDir, port: 0 });
  return {
    url: server.url,
    description: `embedded PostgreSQL in ${dataDir}`,
    async stop() {
      await server.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Never the configured database itself: tests wipe what they use. */
async function siblingTestDatabase(configured: string): Promise<TestDatabase> {
  const url = new URL(configured);
  if (!LOCAL_HOSTS.has(url.hostname)) {
    throw new Error(
      `Refusing to run tests against ${url.hostname}: tests wipe their database, so it must be local.`,
    );
  }
  const name = decodeURIComponent(url.pathname.slice(1)) || "claimdesk";
  const testName = name.endsWith("_test") ? name : `${name}_test`;
  // The maintenance database always exists, so the configured one need not exist yet.
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [testName]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${testName.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${encodeURIComponent(testName)}`;
  return {
    url: url.toString(),
    description: `PostgreSQL database "${testName}" on ${url.host}`,
    stop: async () => {},
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error("usage: tsx lib/cli/with-test-db.ts <command> [args...]");
    process.exit(2);
  }
  const database = await startTestDatabase();
  console.log(`tests use ${database.description}`);
  let code = 1;
  try {
    code = await runCommand(command, args, { ...process.env, DATABASE_URL: database.url });
  } finally {
    await database.stop();
  }
  process.exit(code);
}
