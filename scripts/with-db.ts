// `tsx scripts/with-db.ts <command> [args...]`: runs a command with DATABASE_URL set, starting the embedded
// database for it when DATABASE_URL is not set already.
import { startDatabase } from "@/lib/embedded/launcher";
import { runCommand } from "./run-command";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: tsx scripts/with-db.ts <command> [args...]");
  process.exit(2);
}

const db = await startDatabase().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
let exitCode = 127;
try {
  exitCode = await runCommand(command, args, { ...process.env, DATABASE_URL: db.url });
} catch (error) {
  console.error(`[db] ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await db.stop();
}
process.exit(exitCode);
