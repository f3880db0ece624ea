// prisma/README.md lists every trigger and trigger function the migrations create, and the migration that holds each
// function's current body. A newcomer changes a count by reading that table; if it missed a trigger, or sent them to
// a body a later migration replaced, they would change the wrong one.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readMigrations } from "@/lib/migrations/migration-files";
import { applyMigrations } from "@/lib/migrations/runner";
import { emptyDatabase, testDatabaseUrl, withPgClient } from "@/tests/helpers/db";
import { MIGRATIONS_DIR } from "@/tests/helpers/seeded-database";

const README = path.join(import.meta.dirname, "../../prisma/README.md");

interface Row {
  triggers: string[];
  fn: string | null;
  migration: string;
}

/** The rows of the README's table: triggers in the second column, "`function` (`migration`)" in the third. */
async function documentedRows(): Promise<Row[]> {
  const text = await readFile(README, "utf8");
  const section = text.split("## Denormalised columns")[1]!.split("\n## ")[0]!;
  return section
    .split("\n")
    .filter((line) => line.startsWith("| ") && !line.startsWith("| Denormalised value"))
    .map((line) => {
      const cells = line.split("|").map((cell) => cell.trim());
      const names = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
      const [fn, migration] = names(cells[3]!);
      // "none (`migration`)": a row without a function names only its migration.
      return migration === undefined
        ? { triggers: names(cells[2]!), fn: null, migration: fn! }
        : { triggers: names(cells[2]!), fn: fn!, migration };
    });
}

let triggers: string[];
let functions: string[];
beforeAll(async () => {
  await emptyDatabase();
  await applyMigrations({ connectionString: testDatabaseUrl(), migrationsDir: MIGRATIONS_DIR, log: () => {} });
  await withPgClient(async (client) => {
    const trigger = await client.query<{ name: string }>(
      `SELECT t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND NOT t.tgisinternal`,
    );
    // Extensions' functions (pg_trgm's) are theirs, not ours.
    const fn = await client.query<{ name: string }>(
      `SELECT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public'
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
    );
    triggers = trigger.rows.map((row) => row.name).sort();
    functions = fn.rows.map((row) => row.name).sort();
  });
});
describe("prisma/README.md's table of denormalised values", () => {
  it("names every trigger the migrations create, and no other", async () => {
    const documented = (await documentedRows()).flatMap((row) => row.triggers).sort();
    expect(triggers.length).toBeGreaterThan(0);
    expect(documented).toEqual(triggers);
  });

  it("names every function the migrations create, and no other", async () => {
    const documented = (await documentedRows()).flatMap((row) => (row.fn ? [row.fn] : []));
    expect([...new Set(documented)].sort()).toEqual(functions);
  });

  it("sends each function to the last migration that writes its body", async () => {
    const migrations = await readMigrations(MIGRATIONS_DIR);
    for (const row of await documentedRows()) {
      expect(migrations.map((migration) => migration.name)).toContain(row.migration);
      if (!row.fn) continue;
      const writers = migrations.filter((migration) =>
        new RegExp(`CREATE (OR REPLACE )?FUNCTION "${row.fn}"`).test(migration.sql),
      );
      expect(writers.at(-1)?.name, row.fn).toBe(row.migration);
    }
  });
});
