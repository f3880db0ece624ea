// Browser tests start from the migrations and the seeded report: every test makes the records it reads through the
// factories (prisma/factories.ts), and only the README's examples (readme.spec.ts) open the seeded report's own pages.
// The import worker runs beside the server, as `npm start` runs it, once the database is ready for it.
import { startImportWorker } from "@/lib/imports/worker";
import { testDatabaseUrl } from "../helpers/db";
import { freshSeededDatabase } from "../helpers/seeded-database";

export default async function globalSetup() {
  const prisma = await freshSeededDatabase();
  await prisma.$disconnect();
  const worker = await startImportWorker(testDatabaseUrl(), {
    log: () => {},
    onLockLost: () => console.error("import worker: lost the test database"),
  });
  return () => worker.stop();
}
