// The import worker: takes import jobs from the queue one at a time and runs them (run-import.ts). One worker serves
// a database at a time: it holds an advisory lock while it runs, so that on start it can tell that an import left
// RUNNING was interrupted (no other worker can be running it) and queue it again. A second worker waits for the lock.
import pg from "pg";
import type PgBoss from "pg-boss";
import { createPrismaClient } from "@/lib/prisma-client";
import { loadCatalog } from "@/prisma/seed";
import { IMPORT_QUEUE, openQueue, sendImport, type ImportMessage } from "./queue";
import { runImport } from "./run-import";

/** pg_advisory_lock key of "the import worker of this database" (any constant no other lock uses). */
const WORKER_LOCK = 7_205_118;

/** How often an idle worker asks for a job: the import page shows "waiting" for at most this long. */
const POLLING_SECONDS = 1;

export interface ImportWorker {
  stop(): Promise<void>;
}

export async function startImportWorker(
  connectionString: string,
  {
    log = console.log,
    onLockLost,
  }: {
    log?: (line: string) => void;
    /**
     * The lock's connection ended (the database stopped or restarted): another worker may take over, so this one
     * must stop taking jobs. A process that runs only the worker exits; its supervisor starts it again.
     */
    onLockLost: () => void;
  },
): Promise<ImportWorker> {
  const lock = new pg.Client({ connectionString, application_name: "claimdesk-import-worker-lock" });
  let stopping = false;
  lock.on("error", () => {});
  lock.once("end", () => {
    if (!stopping) onLockLost();
  });
  await lock.connect();
  const { rows } = await lock.query<{ free: boolean }>("SELECT pg_try_advisory_lock($1) AS free", [
    WORKER_LOCK,
  ]);
  if (!rows[0]?.free) {
    log("import worker: another worker serves this database; waiting to take over");
    await lock.query("SELECT pg_advisory_lock($1)", [WORKER_LOCK]);
  }
  const prisma = createPrismaClient(connectionString);
  let boss: PgBoss | undefined;
  try {
    const { sectors, sources } = await loadCatalog();
    boss = await openQueue(connectionString, { work: true });
    const requeued = await requeueInterrupted(prisma, boss);
    if (requeued) log(`import worker: queued ${requeued} interrupted import(s) again`);
    await boss.work<ImportMessage>(
      IMPORT_QUEUE,
      { pollingIntervalSeconds: POLLING_SECONDS, batchSize: 1 },
      async ([job]) => {
        if (!job) return;
        const outcome = await runImport(prisma, job.data.importId, { sectors, sources });
        log(`import worker: import ${job.data.importId} ${outcome}`);
      },
    );
    log("import worker: ready");
  } catch (error) {
    stopping = true;
    await Promise.allSettled([boss?.stop({ graceful: false }), prisma.$disconnect(), lock.end()]);
    throw error;
  }
  return {
    async stop() {
      stopping = true;
      await boss!.stop({ graceful: true, wait: true, timeout: 10_000 });
      await prisma.$disconnect();
      await lock.end();
    },
  };
}

/**
 * Imports RUNNING when the worker starts were cut off (a restart, a crash): with the lock held, no worker is running
 * them. They go back in the queue, with any import whose message was lost between its row and the queue.
 */
async function requeueInterrupted(
  prisma: ReturnType<typeof createPrismaClient>,
  boss: PgBoss,
): Promise<number> {
  await prisma.importJob.updateMany({
    where: { state: "RUNNING" },
    data: { state: "QUEUED", stage: "queued" },
  });
  const queued = await prisma.importJob.findMany({ where: { state: "QUEUED" }, select: { id: true } });
  for (const { id } of queued) await sendImport(boss, id);
  return queued.length;
}
