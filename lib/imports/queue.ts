// The import queue: pg-boss keeps its jobs in PostgreSQL (its own schema, "pgboss"), so an import survives a restart
// of the server or the worker with no other service to run. A queued job carries only the ImportJob's id; that row
// holds the upload and where the import stands (lib/imports/run-import.ts).
import PgBoss from "pg-boss";
import type { Prisma } from "@/lib/prisma-client";

export const IMPORT_QUEUE = "import-document";

export interface ImportMessage {
  importId: number;
}

/**
 * A worker killed mid-import leaves its job active; pg-boss hands it out again once this long has passed (the worker
 * also re-queues its own interrupted imports when it starts, see scripts/worker.ts). Well above the longest import
 * we measured, so a slow import is not run twice.
 */
const EXPIRE_SECONDS = 15 * 60;

/**
 * Kept with the queue, so every job has them. A database that was unavailable is worth a second and third try; an
 * unreadable file fails on the first (run-import.ts does not throw for it).
 */
const QUEUE_OPTIONS = { retryLimit: 2, retryDelay: 10, retryBackoff: true, expireInSeconds: EXPIRE_SECONDS };

/**
 * A started pg-boss on `connectionString`, its schema installed or migrated and the import queue created (both
 * idempotent, under pg-boss's own lock). `work` adds what a worker needs: expiring and retrying jobs, and
 * maintenance; a sender needs neither.
 */
export async function openQueue(connectionString: string, { work }: { work: boolean }): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString,
    max: 2,
    application_name: work ? "claimdesk-import-worker" : "claimdesk-import-queue",
    supervise: work,
    schedule: false,
  });
  boss.on("error", (error) => console.error(`import queue: ${error.message}`));
  await boss.start();
  await boss.createQueue(IMPORT_QUEUE, { name: IMPORT_QUEUE, ...QUEUE_OPTIONS });
  return boss;
}

export async function sendImport(boss: PgBoss, importId: number): Promise<void> {
  const message: ImportMessage = { importId };
  await boss.send(IMPORT_QUEUE, message);
}

export interface ImportRequest {
  /** The file as uploaded, or a pasted text's UTF-8 bytes. */
  content: Uint8Array;
  fileName: string | null;
  title: string | null;
  publisher: string | null;
  url: string | null;
  /** YYYY-MM-DD. */
  publishedAt: string | null;
  /** Null from the command line. */
  createdById: number | null;
}

/**
 * Records an import and queues it; returns the ImportJob's id. Two writes, not one transaction: if the process stops
 * between them, the row waits as QUEUED and the worker queues it when it next starts. The caller has checked who is
 * asking and what they sent.
 */
export async function queueImport(prisma: Prisma, boss: PgBoss, request: ImportRequest): Promise<number> {
  const { content, publishedAt, ...rest } = request;
  const job = await prisma.importJob.create({
    data: {
      ...rest,
      content: new Uint8Array(content),
      publishedAt: publishedAt ? new Date(`${publishedAt}T00:00:00Z`) : null,
    },
    select: { id: true },
  });
  await sendImport(boss, job.id);
  return job.id;
}
