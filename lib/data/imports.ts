// Imports as the app sees them: queueing one for a reviewer, and where each stands, for the import page and the
// JSON route. The work itself runs in the import worker (lib/imports/worker.ts), never in a request.
import "server-only";
import type PgBoss from "pg-boss";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { getServerEnv } from "@/lib/env";
import type { ImportState } from "@/lib/generated/prisma/enums.ts";
import { openQueue, queueImport } from "@/lib/imports/queue";
import { IMPORT_STAGES, stageIndex } from "@/lib/imports/stages";
import type { Prisma } from "@/lib/prisma-client";
import type { ImportDetails } from "@/lib/validations/imports";

export interface ImportUpload {
  content: Uint8Array;
  fileName: string | null;
  details: ImportDetails;
}

export type StageStatus = "done" | "current" | "failed" | "waiting";

export interface ImportView {
  id: number;
  state: ImportState;
  fileName: string | null;
  title: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  stages: { name: string; label: string; status: StageStatus }[];
  /** Candidates saved so far, while saving. */
  progress: { done: number; total: number } | null;
  error: string | null;
  /** The text had been imported before: `document` is that earlier import. */
  duplicate: boolean;
  document: {
    id: number;
    title: string;
    draft: boolean;
    claims: number;
    proposedEntities: number;
    skippedSentences: number;
  } | null;
}

/** Imports listed on the import page: the latest few, which is what a person watching their imports needs. */
const RECENT_IMPORTS = 10;

export async function createImport(
  db: Prisma,
  actor: Actor | null,
  upload: ImportUpload,
): Promise<ImportView> {
  requirePermission(actor, "documents.import");
  const id = await queueImport(db, await importSender(), {
    content: upload.content,
    fileName: upload.fileName,
    ...upload.details,
    createdById: actor.id,
  });
  return (await getImport(db, actor, id))!;
}

export async function getImport(db: Prisma, actor: Actor | null, id: number): Promise<ImportView | null> {
  requirePermission(actor, "documents.import");
  const [view] = await readImports(db, { id });
  return view ?? null;
}

/** The latest imports by anyone: a team watches each other's imports land. */
export async function getRecentImports(db: Prisma, actor: Actor | null): Promise<ImportView[]> {
  requirePermission(actor, "documents.import");
  return readImports(db, {}, RECENT_IMPORTS);
}

async function readImports(db: Prisma, where: { id?: number }, take?: number): Promise<ImportView[]> {
  const jobs = await db.importJob.findMany({
    where,
    orderBy: { id: "desc" },
    take,
    select: {
      id: true,
      state: true,
      stage: true,
      fileName: true,
      title: true,
      done: true,
      total: true,
      error: true,
      duplicate: true,
      createdAt: true,
      finishedAt: true,
      document: {
        select: {
          id: true,
          title: true,
          state: true,
          claimCount: true,
          _count: { select: { candidates: true, proposedEntities: true, skippedSentences: true } },
        },
      },
    },
  });
  return jobs.map(({ stage, done, total, document, ...job }) => ({
    ...job,
    stages: stagesOf(job.state, stage),
    progress: job.state === "RUNNING" && stage === "saving" && total > 0 ? { done, total } : null,
    document: document && {
      id: document.id,
      title: document.title,
      draft: document.state === "DRAFT",
      claims: document.state === "DRAFT" ? document._count.candidates : document.claimCount,
      proposedEntities: document._count.proposedEntities,
      skippedSentences: document._count.skippedSentences,
    },
  }));
}

function stagesOf(state: ImportState, stage: string): ImportView["stages"] {
  const current = stageIndex(stage);
  return IMPORT_STAGES.map(({ name, label }, index) => ({
    name,
    label,
    status:
      state === "SUCCEEDED" || index < current
        ? "done"
        : index > current
          ? "waiting"
          : state === "FAILED"
            ? "failed"
            : "current",
  }));
}

/**
 * The web server's handle on the queue, opened on first use and kept: it only sends (the worker process works the
 * jobs). On globalThis for the reason lib/db.ts gives. A failed opening is forgotten, so the next import tries again.
 */
const globalForQueue = globalThis as typeof globalThis & { claimdeskImportSender?: Promise<PgBoss> };

function importSender(): Promise<PgBoss> {
  globalForQueue.claimdeskImportSender ??= openQueue(getServerEnv().DATABASE_URL, { work: false }).catch(
    (error: unknown) => {
      globalForQueue.claimdeskImportSender = undefined;
      throw error;
    },
  );
  return globalForQueue.claimdeskImportSender;
}
