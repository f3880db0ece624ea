// The 300-page import: the generated report (large-report.ts) is queued as the import page queues an upload, the
// import worker runs it in a process of its own as in production, and the bench reads the ImportJob row every
// POLL_MS for the time of each stage while it times pages of the running server, to set beside the same pages timed
// just before. Afterwards the draft and the job are deleted, so the bench database holds only its corpus again.

import type pg from "pg";
import { IMPORT_QUEUE, openQueue, queueImport } from "@/lib/imports/queue";
import { createPrismaClient } from "@/lib/prisma-client";
import { startWorkerProcess, type WorkerProcess } from "./import-worker";
import {
  generateLargeReport,
  WORDS_PER_PAGE,
  type LargeReportCounts,
  type ReportCatalog,
} from "./large-report";
import type { NextServer } from "./next-server";
import { sampleOtherWork, type OtherWork } from "./other-work";
import { treeRss, watchPeakMemory } from "./process-memory";
import { LARGE_IMPORT_SCENARIO } from "./scenarios";
import { fetchWire, readBody, summarise, type Timing } from "./timing";

/** How often the ImportJob row is read: each stage's time is known to within this. */
export const POLL_MS = 150;
const REQUEST_TIMEOUT_MS = 30_000;

export interface ImportPageTiming {
  name: string;
  path: string;
  idle?: Timing;
  during?: Timing;
  /** Requests during the import that did not answer 200 with a page. */
  failedDuring: number;
}

export interface LargeImportResult {
  report?: {
    fileName: string;
    bytes: number;
    pages: number;
    counts: LargeReportCounts;
    generatedSeconds: number;
  };
  /** Seconds from queueing until the ImportJob row said SUCCEEDED or FAILED. */
  seconds?: number;
  state?: string;
  /** The row's stages in the order seen, each with the seconds until the next one was seen. */
  stages: { stage: string; seconds: number }[];
  /** What the import wrote for its draft. */
  written?: {
    sections: number;
    candidates: number;
    proposedEntities: number;
    proposedMentions: number;
    skipped: number;
  };
  worker?: { readySeconds: number; idleBytes: number; peakBytes: number };
  /** The busiest programs outside the bench in the import's first seconds. */
  otherWork?: OtherWork[];
  pages: ImportPageTiming[];
  error?: string;
  verdict: "PASS" | "FAIL";
}

export async function measureLargeImport(
  server: NextServer,
  client: pg.Client,
  databaseUrl: string,
  catalog: ReportCatalog,
  signal: AbortSignal,
  log: (line: string) => void,
): Promise<LargeImportResult> {
  const { pages, idleRounds, maxSeconds } = LARGE_IMPORT_SCENARIO;
  const result: LargeImportResult = {
    stages: [],
    pages: pages.map((page) => ({ ...page, failedDuring: 0 })),
    verdict: "FAIL",
  };
  let worker: WorkerProcess | undefined;
  let importId: number | undefined;
  const prisma = createPrismaClient(databaseUrl);
  try {
    const generating = performance.now();
    const report = generateLargeReport(catalog);
    result.report = {
      fileName: report.fileName,
      bytes: report.bytes.length,
      pages: Math.round(report.counts.words / WORDS_PER_PAGE),
      counts: report.counts,
      generatedSeconds: (performance.now() - generating) / 1000,
    };
    log(
      `import: generated ${report.fileName}, ${report.counts.words.toLocaleString("en-US")} words, ` +
        `${(report.bytes.length / 1e3).toFixed(0)} kB, in ${result.report.generatedSeconds.toFixed(1)} s`,
    );
    // Before the worker starts: it would queue an interrupted run's job again.
    await removeLeftovers(client, report.fileName);
    const starting = performance.now();
    worker = await startWorkerProcess(databaseUrl);
    result.worker = {
      readySeconds: (performance.now() - starting) / 1000,
      idleBytes: treeRss(worker.pid),
      peakBytes: 0,
    };
    log(`import: worker ready in ${result.worker.readySeconds.toFixed(1)} s (pid ${worker.pid})`);

    const idle = await timePages(server, result.pages, { rounds: idleRounds }, signal);
    result.pages.forEach((page, i) => (page.idle = summarise(idle[i]!.samples)));

    const boss = await openQueue(databaseUrl, { work: false });
    try {
      const stopWatching = watchPeakMemory(worker.pid);
      const queuedAt = performance.now();
      importId = await queueImport(prisma, boss, {
        content: report.bytes,
        fileName: report.fileName,
        title: report.title,
        publisher: null,
        url: null,
        publishedAt: null,
        createdById: null,
      });
      let running = true;
      const during = timePages(server, result.pages, { while: () => running }, signal);
      const otherWork = sampleOtherWork();
      let job: JobRow;
      try {
        job = await watchJob(client, importId, queuedAt, result.stages, signal);
      } finally {
        running = false;
        const peak = stopWatching();
        result.worker.peakBytes = Math.max(peak.sampledPeakBytes, peak.highWaterBytes ?? 0);
      }
      result.seconds = (performance.now() - queuedAt) / 1000;
      result.state = job.state;
      result.otherWork = await otherWork;
      (await during).forEach((timed, i) => {
        // An import over before its first page answered leaves nothing to summarise.
        if (timed.samples.length) result.pages[i]!.during = summarise(timed.samples);
        result.pages[i]!.failedDuring = timed.failed;
      });
      if (job.state !== "SUCCEEDED") {
        const output = worker.output().join("\n");
        throw new Error(
          `the import ${job.state === "FAILED" ? `failed: ${job.error}` : `was still ${job.state} after ${LARGE_IMPORT_SCENARIO.timeoutSeconds} s`}` +
            (output ? `\nLast worker output:\n${output}` : ""),
        );
      }
      if (job.documentId === null) throw new Error("the import succeeded but recorded no document");
      result.written = await writtenFor(client, job.documentId);
    } finally {
      await boss.stop({ graceful: false });
    }
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  } finally {
    // Stopped first: an import still running rolls back its transaction and cannot write after the clean-up.
    await worker?.stop();
    await prisma.$disconnect();
    if (importId !== undefined && result.report) await removeLeftovers(client, result.report.fileName);
    // As after the corpus's load: the pages measured next should not meet a checkpoint of the import's writes.
    await client.query("CHECKPOINT");
  }
  const pagesFailed = result.pages.some((page) => page.failedDuring > 0);
  result.verdict =
    !result.error && !pagesFailed && result.seconds !== undefined && result.seconds < maxSeconds
      ? "PASS"
      : "FAIL";
  return result;
}

