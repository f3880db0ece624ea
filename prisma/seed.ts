// Seeds the catalog (sectors, entities, sources) and imports every document in prisma/data/documents
// through the same pipeline any later document goes through. Safe to run again: it changes nothing.

import fs from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  IMPORT_TRANSACTION,
  entitiesSchema,
  sectorsSchema,
  sourcesSchema,
  syncCatalog,
  type Catalog,
} from "@/lib/ingest/catalog";
import { readPlainText } from "@/lib/ingest/formats/plain-text";
import { importDocument } from "@/lib/ingest/import-document";
import { publishDraft } from "@/lib/ingest/publish-document";
import { overlaySchema } from "@/lib/ingest/overlay";
import { createPrismaClient, type Prisma } from "@/lib/prisma-client";

const DATA_DIR = path.join(import.meta.dirname, "data");

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await fs.readFile(path.join(DATA_DIR, file), "utf8"));
}

export async function loadCatalog(): Promise<Catalog> {
  return {
    sectors: sectorsSchema.parse(await readJson("sectors.json")),
    entities: entitiesSchema.parse(await readJson("entities.json")),
    sources: sourcesSchema.parse(await readJson("sources.json")),
  };
}

export async function seed(prisma: Prisma, log: (line: string) => void = () => {}): Promise<void> {
  const catalog = await loadCatalog();
  const sync = await syncCatalog(prisma, catalog);
  log(`catalog: ${sync.created} created, ${sync.updated} updated`);

  const files = (await fs.readdir(path.join(DATA_DIR, "documents"))).filter((f) => f.endsWith(".txt")).sort();
  for (const file of files) {
    const base = file.replace(/\.txt$/, "");
    const overlay = overlaySchema.parse(await readJson(`documents/${base}.overlay.json`));
    const fullText = await fs.readFile(path.join(DATA_DIR, "documents", file), "utf8");
    const outcome = await importDocument(
      prisma,
      { ...overlay.document, document: readPlainText(fullText) },
      { sectors: catalog.sectors, sources: catalog.sources, overlay },
    );
    // The curated documents are reviewed already (the overlay is that review): they go out as published, also when
    // an earlier seed stopped between writing the draft and publishing it.
    const published = await prisma.$transaction(
      (tx) => publishDraft(tx, outcome.documentId),
      IMPORT_TRANSACTION,
    );
    log(published ? `${base}: imported ${published.claims} claims` : `${base}: already imported, unchanged`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set. Run `npm run db:seed`, which provides the embedded database.");
    process.exit(1);
  }
  const prisma = createPrismaClient(url);
  try {
    await seed(prisma, (line) => console.log(`seed: ${line}`));
  } catch (error) {
    console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await prisma.$disconnect();
  }
}
