// `npm run db:migration:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that
// brings the migrations up to prisma/schema.prisma. Works offline; needs no database.
import path from "node:path";
import { createMigration } from "@/lib/migrations/create-migration";
import { repoMigrationsDir, repoSchemaPath } from "@/lib/migrations/migration-files";
import { errorMessage } from "@/lib/migrations/sql-error";

const [name, ...extra] = process.argv.slice(2);
if (name === undefined || extra.length > 0 || name.startsWith("-")) {
  console.error("usage: npm run db:migration:new -- <name>   (e.g. add_claim_notes)");
  process.exit(2);
}

try {
  const created = await createMigration({
    migrationsDir: repoMigrationsDir,
    schemaPath: repoSchemaPath,
    name,
  });
  console.log(`Created ${path.relative(process.cwd(), path.join(created.directory, "migration.sql"))}`);
  console.log(
    "Review it and add any hand-written SQL now, before it is applied anywhere; then run npm run db:migrate.",
  );
} catch (error) {
  console.error(errorMessage(error));
  process.exitCode = 1;
}
