// `npm run db:drift`: exits 1 when the database built from prisma/migrations differs from prisma/schema.prisma
// (someone changed the schema without a migration, or edited a migration) and prints the SQL difference; exits 2
// when the check itself cannot run. Replays the migrations into in-memory PGlite, so it needs no live database.
import { parseArgs } from "node:util";
import { repoMigrationsDir, repoSchemaPath } from "@/lib/migrations/migration-files";
import { diffMigrationsToSchema } from "@/lib/migrations/schema-engine";
import { errorMessage } from "@/lib/migrations/sql-error";

function readOptions() {
  try {
    return parseArgs({ options: { schema: { type: "string" }, migrations: { type: "string" } } }).values;
  } catch (error) {
    console.error(
      `${errorMessage(error)}\nusage: tsx scripts/drift.ts [--schema <file>] [--migrations <dir>]`,
    );
    process.exit(2);
  }
}

const options = readOptions();
const schemaPath = options.schema ?? repoSchemaPath;
const migrationsDir = options.migrations ?? repoMigrationsDir;
try {
  const sql = await diffMigrationsToSchema({ migrationsDir, schemaPath });
  if (sql) {
    console.error(`Drift: the migrations in ${migrationsDir} do not build the schema in ${schemaPath}.`);
    console.error(
      "This SQL would close the gap (npm run db:migration:new -- <name> writes it as a migration):\n",
    );
    console.log(sql.trimEnd());
    process.exitCode = 1;
  } else {
    console.log("no drift: the migrations build exactly the schema in schema.prisma.");
  }
} catch (error) {
  console.error(`Drift check failed: ${errorMessage(error)}`);
  process.exitCode = 2;
}
