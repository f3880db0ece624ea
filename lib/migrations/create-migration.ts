// Writes the next migration from the difference between the replayed migrations and schema.prisma, named and laid
// out as `prisma migrate dev --create-only` would.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { readMigrations, writeMigrationLock } from "@/lib/migrations/migration-files";
import { diffMigrationsToSchema } from "@/lib/migrations/schema-engine";

// Prisma truncates longer names to 200 characters; refusing is clearer than a silently shortened name.
const MAX_NAME_LENGTH = 200;

export type CreatedMigration = { name: string; directory: string; sql: string };

/**
 * `add claim notes`, `addClaimNotes` and `add-claim-notes` all become `add_claim_notes`, as Prisma's slugify makes
 * them; anything beyond ASCII letters, digits, spaces, `-` and `_` is refused rather than transliterated.
 */
export function toMigrationSlug(name: string): string {
  const trimmed = name.trim();
  if (!/^[A-Za-z0-9 _-]+$/.test(trimmed)) {
    throw new Error(
      `Invalid migration name ${JSON.stringify(name)}: use letters, digits, spaces, "-" or "_", e.g. add_claim_notes.`,
    );
  }
  const slug = trimmed
    .replace(/([a-z\d])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z\d])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!slug)
    throw new Error(`Invalid migration name ${JSON.stringify(name)}: it needs at least one letter or digit.`);
  if (slug.length > MAX_NAME_LENGTH) {
    throw new Error(
      `Invalid migration name: at most ${MAX_NAME_LENGTH} characters (this one has ${slug.length}).`,
    );
  }
  return slug;
}

/** `YYYYMMDDHHMMSS` in UTC, the prefix Prisma gives migration directories. */
export function migrationTimestamp(now: Date): string {
  return now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

/**
 * Creates `<migrationsDir>/<timestamp>_<slug>/migration.sql` holding the SQL that brings the migrations up to the
 * schema, and keeps migration_lock.toml. Refuses when there is nothing to migrate. Hand-written SQL (extensions,
 * expression indexes) is added to the file afterwards, before it is applied anywhere.
 */
export async function createMigration({
  migrationsDir,
  schemaPath,
  name,
  now = new Date(),
}: {
  migrationsDir: string;
  schemaPath: string;
  name: string;
  now?: Date;
}): Promise<CreatedMigration> {
  const directoryName = `${migrationTimestamp(now)}_${toMigrationSlug(name)}`;
  const existing = await readMigrations(migrationsDir);
  const last = existing.at(-1)?.name;
  // Migrations run in name order: one that sorts before an existing migration would run out of order elsewhere.
  if (last !== undefined && directoryName.localeCompare(last) <= 0) {
    throw new Error(
      `The new migration ${directoryName} would sort before or at ${last}, the newest existing one; check the clock.`,
    );
  }

  const sql = await diffMigrationsToSchema({ migrationsDir, schemaPath });
  if (!sql.trim()) {
    throw new Error(
      "Nothing to write: schema and migrations already agree (schema.prisma has no change to migrate).",
    );
  }

  const directory = path.join(migrationsDir, directoryName);
  await mkdir(migrationsDir, { recursive: true });
  await mkdir(directory);
  await writeFile(path.join(directory, "migration.sql"), sql, "utf8");
  await writeMigrationLock(migrationsDir);
  return { name: directoryName, directory, sql };
}
