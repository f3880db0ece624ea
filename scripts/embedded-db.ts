// `npm run db:url`: prints the connection URL of the embedded database (password included: it is this checkout's
// own local server), for psql or any other PostgreSQL tool. When nothing else holds the server (no `npm run dev`),
// it keeps it up until Ctrl-C.
import { startDatabase } from "@/lib/embedded/launcher";

const database = await startDatabase().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
console.log(database.url);
if (database.shared) {
  await database.stop();
} else if (database.embedded) {
  console.error("Keeping the embedded database up; press Ctrl-C to let go of it.");
  const stop = async () => {
    await database.stop();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  // Nothing else keeps the event loop alive while we wait for the signal.
  setInterval(() => {}, 1 << 30);
}
