// Our offline migration tools against a real database: the runner must record exactly what Prisma Migrate records,
// never leave a failed migration half-applied, and the drift check must catch a schema change without a migration.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigration, toMigrationSlug } from "@/lib/migrations/create-migration";
import { repoMigrationsDir, repoSchemaPath } from "@/lib/migrations/migration-files";
import { applyMigrations, markMigrationRolledBack } from "@/lib/migrations/runner";
import { diffEmptyToSchema, diffMigrationsToSchema } from "@/lib/migrations/schema-engine";
import { emptyDatabase, testDatabaseUrl, withPgClient } from "@/tests/helpers/db";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(repoRoot, "node_modules/.bin/tsx");

const scratchDirs: string[] = [];
async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "claimdesk-migrations-"));
  scratchDirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(scratchDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function writeMigration(migrationsDir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(migrationsDir, name), { recursive: true });
  await writeFile(path.join(migrationsDir, name, "migration.sql"), sql);
}

/** A copy of schema.prisma with one more optional column on Source. */
async function schemaWithExtraField(): Promise<string> {
  const schema = await readFile(repoSchemaPath, "utf8");
  const changed = schema.replace(/(model Source \{\n)/, "$1  extraNote   String?\n");
  expect(changed).not.toBe(schema);
  const file = path.join(await scratchDir(), "schema.prisma");
  await writeFile(file, changed);
  return file;
}

async function runCli(
  script: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, [path.join(repoRoot, script), ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: testDatabaseUrl() },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

type HistoryRow = {
  id: string;
  checksum: string;
  migration_name: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
};

function readHistory(client: pg.Client) {
  return client
    .query<HistoryRow>("SELECT * FROM _prisma_migrations ORDER BY started_at, migration_name")
    .then((result) => result.rows);
}

function tableExists(client: pg.Client, table: string): Promise<boolean> {
  return client
    .query<{ found: boolean }>("SELECT to_regclass($1) IS NOT NULL AS found", [`"${table}"`])
    .then((result) => result.rows[0]?.found ?? false);
}

/** EXPLAIN with sequential scans discouraged, so that a tiny table still shows which index the planner can use. */
function planOf(client: pg.Client, query: string, params: unknown[] = []): Promise<string> {
  return withTransaction(client, async () => {
    await client.query("SET LOCAL enable_seqscan = off");
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${query}`, params);
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  });
}

async function withTransaction<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    return await work();
  } finally {
    await client.query("ROLLBACK");
  }
}

const repoMigrationNames = async () =>
  (await readdir(repoMigrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

describe("applying the repository's migrations to an empty database", () => {
  const log: string[] = [];
  let applied: string[] = [];
  beforeAll(async () => {
    await emptyDatabase();
    ({ applied } = await applyMigrations({
      connectionString: testDatabaseUrl(),
      migrationsDir: repoMigrationsDir,
      log: (line) => log.push(line),
    }));
  });

  it("applies every migration, in order, and creates a table for every model of schema.prisma", async () => {
    expect(applied).toEqual(await repoMigrationNames());
    expect(log).toEqual(applied.map((name) => `Applying migration ${name}`));

    const models = [...(await readFile(repoSchemaPath, "utf8")).matchAll(/^model (\w+) \{/gm)].map(
      (match) => match[1],
    );
    expect(models.length).toBeGreaterThan(5);
    const tables = await withPgClient((client) =>
      client
        .query<{ name: string }>(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
        )
        .then((result) => result.rows.map((row) => row.name)),
    );
    expect(tables.sort()).toEqual([...models, "_prisma_migrations"].sort());
  });

  it("records migrations in _prisma_migrations exactly as Prisma Migrate does", async () => {
    const { columns, rows } = await withPgClient(async (client) => ({
      columns: (
        await client.query(
          `SELECT column_name, data_type, character_maximum_length AS length, is_nullable, column_default
             FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
        )
      ).rows,
      rows: await readHistory(client),
    }));
    expect(columns).toEqual([
      {
        column_name: "id",
        data_type: "character varying",
        length: 36,
        is_nullable: "NO",
        column_default: null,
      },
      {
        column_name: "checksum",
        data_type: "character varying",
        length: 64,
        is_nullable: "NO",
        column_default: null,
      },
      {
        column_name: "finished_at",
        data_type: "timestamp with time zone",
        length: null,
        is_nullable: "YES",
        column_default: null,
      },
      {
        column_name: "migration_name",
        data_type: "character varying",
        length: 255,
        is_nullable: "NO",
        column_default: null,
      },
      { column_name: "logs", data_type: "text", length: null, is_nullable: "YES", column_default: null },
      {
        column_name: "rolled_back_at",
        data_type: "timestamp with time zone",
        length: null,
        is_nullable: "YES",
        column_default: null,
      },
      {
        column_name: "started_at",
        data_type: "timestamp with time zone",
        length: null,
        is_nullable: "NO",
        column_default: "now()",
      },
      {
        column_name: "applied_steps_count",
        data_type: "integer",
        length: null,
        is_nullable: "NO",
        column_default: "0",
      },
    ]);

    expect(rows.map((row) => row.migration_name)).toEqual(await repoMigrationNames());
    for (const row of rows) {
      const sql = await readFile(path.join(repoMigrationsDir, row.migration_name, "migration.sql"));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row).toMatchObject({ applied_steps_count: 1, logs: null, rolled_back_at: null });
    }
  });

  it("applies nothing when run again", async () => {
    const log: string[] = [];
    const again = await applyMigrations({
      connectionString: testDatabaseUrl(),
      migrationsDir: repoMigrationsDir,
      log: (line) => log.push(line),
    });
    expect(again).toEqual({ applied: [], edited: [] });
    expect(log).toEqual([]);
    const rows = await withPgClient(readHistory);
    expect(rows).toHaveLength(applied.length);
  });

  it("creates the trigram indexes and a full-text index that the planner uses for claim search", async () => {
    await withPgClient(async (client) => {
      const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
        "SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE '%\\_trgm\\_idx' OR indexname = 'Claim_searchVector_idx'",
      );
      expect(Object.fromEntries(indexes.map((index) => [index.indexname, index.indexdef]))).toEqual({
        Entity_name_trgm_idx: expect.stringContaining("USING gin (name gin_trgm_ops)"),
        EntityAlias_alias_trgm_idx: expect.stringContaining("USING gin (alias gin_trgm_ops)"),
        Claim_searchVector_idx: expect.stringContaining('USING gin ("searchVector")'),
      });

      await withTransaction(client, async () => {
        await client.query(`
          INSERT INTO "Document" (id, slug, title, "fullText", "contentHash") VALUES (1, 'd', 'D', 'Chip exports grew.', 'h');
          INSERT INTO "Section" (id, "documentId", "order", heading, "startOffset", "endOffset") VALUES (1, 1, 0, '', 0, 18);
          INSERT INTO "Claim" ("documentId", "sectionId", text, "startOffset", "endOffset", kind, "updatedAt")
            VALUES (1, 1, 'Semiconductor exports grew by 20% in 2024.', 0, 18, 'STATISTIC', now()),
                   (1, 1, 'The ministry announced a new AI programme.', 18, 40, 'EVENT', now());
          INSERT INTO "Entity" (slug, name, kind) VALUES ('huawei', 'Huawei Technologies', 'COMPANY');
        `);
        const search = `SELECT text FROM "Claim" WHERE "searchVector" @@ plainto_tsquery('english', $1)`;
        const { rows } = await client.query<{ text: string }>(search, ["semiconductor export"]);
        expect(rows.map((row) => row.text)).toEqual(["Semiconductor exports grew by 20% in 2024."]);
        expect(await planOf(client, search, ["semiconductor export"])).toContain("Claim_searchVector_idx");
        expect(await planOf(client, `SELECT id FROM "Entity" WHERE name ILIKE '%huawei%'`)).toContain(
          "Entity_name_trgm_idx",
        );
      });
    });
  });
});

