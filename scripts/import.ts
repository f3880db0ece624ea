// `npm run import -- <file> [--title …] [--publisher …] [--url …] [--published YYYY-MM-DD]`: imports a report from
// the command line as a draft, through the same job the import page queues, run here rather than by the worker, with
// its stages printed as they pass. Reviewers then find it under Documents.
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { UPLOAD_LIMIT_BYTES } from "@/lib/actions/limits";
import { formatCount } from "@/lib/format";
import { runImport } from "@/lib/imports/run-import";
import { repoMigrationsDir } from "@/lib/migrations/migration-files";
import { applyMigrations } from "@/lib/migrations/runner";
import { IMPORT_STAGES } from "@/lib/imports/stages";
import { createPrismaClient } from "@/lib/prisma-client";
import { importDetailsSchema, uploadFileName } from "@/lib/validations/imports";
import { loadCatalog, seed } from "@/prisma/seed";

const USAGE =
  "usage: npm run import -- <file> [--title TITLE] [--publisher NAME] [--url URL] [--published YYYY-MM-DD]";

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        title: { type: "string" },
        publisher: { type: "string" },
        url: { type: "string" },
        published: { type: "string" },
      },
    });
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, 2);
  }
})();
if (positionals.length !== 1) fail(USAGE, 2);
const file = path.resolve(positionals[0]!);
const details = importDetailsSchema.safeParse({
  title: values.title ?? null,
  publisher: values.publisher ?? null,
  url: values.url ?? null,
  publishedAt: values.published ?? null,
});
if (!details.success) fail(details.error.issues.map((issue) => issue.message).join("\n"), 2);
const stat = await fs.stat(file).catch(() => fail(`No file at ${file}.`));
if (!stat.isFile()) fail(`${file} is not a file.`);
if (stat.size > UPLOAD_LIMIT_BYTES)
  fail(`${file} is larger than the ${UPLOAD_LIMIT_BYTES / 2 ** 20} MB ClaimDesk imports.`);

const url = process.env.DATABASE_URL;
if (!url)
  fail("DATABASE_URL is not set. Run `npm run import -- <file>`, which provides the embedded database.");
// As `npm run dev` prepares it: an import needs the catalog's sectors and entities in place.
await applyMigrations({ connectionString: url, migrationsDir: repoMigrationsDir, log: () => {} });
const prisma = createPrismaClient(url);
try {
  await seed(prisma);
  const job = await prisma.importJob.create({
    data: {
      content: new Uint8Array(await fs.readFile(file)),
      fileName: uploadFileName(file),
      ...details.data,
      publishedAt: details.data.publishedAt ? new Date(`${details.data.publishedAt}T00:00:00Z`) : null,
      // A row the worker would also take: this command takes it first, as RUNNING, and no one else runs it.
    },
    select: { id: true },
  });
  const started = performance.now();
  let shown = "";
  const watch = setInterval(() => {
    void prisma.importJob
      .findUnique({ where: { id: job.id }, select: { stage: true, done: true, total: true } })
      .then((row) => {
        const label = IMPORT_STAGES.find((stage) => stage.name === row?.stage)?.label;
        const line = row?.total ? `${label} (${row.done} of ${row.total})` : label;
        if (line && line !== shown)
          console.log(`${((performance.now() - started) / 1000).toFixed(1)} s  ${(shown = line)}`);
      });
  }, 250);
  const { sectors, sources } = await loadCatalog();
  const outcome = await runImport(prisma, job.id, { sectors, sources }).finally(() => clearInterval(watch));
  const done = await prisma.importJob.findUniqueOrThrow({
    where: { id: job.id },
    select: {
      error: true,
      duplicate: true,
      document: {
        select: {
          id: true,
          title: true,
          _count: { select: { candidates: true, proposedEntities: true, skippedSentences: true } },
        },
      },
    },
  });
  if (outcome !== "succeeded" || !done.document) fail(`Import failed: ${done.error ?? outcome}`);
  const { document } = done;
  console.log(
    done.duplicate
      ? `This text was imported before, as document ${document.id} "${document.title}"; nothing new was written.`
      : `Imported "${document.title}" as draft document ${document.id} in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
          `${formatCount(document._count.candidates, "candidate claim", "candidate claims")}, ` +
          `${formatCount(document._count.proposedEntities, "proposed entity", "proposed entities")}, ` +
          `${formatCount(document._count.skippedSentences, "sentence", "sentences")} left out. Open /documents/${document.id} to review it.`,
  );
} finally {
  await prisma.$disconnect();
}
