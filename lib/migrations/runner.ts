// Applies prisma/migrations with node-postgres and records them in `_prisma_migrations` exactly as
// `prisma migrate deploy` does, so that the real Prisma Migrate later sees nothing pending.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { checksumMatches, readMigrations, type MigrationFile } from "@/lib/migrations/migration-files";
import { describeSqlError, errorMessage, postgresErrorCode } from "@/lib/migrations/sql-error";

// Prisma Migrate's own advisory lock id: our runner and a real `prisma migrate deploy` exclude each other.
const MIGRATE_ADVISORY_LOCK = 72707369;
// Prisma gives up on the lock after 10 s too, rather than queueing behind a stuck deploy forever.
const LOCK_TIMEOUT = "10s";

// Prisma's DDL (schema-engine, postgres flavour), so a table created by either tool is the same table.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

export type MigrationLog = (message: string) => void;

export type ApplyMigrationsResult = {
  /** Names applied by this run, in order; empty when the database was up to date. */
  applied: string[];
  /** Applied migrations whose migration.sql changed since (reported, never re-run, as Prisma does). */
  edited: string[];
};

type HistoryRow = {
  id: string;
  migration_name: string;
  checksum: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

/**
 * Applies every migration of `migrationsDir` not yet applied, in name order, each in its own transaction: a failing
 * migration leaves none of its statements behind, only a failed row (finished_at null, logs = the error) that blocks
 * further runs until `markMigrationRolledBack` resolves it, as Prisma's P3009 does.
 */
export async function applyMigrations({
  connectionString,
  migrationsDir,
  log = console.log,
}: {
  connectionString: string;
  migrationsDir: string;
  log?: MigrationLog;
}): Promise<ApplyMigrationsResult> {
  const migrations = await readMigrations(migrationsDir);
  return withMigrationLock(connectionString, async (client) => {
    await client.query(CREATE_MIGRATIONS_TABLE);
    // Read only under the lock: a concurrent runner may just have applied what looked pending.
    const history = await readHistory(client);

    const failed = history.filter((row) => row.finished_at === null && row.rolled_back_at === null);
    if (failed.length > 0) throw new Error(failedMigrationsMessage(failed));

    const applied = new Map(
      history
        .filter((row) => row.finished_at !== null && row.rolled_back_at === null)
        .map((row) => [row.migration_name, row]),
    );
    const edited = migrations.filter((migration) => {
      const row = applied.get(migration.name);
      return row !== undefined && !checksumMatches(migration.sql, row.checksum);
    });
    for (const migration of edited) {
      log(
        `Warning: migration ${migration.name} was modified after it was applied (its checksum no longer matches ` +
          `_prisma_migrations). It is not applied again; put further changes in a new migration and restore the file.`,
      );
    }
    const onDisk = new Set(migrations.map((migration) => migration.name));
    for (const name of applied.keys()) {
      if (onDisk.has(name)) continue;
      log(`Warning: migration ${name} is applied to the database but missing from ${migrationsDir}.`);
    }

    const appliedNow: string[] = [];
    for (const migration of migrations.filter((candidate) => !applied.has(candidate.name))) {
      log(`Applying migration ${migration.name}`);
      await applyMigration(client, migration);
      appliedNow.push(migration.name);
    }
    return { applied: appliedNow, edited: edited.map((migration) => migration.name) };
  });
}

/**
 * Like `prisma migrate resolve --rolled-back <name>`: marks the failed run of a migration as rolled back so that the
 * next `applyMigrations` retries it (after you fixed its SQL).
 */
export async function markMigrationRolledBack({
  connectionString,
  migrationName,
}: {
  connectionString: string;
  migrationName: string;
}): Promise<void> {
  await withMigrationLock(connectionString, async (client) => {
    await client.query(CREATE_MIGRATIONS_TABLE);
    const rows = (await readHistory(client)).filter((row) => row.migration_name === migrationName);
    if (rows.length === 0) {
      throw new Error(
        `Migration ${migrationName} cannot be rolled back because it was never applied to the database.`,
      );
    }
    const failed = rows.filter((row) => row.finished_at === null && row.rolled_back_at === null);
    if (failed.length === 0) {
      throw new Error(
        `Migration ${migrationName} cannot be rolled back because it is not in a failed state.`,
      );
    }
    await client.query("UPDATE _prisma_migrations SET rolled_back_at = now() WHERE id = ANY($1::varchar[])", [
      failed.map((row) => row.id),
    ]);
  });
}

async function applyMigration(client: pg.Client, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  // Recorded before the transaction, so the row survives the rollback of a failed script.
  await client.query("INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ($1, $2, $3)", [
    id,
    migration.checksum,
    migration.name,
  ]);
  try {
    await client.query("BEGIN");
    // No parameters: node-postgres sends the whole file as one simple query, several statements allowed.
    await client.query(migration.sql);
    // Prisma counts the whole script as one step; clock_timestamp(), because now() is frozen at BEGIN.
    await client.query(
      "UPDATE _prisma_migrations SET applied_steps_count = 1, finished_at = clock_timestamp() WHERE id = $1",
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {
      // The connection is gone: PostgreSQL rolls the transaction back without us.
    });
    const logs = failureLog(migration, error);
    try {
      await client.query("UPDATE _prisma_migrations SET logs = $2 WHERE id = $1", [id, logs]);
    } catch (recordError) {
      const note = `(The failure could not be recorded in _prisma_migrations: ${errorMessage(recordError)})`;
      throw new Error(`${logs}\n\n${note}`, { cause: error });
    }
    throw new Error(logs, { cause: error });
  }
}

/** Worded like Prisma's P3018, which is what `_prisma_migrations.logs` holds after a failed `migrate deploy`. */
function failureLog(migration: MigrationFile, error: unknown): string {
  return [
    "A migration failed to apply. New migrations cannot be applied before the error is recovered from.",
    "",
    `Migration name: ${migration.name}`,
    "",
    `Database error code: ${postgresErrorCode(error) ?? "none"}`,
    "",
    "Database error:",
    describeSqlError(error, migration.sql),
    "",
    "None of its statements were kept: the migration ran in a transaction that was rolled back.",
  ].join("\n");
}

function failedMigrationsMessage(failed: HistoryRow[]): string {
  const lines = failed.map(
    (row) => `The \`${row.migration_name}\` migration started at ${row.started_at.toISOString()} failed.`,
  );
  const names = failed.map((row) => row.migration_name);
  return [
    "Found failed migrations in the target database; new migrations will not be applied.",
    ...lines,
    "",
    "To resolve: read the error in _prisma_migrations.logs, fix the migration's SQL (or the data it trips on),",
    "mark the failed run rolled back, then apply again with npm run db:migrate:",
    ...names.map((name) => `  npm run db:migrate -- --resolve-rolled-back ${name}`),
    "(or, with DATABASE_URL set: npx tsx scripts/migrate.ts --resolve-rolled-back <name>).",
    "This runner rolls a failed migration back entirely; a failure recorded by another tool (or a migration with its",
    "own COMMIT) may have left statements behind, so check the database before resolving.",
  ].join("\n");
}

async function readHistory(client: pg.Client): Promise<HistoryRow[]> {
  const result = await client.query<HistoryRow>(
    `SELECT id, migration_name, checksum, started_at, finished_at, rolled_back_at
       FROM _prisma_migrations ORDER BY started_at, migration_name`,
  );
  return result.rows;
}

async function withMigrationLock<T>(
  connectionString: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Cannot connect to the database at ${describeTarget(connectionString)}: ${errorMessage(error)}`,
      {
        cause: error,
      },
    );
  }
  try {
    await client.query(`SET lock_timeout = '${LOCK_TIMEOUT}'`);
    try {
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATE_ADVISORY_LOCK]);
    } catch (error) {
      if (postgresErrorCode(error) !== "55P03") throw error;
      throw new Error(
        `Timed out after ${LOCK_TIMEOUT} waiting for the migration lock (pg_advisory_lock(${MIGRATE_ADVISORY_LOCK})): ` +
          "another migration run holds it on this database.",
        { cause: error },
      );
    }
    // The timeout was for the lock only; a migration may legitimately wait longer for its own locks.
    await client.query("RESET lock_timeout");
    try {
      return await work(client);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATE_ADVISORY_LOCK]).catch(() => {
        // The session is broken; PostgreSQL releases session locks when it ends.
      });
    }
  } finally {
    await client.end();
  }
}

/** host:port/database, without credentials, for error messages. */
function describeTarget(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.host}${url.pathname}`;
  } catch {
    return "DATABASE_URL (not a valid URL)";
  }
}