interface JobRow {
  state: string;
  stage: string;
  error: string | null;
  documentId: number | null;
}

/** Reads the job's row until it is done, recording when each stage was first seen. */
async function watchJob(
  client: pg.Client,
  importId: number,
  queuedAt: number,
  stages: LargeImportResult["stages"],
  signal: AbortSignal,
): Promise<JobRow> {
  const seen: { stage: string; at: number }[] = [{ stage: "queued", at: queuedAt }];
  const deadline = queuedAt + LARGE_IMPORT_SCENARIO.timeoutSeconds * 1000;
  let job: JobRow;
  for (;;) {
    const { rows } = await client.query<JobRow>(
      `SELECT "state", "stage", "error", "documentId" FROM "ImportJob" WHERE "id" = $1`,
      [importId],
    );
    job = rows[0]!;
    const now = performance.now();
    if (job.stage !== seen.at(-1)!.stage) seen.push({ stage: job.stage, at: now });
    const done = job.state === "SUCCEEDED" || job.state === "FAILED";
    if (done || now > deadline || signal.aborted) {
      seen.push({ stage: "", at: now });
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  // "done" is the row's last stage, not one that takes time.
  for (let i = 0; i + 1 < seen.length; i++) {
    if (seen[i]!.stage === "done") continue;
    stages.push({ stage: seen[i]!.stage, seconds: (seen[i + 1]!.at - seen[i]!.at) / 1000 });
  }
  return job;
}

/**
 * Times the pages one request after another, in turn, for a number of rounds or while a condition holds. A page
 * that fails is counted (the import's own verdict says so) and the rounds go on.
 */
async function timePages(
  server: NextServer,
  pages: { path: string }[],
  until: { rounds: number } | { while: () => boolean },
  signal: AbortSignal,
): Promise<{ samples: number[]; failed: number }[]> {
  const timed = pages.map(() => ({ samples: [] as number[], failed: 0 }));
  const more = (round: number) => ("rounds" in until ? round < until.rounds : until.while());
  for (let round = 0; more(round) && !signal.aborted; round++) {
    for (const [i, page] of pages.entries()) {
      const started = performance.now();
      try {
        const response = await fetchWire(
          `${server.origin}${page.path}`,
          AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
        );
        const elapsed = performance.now() - started;
        readBody(response);
        timed[i]!.samples.push(elapsed);
      } catch (error) {
        if ("rounds" in until) throw error;
        timed[i]!.failed++;
      }
    }
  }
  return timed;
}

async function writtenFor(client: pg.Client, documentId: number): Promise<LargeImportResult["written"]> {
  const { rows } = await client.query<NonNullable<LargeImportResult["written"]>>(
    `SELECT
       (SELECT count(*)::int FROM "Section" WHERE "documentId" = $1) AS "sections",
       (SELECT count(*)::int FROM "ClaimCandidate" WHERE "documentId" = $1) AS "candidates",
       (SELECT count(*)::int FROM "ProposedEntity" WHERE "documentId" = $1) AS "proposedEntities",
       (SELECT count(*)::int FROM "ProposedEntityMention" m JOIN "ProposedEntity" p ON p."id" = m."proposedEntityId"
         WHERE p."documentId" = $1) AS "proposedMentions",
       (SELECT count(*)::int FROM "SkippedSentence" WHERE "documentId" = $1) AS "skipped"`,
    [documentId],
  );
  return rows[0];
}

/**
 * Deletes the report's drafts (their sections, candidates, proposals and skipped sentences go with them), its import
 * jobs and the queue's messages: the bench database has no imports but the bench's own.
 */
async function removeLeftovers(client: pg.Client, fileName: string): Promise<void> {
  await client.query(
    `DELETE FROM "Document" WHERE "state" = 'DRAFT'
       AND "id" IN (SELECT "documentId" FROM "ImportJob" WHERE "fileName" = $1)`,
    [fileName],
  );
  await client.query(`DELETE FROM "ImportJob" WHERE "fileName" = $1`, [fileName]);
  const { rows } = await client.query<{ exists: boolean }>(
    `SELECT to_regclass('pgboss.job') IS NOT NULL AS "exists"`,
  );
  if (rows[0]?.exists) await client.query(`DELETE FROM pgboss.job WHERE "name" = $1`, [IMPORT_QUEUE]);
}
