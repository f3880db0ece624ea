// `npm run db:migrate`: applies pending migrations to DATABASE_URL. With `--resolve-rolled-back <name>` it instead
// marks a failed migration as rolled back (like `prisma migrate resolve --rolled-back`) so that it can be retried.
import { parseArgs } from "node:util";
import { repoMigrationsDir } from "@/lib/migrations/migration-files";
import { applyMigrations, markMigrationRolledBack } from "@/lib/migrations/runner";
import { errorMessage } from "@/lib/migrations/sql-error";

function readOptions() {
  try {
    return parseArgs({ options: { "resolve-rolled-back": { type: "string" } } }).values;
  } catch (error) {
    console.error(
      `${errorMessage(error)}\nusage: tsx scripts/migrate.ts [--resolve-rolled-back <migration name>]`,
    );
    process.exit(2);
  }
}

const options = readOptions();
try {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set (npm run db:migrate sets it).");

  const rolledBack = options["resolve-rolled-back"];
  if (rolledBack !== undefined) {
    await markMigrationRolledBack({ connectionString, migrationName: rolledBack });
    console.log(`Marked ${rolledBack} as rolled back; npm run db:migrate will apply it again.`);
  } else {
    const { applied } = await applyMigrations({ connectionString, migrationsDir: repoMigrationsDir });
    console.log(
      applied.length === 0
        ? "Database is up to date: no pending migrations."
        : `Applied ${applied.length} migration${applied.length === 1 ? "" : "s"}: ${applied.join(", ")}`,
    );
  }
} catch (error) {
  console.error(errorMessage(error));
  process.exitCode = 1;
}
