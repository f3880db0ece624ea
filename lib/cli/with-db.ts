// `tsx lib/cli/with-db.ts <command> [args...]`: runs a command with DATABASE_URL set, starting the embedded
// database for it when DATABASE_URL is not set already.
import { spawn } from "node:child_process";
import os from "node:os";
import { startDatabase } from "@/lib/embedded/launcher";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: tsx lib/cli/with-db.ts <command> [args...]");
  process.exit(2);
}

const db = await startDatabase().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
// Its own process group, so that a forwarded signal also reaches whatever the command starts.
const child = spawn(command, args, {
  stdio: "inherit",
  detached: true,
  env: { ...process.env, DATABASE_URL: db.url },
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone; the exit handler below finishes up.
    }
  });
}

const exitCode = await new Promise<number>((resolve) => {
  child.once("error", (error) => {
    console.error(`[db] cannot run ${command}: ${error.message}`);
    resolve(127);
  });
  child.once("exit", (code, signal) => resolve(code ?? 128 + (signal ? os.constants.signals[signal] : 0)));
});
await db.stop();
process.exit(exitCode);
