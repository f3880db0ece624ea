// `npm run db:reset`: empties the public schema of DATABASE_URL, applies every migration and seeds. It destroys
// every row, so it asks first (or takes --yes), and refuses a database on another host unless --force.
import readline from "node:readline/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { repoMigrationsDir } from "@/lib/migrations/migration-files";
import { applyMigrations } from "@/lib/migrations/runner";
import { errorMessage } from "@/lib/migrations/sql-error";
import { createPrismaClient } from "@/lib/prisma-client";
import { seed } from "@/prisma/seed";

const LOCAL_HOSTS = new Set(["", "localhost", "127.0.0.1", "::1", "[::1]"]);

function isLocal(connectionString: string): boolean {
  const url = new URL(connectionString);
  // `?host=/var/run/postgresql` means a Unix socket, which is always this machine.
  return LOCAL_HOSTS.has(url.hostname) || (url.searchParams.get("host")?.startsWith("/") ?? false);
}

function readOptions() {
  try {
    return parseArgs({
      options: { force: { type: "boolean", default: false }, yes: { type: "boolean", default: false } },
    }).values;
  } catch (error) {
    console.error(`${errorMessage(error)}\nusage: npm run db:reset -- [--yes] [--force]`);
    process.exit(2);
  }
}

const options = readOptions();
try {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set (npm run db:reset sets it).");
  if (!isLocal(connectionString) && !options.force) {
    throw new Error(
      `Refusing to reset ${new URL(connectionString).hostname}: it is not this machine. Pass --force if you mean it.`,
    );
  }

  if (!options.yes && !(await confirm(connectionString))) {
    console.log("Nothing was changed.");
    process.exit(1);
  }

  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // What Prisma's reset does: the extension, the tables and _prisma_migrations all go with the schema.
    await client.query(
      "DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;",
    );
  } finally {
    await client.end();
  }
  console.log("Emptied the public schema.");

  const { applied } = await applyMigrations({ connectionString, migrationsDir: repoMigrationsDir });
  console.log(`Applied ${applied.length} migration${applied.length === 1 ? "" : "s"}.`);

  const prisma = createPrismaClient(connectionString);
  try {
    await seed(prisma, (line) => console.log(`seed: ${line}`));
  } finally {
    await prisma.$disconnect();
  }
  console.log("Reset complete.");
} catch (error) {
  console.error(`Reset failed: ${errorMessage(error)}`);
  process.exitCode = 1;
}

async function confirm(connectionString: string): Promise<boolean> {
  const url = new URL(connectionString);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!process.stdin.isTTY) {
    console.error(
      `Resetting deletes every row of "${name}" on ${url.host}: pass --yes to confirm without a terminal.`,
    );
    return false;
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(
      `This deletes every row of "${name}" on ${url.host}. Type its name to go on: `,
    );
    return answer.trim() === name;
  } finally {
    rl.close();
  }
}