describe("drift check", () => {
  it("finds no drift between the repository's migrations and schema.prisma", async () => {
    expect(
      await diffMigrationsToSchema({ migrationsDir: repoMigrationsDir, schemaPath: repoSchemaPath }),
    ).toBe("");
  });

  it("turns an error inside the schema engine into a readable Error", async () => {
    const schemaPath = path.join(await scratchDir(), "schema.prisma");
    await writeFile(
      schemaPath,
      (await readFile(repoSchemaPath, "utf8")).replace("model Source {", "model Source {\n  broken Strin"),
    );
    await expect(diffMigrationsToSchema({ migrationsDir: repoMigrationsDir, schemaPath })).rejects.toThrow(
      /Prisma schema engine diff failed \[P1012\]: [\s\S]*Type "Strin" is neither a built-in type/,
    );
  });

  it("builds the whole schema from an empty database", async () => {
    const sql = await diffEmptyToSchema({ schemaPath: repoSchemaPath });
    const models = [...(await readFile(repoSchemaPath, "utf8")).matchAll(/^model (\w+) \{/gm)].map(
      (match) => match[1],
    );
    for (const model of models) expect(sql).toContain(`CREATE TABLE "${model}" (`);
  });

  it("exits 1 and prints the missing SQL when schema.prisma has a field no migration creates", async () => {
    const schemaPath = await schemaWithExtraField();
    const result = await runCli("scripts/drift.ts", ["--schema", schemaPath]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`ALTER TABLE "Source" ADD COLUMN     "extraNote" TEXT;`);
    expect(result.stderr).toContain("Drift");
  });
});

describe("a migration that fails halfway", () => {
  // One story in order: fail, stay blocked, resolve, retry with the fix.
  const good = "20990101000000_good";
  const bad = "20990101000001_bad";
  const later = "20990101000002_later";
  let migrationsDir: string;
  const apply = (log: string[] = []) =>
    applyMigrations({ connectionString: testDatabaseUrl(), migrationsDir, log: (line) => log.push(line) });

  beforeAll(async () => {
    await emptyDatabase();
    migrationsDir = await scratchDir();
    await writeMigration(migrationsDir, good, `CREATE TABLE "Good" (id INT PRIMARY KEY);\n`);
    await writeMigration(
      migrationsDir,
      bad,
      `CREATE TABLE "HalfApplied" (id INT PRIMARY KEY);\n\nINSERT INTO "NoSuchTable" (id) VALUES (1);\n`,
    );
  });

  it("keeps none of its statements, records the failure and says which migration, error and line", async () => {
    const error = await apply().then(
      () => expect.unreachable("the bad migration applied"),
      (failure: unknown) => failure as Error,
    );
    expect(error.message).toContain(`Migration name: ${bad}`);
    expect(error.message).toContain("Database error code: 42P01");
    expect(error.message).toContain(`relation "NoSuchTable" does not exist`);
    expect(error.message).toContain("Position: line 3, column 13");
    expect(error.message).toContain(`> 3 | INSERT INTO "NoSuchTable" (id) VALUES (1);`);

    await withPgClient(async (client) => {
      expect(await tableExists(client, "Good")).toBe(true);
      expect(await tableExists(client, "HalfApplied")).toBe(false);
      const rows = await readHistory(client);
      expect(
        rows.map((row) => [row.migration_name, row.finished_at !== null, row.applied_steps_count]),
      ).toEqual([
        [good, true, 1],
        [bad, false, 0],
      ]);
      expect(rows[1]?.logs).toContain(`relation "NoSuchTable" does not exist`);
      expect(rows[1]?.rolled_back_at).toBeNull();
    });
  });

  it("refuses to apply anything while the failure is unresolved, and says how to resolve it", async () => {
    await writeMigration(migrationsDir, later, `CREATE TABLE "Later" (id INT PRIMARY KEY);\n`);
    await expect(apply()).rejects.toThrow(
      new RegExp(`failed migrations[\\s\\S]*${bad}[\\s\\S]*--resolve-rolled-back ${bad}`),
    );
    expect(await withPgClient((client) => tableExists(client, "Later"))).toBe(false);
  });

  it("rejects resolving a migration that never ran or did not fail", async () => {
    const connectionString = testDatabaseUrl();
    await expect(
      markMigrationRolledBack({ connectionString, migrationName: "20990101000009_nope" }),
    ).rejects.toThrow("never applied");
    await expect(markMigrationRolledBack({ connectionString, migrationName: good })).rejects.toThrow(
      "not in a failed state",
    );
  });

  it("applies the fixed migration after --resolve-rolled-back, keeping the failed row as history", async () => {
    const resolved = await runCli("scripts/migrate.ts", ["--resolve-rolled-back", bad]);
    expect(resolved).toMatchObject({ code: 0, stderr: "" });
    await writeMigration(
      migrationsDir,
      bad,
      `CREATE TABLE "HalfApplied" (id INT PRIMARY KEY);\n\nINSERT INTO "HalfApplied" (id) VALUES (1);\n`,
    );
    expect((await apply()).applied).toEqual([bad, later]);

    await withPgClient(async (client) => {
      const rows = (await readHistory(client)).filter((row) => row.migration_name === bad);
      expect(rows.map((row) => [row.rolled_back_at !== null, row.finished_at !== null])).toEqual([
        [true, false],
        [false, true],
      ]);
      const fixed = await readFile(path.join(migrationsDir, bad, "migration.sql"));
      expect(rows[1]?.checksum).toBe(createHash("sha256").update(fixed).digest("hex"));
      expect(await tableExists(client, "Later")).toBe(true);
    });
  });

  it("warns when an applied migration was edited afterwards, without running it again", async () => {
    await writeFile(
      path.join(migrationsDir, good, "migration.sql"),
      `CREATE TABLE "Good" (id BIGINT PRIMARY KEY);\n`,
    );
    const log: string[] = [];
    expect(await apply(log)).toEqual({ applied: [], edited: [good] });
    expect(log.join("\n")).toMatch(
      new RegExp(`Warning: migration ${good} was modified after it was applied`),
    );
  });
});

describe("two runs at the same time", () => {
  it("apply each migration once: the advisory lock serialises them", async () => {
    await emptyDatabase();
    const run = () =>
      applyMigrations({
        connectionString: testDatabaseUrl(),
        migrationsDir: repoMigrationsDir,
        log: () => {},
      });
    const [first, second] = await Promise.all([run(), run()]);
    expect([...first.applied, ...second.applied].sort()).toEqual(await repoMigrationNames());
    const rows = await withPgClient(readHistory);
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
    expect(rows).toHaveLength((await repoMigrationNames()).length);
  });
});

describe("creating a migration", () => {
  it("writes the next migration for a schema change, after which migrations and schema agree", async () => {
    const migrationsDir = path.join(await scratchDir(), "migrations");
    await cp(repoMigrationsDir, migrationsDir, { recursive: true });
    const schemaPath = await schemaWithExtraField();

    const created = await createMigration({
      migrationsDir,
      schemaPath,
      name: "Add source extraNote",
      now: new Date("2099-01-02T03:04:05Z"),
    });
    expect(created.name).toBe("20990102030405_add_source_extra_note");
    expect(await readFile(path.join(created.directory, "migration.sql"), "utf8")).toBe(
      `-- AlterTable\nALTER TABLE "Source" ADD COLUMN     "extraNote" TEXT;\n`,
    );
    expect(await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toBe(
      await readFile(path.join(repoMigrationsDir, "migration_lock.toml"), "utf8"),
    );
    expect(await diffMigrationsToSchema({ migrationsDir, schemaPath })).toBe("");
  });

  it("refuses to write an empty migration", async () => {
    const migrationsDir = path.join(await scratchDir(), "migrations");
    await cp(repoMigrationsDir, migrationsDir, { recursive: true });
    await expect(
      createMigration({
        migrationsDir,
        schemaPath: repoSchemaPath,
        name: "nothing",
        now: new Date("2099-01-01"),
      }),
    ).rejects.toThrow("schema and migrations already agree");
    expect(await readdir(migrationsDir)).toEqual(await readdir(repoMigrationsDir));
  });

  it("names migrations like Prisma and refuses names it cannot use", () => {
    expect(toMigrationSlug("addClaimNotes")).toBe("add_claim_notes");
    expect(toMigrationSlug(" add claim-notes ")).toBe("add_claim_notes");
    expect(() => toMigrationSlug("../escape")).toThrow("Invalid migration name");
    expect(() => toMigrationSlug("___")).toThrow("Invalid migration name");
    expect(() => toMigrationSlug("x".repeat(201))).toThrow("at most 200");
  });
});
