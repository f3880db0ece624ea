// Integration tests share one scratch database, named by DATABASE_URL (set by scripts/with-test-db.ts).
import pg from "pg";
import { createPrismaClient } from "@/lib/prisma-client";

export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error("DATABASE_URL is not set: run integration tests through `npm run test:integration`.");
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to wipe a non-local database (${host}).`);
  }
  return url;
}

export async function withPgClient<T>(
  fn: (client: pg.Client) => Promise<T>,
  url = testDatabaseUrl(),
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Drops every table, type and migration record, and the import queue's jobs, leaving an empty public schema. */
export async function emptyDatabase(url = testDatabaseUrl()): Promise<void> {
  await withPgClient(async (client) => {
    await client.query(
      "DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;",
    );
  }, url);
}

export function testPrisma() {
  return createPrismaClient(testDatabaseUrl());
}

/** How many sessions wait on a lock: a test holding a lock polls this to know its reads have reached the database. */
export async function lockWaiters(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ waiting: number }>(
    `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock'`,
  );
  return rows[0]!.waiting;
}
