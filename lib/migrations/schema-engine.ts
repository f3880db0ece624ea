// Prisma's schema engine (its WebAssembly build) over in-memory PGlite: migration SQL and drift checks without the
// native engine, the network or a database server (ENVIRONMENT.md, "Prisma 7 without internet").
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { DiffTarget, SchemaContainer, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { readMigrations } from "@/lib/migrations/migration-files";
import { describeSqlError, errorMessage } from "@/lib/migrations/sql-error";

// Every database the engine touches (including its shadow database) must offer the extensions our migrations create.
const pgliteOptions = { extensions: { pg_trgm } };

const noExternalObjects = { externalTables: [], externalEnums: [] };

/** SQL that turns an empty database into the one schema.prisma describes; "" if the schema has no models. */
export async function diffEmptyToSchema({ schemaPath }: { schemaPath: string }): Promise<string> {
  const schema = await readSchemaFile(schemaPath);
  return withEngine(schema, (session) =>
    diff(session, { tag: "empty" }, { tag: "schemaDatamodel", files: [schema] }),
  );
}

/**
 * Replays every migration into a fresh in-memory database and returns the SQL that would bring that database to
 * schema.prisma: the body of the next migration, and "" when migrations and schema agree (no drift).
 * Objects the engine cannot express, like hand-written expression indexes, are invisible to it and never reported.
 */
export async function diffMigrationsToSchema({
  migrationsDir,
  schemaPath,
}: {
  migrationsDir: string;
  schemaPath: string;
}): Promise<string> {
  const [schema, migrations] = await Promise.all([readSchemaFile(schemaPath), readMigrations(migrationsDir)]);
  return withEngine(schema, async (session) => {
    for (const migration of migrations) {
      try {
        await session.db.exec(migration.sql);
      } catch (error) {
        throw new Error(
          `Migration ${migration.name} failed while replaying the migrations into an empty database:\n` +
            describeSqlError(error, migration.sql),
          { cause: error },
        );
      }
    }
    const from: DiffTarget = {
      tag: "schemaDatasource",
      files: [schema],
      configDir: path.dirname(schema.path),
    };
    return diff(session, from, { tag: "schemaDatamodel", files: [schema] });
  });
}

async function diff({ engine, engineLog }: EngineSession, from: DiffTarget, to: DiffTarget): Promise<string> {
  const result = await callEngine(
    "diff",
    () => engine.diff({ from, to, script: true, exitCode: true, filters: noExternalObjects }),
    engineLog,
  );
  // With exitCode requested the engine answers 2 for "there is a difference"; for none it still prints a comment.
  if (result.exitCode === 0) return "";
  if (result.exitCode === 2) return result.stdout ?? "";
  throw new Error(
    `Prisma schema engine: diff ended with exit code ${result.exitCode}: ${result.stdout ?? ""}`,
  );
}

async function readSchemaFile(schemaPath: string): Promise<SchemaContainer> {
  const absolute = path.resolve(schemaPath);
  return { path: absolute, content: await readFile(absolute, "utf8") };
}

type EngineSession = { engine: SchemaEngine; db: PGlite; engineLog: string[] };

/** Runs `work` with an engine whose database is a fresh in-memory PGlite; closes everything afterwards. */
async function withEngine<T>(
  schema: SchemaContainer,
  work: (session: EngineSession) => Promise<T>,
): Promise<T> {
  // Compiling the wasm runs on background threads, alongside PGlite's start.
  const wasmLoading = loadSchemaEngineWasm();
  const db = await openEmptyDatabase();
  const shadowDbs: PGlite[] = [];
  const engineLog: string[] = [];
  try {
    const wasm = await wasmLoading;
    const factory = {
      provider: "postgres" as const,
      adapterName: "pglite-prisma-adapter",
      connect: () => new PrismaPGlite(db).connect(),
      // Only some engine commands want a shadow database; open it when asked.
      connectToShadowDb: async () => {
        const shadow = await openEmptyDatabase();
        shadowDbs.push(shadow);
        return new PrismaPGlite(shadow).connect();
      },
    };
    const engine = await callEngine(
      "start",
      () =>
        wasm.SchemaEngine.new(
          { datamodels: [[schema.path, schema.content]] },
          (line: string) => engineLog.push(line),
          bindMigrationAwareSqlAdapterFactory(factory),
        ),
      engineLog,
    );
    try {
      return await work({ engine, db, engineLog });
    } finally {
      // After a panic the wasm instance is poisoned: touching the engine again throws from inside wasm.
      if (!panicMessage) engine.free();
    }
  } finally {
    await Promise.all([db, ...shadowDbs].map((database) => database.close()));
  }
}

// A copy of the first, still empty, cluster opens several times faster than initdb makes a new one
// (docs/measurements.md).
let emptyClusterImage: Promise<Blob> | undefined;

async function openEmptyDatabase(): Promise<PGlite> {
  if (emptyClusterImage) return PGlite.create({ ...pgliteOptions, loadDataDir: await emptyClusterImage });
  const db = await PGlite.create(pgliteOptions);
  try {
    emptyClusterImage = db.dumpDataDir("none");
    await emptyClusterImage;
  } catch (error) {
    emptyClusterImage = undefined;
    await db.close();
    throw error;
  }
  return db;
}

// wasm-bindgen's panic hook reports the panic text through this global (Prisma's CLI installs the same one).
type PanicRegistry = { set_message(message: string): void; get(): string };
declare global {
  var PRISMA_WASM_PANIC_REGISTRY: PanicRegistry | undefined;
}

let panicMessage: string | undefined;
let loading: Promise<typeof glue> | undefined;

/** Instantiates the engine's wasm once per process, as its wasm-bindgen glue expects. */
function loadSchemaEngineWasm(): Promise<typeof glue> {
  loading ??= (async () => {
    if (!globalThis.PRISMA_WASM_PANIC_REGISTRY) {
      let message = "";
      globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (text) => (message = text), get: () => message };
    }
    // No package entry point instantiates the module under Node, so compile the .wasm that sits beside the glue.
    const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmModule = await WebAssembly.compile(
      await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm")),
    );
    // The glue module's namespace is exactly the import object wasm-bindgen generated the .wasm against.
    const instance = new WebAssembly.Instance(wasmModule, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start !== "function")
      throw new Error("@prisma/schema-engine-wasm: the .wasm exports no __wbindgen_start");
    start();
    return glue;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** Calls into the engine and turns whatever it throws (error objects, panics, plain values) into a readable Error. */
async function callEngine<T>(command: string, call: () => Promise<T>, engineLog: string[]): Promise<T> {
  if (panicMessage) {
    throw new Error(
      `Prisma schema engine panicked earlier in this process (${panicMessage}); start a new process.`,
    );
  }
  try {
    return await call();
  } catch (error) {
    // A Rust panic surfaces as a wasm trap ("unreachable"); its text is in the panic registry.
    if (error instanceof Error && error.name === "RuntimeError") {
      panicMessage = globalThis.PRISMA_WASM_PANIC_REGISTRY?.get() || error.message;
      throw new Error(
        `Prisma schema engine panicked during ${command}: ${panicMessage}${logTail(engineLog)}`,
        {
          cause: error,
        },
      );
    }
    const code =
      typeof error === "object" && error !== null && "code" in error ? ` [${String(error.code)}]` : "";
    const message = error instanceof Error ? error.message : describeThrownValue(error);
    throw new Error(`Prisma schema engine ${command} failed${code}: ${message}${logTail(engineLog)}`, {
      cause: error,
    });
  }
}

function describeThrownValue(value: unknown): string {
  try {
    return JSON.stringify(value) ?? errorMessage(value);
  } catch {
    return errorMessage(value);
  }
}

/** The engine's warnings and errors, which often say more than the error it throws. */
function logTail(engineLog: string[]): string {
  const notable = engineLog.filter((line) => /"level":"(WARN|ERROR)"/.test(line)).slice(-5);
  return notable.length ? `\nEngine log:\n${notable.join("\n")}` : "";
}
