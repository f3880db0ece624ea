// `npm run dev` / `npm start`: one command from a fresh clone to a dashboard with data. Starts the
// database (the embedded one unless DATABASE_URL is set), applies migrations, seeds (a no-op when
// already seeded), runs Next.js and the import worker beside it, and stops both and the database when
// Next.js exits.

import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startDatabase } from "@/lib/embedded/launcher";
import { repoMigrationsDir } from "@/lib/migrations/migration-files";
import { applyMigrations } from "@/lib/migrations/runner";
import { createPrismaClient } from "@/lib/prisma-client";
import { seed } from "@/prisma/seed";
import { authEnv } from "./auth-env";
import { nextStartNodeOptions } from "./next-start-node-options";
import { runCommand } from "./run-command";

const [mode, ...nextArgs] = process.argv.slice(2);
if (mode !== "dev" && mode !== "start") {
  console.error("usage: tsx scripts/serve.ts dev|start [next options]");
  process.exit(2);
}
if (mode === "start" && !fs.existsSync(path.resolve(".next/BUILD_ID"))) {
  console.error("There is no production build yet: run `npm run build` first, then `npm start`.");
  process.exit(1);
}

const database = await startDatabase().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
let exitCode = 1;
let worker: { stop(): Promise<void> } | undefined;
try {
  await applyMigrations({
    connectionString: database.url,
    migrationsDir: repoMigrationsDir,
    log: console.log,
  });
  const prisma = createPrismaClient(database.url);
  try {
    await seed(prisma, (line) => console.log(`seed: ${line}`));
  } finally {
    await prisma.$disconnect();
  }
  worker = startWorker(database.url);
  exitCode = await runCommand("npx", ["next", mode, ...nextArgs], {
    ...process.env,
    ...(mode === "dev" && devServerRunning() && { CLAIMDESK_NEXT_DIST_DIR: ".next-alt" }),
    ...authEnv(nextArgs),
    DATABASE_URL: database.url,
    ...(mode === "start" && { NODE_OPTIONS: nextStartNodeOptions(process.env.NODE_OPTIONS) }),
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  await worker?.stop();
  await database.stop();
}
process.exit(exitCode);

/**
 * The import worker (scripts/worker.ts) in a process of its own: an import's parsing then never holds up a page.
 * Started again a few seconds after it stops on its own (it exits when it loses the database); meanwhile imports
 * wait in the queue and the site goes on.
 */
function startWorker(url: string): { stop(): Promise<void> } {
  const RESTART_DELAY_MS = 5_000;
  let stopping = false;
  let child: ChildProcess;
  let exited: Promise<void>;
  const spawnWorker = () => {
    child = spawn("npx", ["tsx", "scripts/worker.ts"], {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: url },
      detached: true,
    });
    exited = new Promise((resolve) => child.once("exit", () => resolve()));
    child.once("exit", (code, signal) => {
      if (stopping) return;
      console.error(`import worker stopped (${signal ?? `exit code ${code}`}); starting it again`);
      setTimeout(() => stopping || spawnWorker(), RESTART_DELAY_MS).unref();
    });
  };
  spawnWorker();
  return {
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        if (child.pid) process.kill(-child.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
      await exited;
    },
  };
}
/** Whether a `next dev` of this checkout is running: Next.js allows one per build folder (next.config.js). */
function devServerRunning(): boolean {
  try {
    const { pid } = JSON.parse(fs.readFileSync(path.resolve(".next/dev/lock"), "utf8")) as { pid?: unknown };
    if (typeof pid !== "number") return false;
    process.kill(pid, 0);
    return true;
  } catch {
    // No lock, an unreadable one, or its process is gone: the default build folder is free.
    return false;
  }
}
