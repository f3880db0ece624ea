// `tsx scripts/worker.ts`: the import worker on DATABASE_URL, until stopped. `npm run dev` and `npm start` run it
// beside Next.js, in a process of its own so that a long import never holds up a page.
import { startImportWorker } from "@/lib/imports/worker";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set (npm run dev and npm start set it for the worker).");
  process.exit(2);
}
const worker = await startImportWorker(url, {
  onLockLost: () => {
    console.error("import worker: lost its database connection; stopping");
    process.exit(1);
  },
}).catch((error: unknown) => {
  console.error(`import worker could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void worker.stop().finally(() => process.exit(0));
  });
}
