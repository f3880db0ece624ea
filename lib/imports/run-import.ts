// Runs one import job: reads the upload kept in its ImportJob row, runs the pipeline, writes the draft, and records
// each stage on the row for the page that watches it. The worker (scripts/worker.ts) and `npm run import` both run
// imports through here. Safe to run again for the same job: the ImportJob row says whether it is still to do, and
// the draft is written in one transaction that also records its id on the row.
import { DocumentReadError } from "@/lib/ingest/formats/errors";
import { readDocument } from "@/lib/ingest/formats/read-document";
import { importDocument, type ImportRules } from "@/lib/ingest/import-document";
import { isDatabaseUnavailable } from "@/lib/data/errors";
import type { Prisma } from "@/lib/prisma-client";
import type { ImportStageName } from "./stages";

export type RunOutcome = "succeeded" | "failed" | "not queued";

export async function runImport(prisma: Prisma, importId: number, rules: ImportRules): Promise<RunOutcome> {
  // Taking the job is one conditional write, so two workers (or a retry racing a re-queue) never both run it.
  const taken = await prisma.importJob.updateMany({
    where: { id: importId, state: "QUEUED" },
    data: {
      state: "RUNNING",
      stage: "reading",
      startedAt: new Date(),
      attempts: { increment: 1 },
      error: null,
      done: 0,
      total: 0,
    },
  });
  if (!taken.count) return "not queued";
  const job = await prisma.importJob.findUniqueOrThrow({ where: { id: importId } });
  const stage = (name: ImportStageName, done = 0, total = 0) =>
    prisma.importJob.update({ where: { id: importId }, data: { stage: name, done, total } }).then(() => {});

  try {
    // A previous run wrote the draft but stopped before recording that it had: nothing is left to do.
    let documentId = job.documentId;
    let duplicate = false;
    if (documentId === null) {
      const document = await readDocument({ bytes: job.content, filename: job.fileName ?? undefined });
      const outcome = await importDocument(
        prisma,
        {
          title: job.title,
          publisher: job.publisher ?? document.metadata.publisher?.slice(0, 200) ?? null,
          url: job.url ?? webAddress(document.metadata.url),
          publishedAt:
            job.publishedAt?.toISOString().slice(0, 10) ?? calendarDay(document.metadata.publishedAt),
          document,
        },
        rules,
        { importJobId: importId, onProgress: stage },
      );
      documentId = outcome.documentId;
      duplicate = outcome.status === "unchanged";
    }
    await prisma.importJob.update({
      where: { id: importId },
      data: { state: "SUCCEEDED", stage: "done", documentId, duplicate, finishedAt: new Date() },
    });
    return "succeeded";
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      // Back in the queue for pg-boss's retry; if the database is still away this write fails too, and the
      // worker's start-up re-queues the job instead.
      await prisma.importJob
        .update({ where: { id: importId }, data: { state: "QUEUED", stage: "queued" } })
        .catch(() => {});
      throw error;
    }
    await prisma.importJob.update({
      where: { id: importId },
      data: { state: "FAILED", error: failureMessage(error), finishedAt: new Date() },
    });
    return "failed";
  }
}

/**
 * A file's own date as a calendar day, or null: Word keeps a timestamp ("2025-03-12T09:15:00Z"), Markdown front
 * matter whatever was typed. Only the person's date is checked by a form, so the file's is checked here.
 */
function calendarDay(value: string | undefined): string | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? "")?.[0];
  if (!day) return null;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day) && date.getTime() <= Date.now()
    ? day
    : null;
}

/** A file's own address, when it is a web address. */
function webAddress(value: string | undefined): string | null {
  try {
    const url = new URL(value ?? "");
    return ["http:", "https:"].includes(url.protocol) && url.href.length <= 2000 ? url.href : null;
  } catch {
    return null;
  }
}

/** What the person who imported sees: the reader's own words for a file it could not read, else a general line. */
function failureMessage(error: unknown): string {
  if (error instanceof DocumentReadError) return error.message;
  if (error instanceof Error && error.message.startsWith("Cannot import this document")) return error.message;
  console.error("import failed:", error);
  return "The import failed because of an error in ClaimDesk, not in your file. It has been logged; try again later.";
}
