// The bench's own database, never the one you work in: a sibling "<name>_bench" on the local server named by
// DATABASE_URL, or, without DATABASE_URL, an embedded PostgreSQL on a folder in the temp directory. It holds the
// synthetic corpus, which is rebuilt only when the corpus or the migrations change.

import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { siblingDatabase, type Database } from "@/lib/embedded/launcher";
import { acquireEmbeddedServer } from "@/lib/embedded/postgres";
import { readMigrations, repoMigrationsDir } from "@/lib/migrations/migration-files";
import { applyMigrations } from "@/lib/migrations/runner";
import { corpusDigest, insertCorpus } from "./corpus-loader";
import type { SyntheticCorpus, SyntheticCorpusOptions } from "./synthetic-corpus";

/** Stable, so that the corpus survives between runs and the cache below can work. */
const EMBEDDED_DATA_DIR = path.join(os.tmpdir(), "claimdesk-bench-postgres");

export type BenchDatabase = Database;

export async function openBenchDatabase(): Promise<BenchDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) return siblingDatabase(configured, "_bench");
  // Durable: the corpus takes minutes to build and is kept between runs.
  const server = await acquireEmbeddedServer({ dataDir: EMBEDDED_DATA_DIR, database: "claimdesk_bench" });
  return {
    url: server.url,
    description: `embedded PostgreSQL in ${EMBEDDED_DATA_DIR}`,
    embedded: true,
    shared: server.shared,
    stop: server.release,
  };
}

export interface CorpusState {
  /** Whether the database already held this corpus. */
  reused: boolean;
  /** Seconds the last build took (this run's, or the cached corpus's). */
  buildSeconds: number;
  builtAt: Date;
  key: string;
}

/**
 * Makes sure the database holds exactly `corpus` on the current migrations: reuses it when `_bench_corpus` records
 * the same key, otherwise empties the database, migrates, loads and analyses it.
 */
export async function ensureCorpus(
  database: BenchDatabase,
  corpus: SyntheticCorpus,
  options: SyntheticCorpusOptions,
  { rebuild, log }: { rebuild: boolean; log: (line: string) => void },
): Promise<CorpusState> {
  const migrations = await readMigrations(repoMigrationsDir);
  const key = createHash("sha256")
    .update(corpusDigest(corpus))
    .update(migrations.map((m) => `${m.name}:${m.checksum}`).join("\n"))
    .digest("hex");

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    if (!rebuild) {
      const cached = await readCorpusRecord(client);
      if (cached?.key === key) {
        log(`reusing the corpus built ${cached.builtAt.toISOString()} (key ${key.slice(0, 12)})`);
        return { reused: true, buildSeconds: cached.buildSeconds, builtAt: cached.builtAt, key };
      }
      log(cached ? "the corpus or the migrations changed: rebuilding" : "no corpus yet: building");
    }
    const started = performance.now();
    await client.query(
      "DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;",
    );
    await applyMigrations({ connectionString: database.url, migrationsDir: repoMigrationsDir, log });
    await client.query("BEGIN");
    try {
      // Durability of a throw-away corpus is worth nothing; an unflushed commit saves seconds.
      await client.query("SET LOCAL synchronous_commit = off");
      await insertCorpus(client, corpus, log);
      // Fresh statistics, or the planner guesses row counts of empty tables and the EXPLAINs mean nothing.
      await client.query("ANALYZE");
      const buildSeconds = (performance.now() - started) / 1000;
      // The record commits with the rows, so an interrupted build never looks like a finished one.
      await client.query(
        `CREATE TABLE "_bench_corpus" ("key" text PRIMARY KEY, "options" jsonb NOT NULL,
           "buildSeconds" float8 NOT NULL, "builtAt" timestamptz NOT NULL DEFAULT now())`,
      );
      await client.query(
        `INSERT INTO "_bench_corpus" ("key", "options", "buildSeconds") VALUES ($1, $2, $3)`,
        [key, JSON.stringify(options), buildSeconds],
      );
      await client.query("COMMIT");
      // The link tables' triggers rewrite each claim once per table they fill (its sectorIds, entityIds and counts),
      // leaving the claims table three times the size of its rows. A database that grew import by import reuses
      // that space, so its scans read about the rows' size; rewriting the table once gives the same.
      await client.query(`VACUUM (FULL, ANALYZE) "Claim"`);
      // Autovacuum would get there in a while: until a table is vacuumed its visibility map is empty and every
      // index-only scan (the facet counts' covering index) reads the heap anyway, which a database in use never does.
      await client.query("VACUUM ANALYZE");
      // Otherwise the checkpointer spends the next minutes writing out the load's dirty pages while the first
      // scenarios are timed: a run straight after a load measured /claims?sector at 212 ms p95, 125-131 ms later on.
      await client.query("CHECKPOINT");
      log(`corpus built in ${buildSeconds.toFixed(1)} s`);
      return { reused: false, buildSeconds, builtAt: new Date(), key };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {
        // The connection is gone; the server rolls back for us.
      });
      throw error;
    }
  } finally {
    await client.end();
  }
}

async function readCorpusRecord(
  client: pg.Client,
): Promise<{ key: string; buildSeconds: number; builtAt: Date } | null> {
  const { rows } = await client.query<{ exists: boolean }>(
    `SELECT to_regclass('public."_bench_corpus"') IS NOT NULL AS "exists"`,
  );
  if (!rows[0]?.exists) return null;
  const record = await client.query<{ key: string; buildSeconds: number; builtAt: Date }>(
    `SELECT "key", "buildSeconds", "builtAt" FROM "_bench_corpus" LIMIT 1`,
  );
  return record.rows[0] ?? null;
}

/**
 * Cancels every other statement still running in the bench database. A request the bench gave up on keeps its
 * query running in the server; left alone on two cores, it would slow down the next scenario's figures.
 */
export async function cancelOtherQueries(client: pg.ClientBase): Promise<number> {
  const { rowCount } = await client.query(
    `SELECT pg_cancel_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'`,
  );
  return rowCount ?? 0;
}
