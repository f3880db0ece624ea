// `npm run db:url`: prints the connection URL of the embedded database (password included: it is this checkout's
// own local server) and keeps the server up until Ctrl-C, for psql or any other PostgreSQL tool.
import { startDatabase } from "@/lib/embedded/launcher";

const database = await startDatabase().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
console.log(database.url);
if (database.embedded) {
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
