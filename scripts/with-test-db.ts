// `tsx scripts/with-test-db.ts <command...>`: runs a command against a scratch database it may wipe.
// With DATABASE_URL set, that is a sibling database named "<name>_test" on the same local server;
// without it, a throw-away embedded PostgreSQL in a temporary folder.

import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { siblingDatabase, type Database } from "@/lib/embedded/launcher";
import { acquireEmbeddedServer } from "@/lib/embedded/postgres";
import { runCommand } from "./run-command";

export async function startTestDatabase(): Promise<Database> {
  const configured = process.env.DATABASE_URL;
  if (configured) return siblingDatabase(configured, "_test");

  const folder = await fs.mkdtemp(path.join(os.tmpdir(), "claimdesk-test-"));
  // The server's account (postgres, when running as root) must be able to create its data folder here.
  await fs.chmod(folder, 0o755);
  const server = await acquireEmbeddedServer({
    dataDir: path.join(folder, "postgres"),
    database: "claimdesk_test",
    durable: false,
  });
  return {
    url: server.url,
    description: `embedded PostgreSQL in ${folder} on port ${server.port}`,
    embedded: true,
    shared: server.shared,
    async stop() {
      await server.release();
      await fs.rm(folder, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error("usage: tsx scripts/with-test-db.ts <command> [args...]");
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
