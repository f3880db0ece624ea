// The seeded article with the catalog and overlay the seed uses, for tests of the ingestion pipeline.
import fs from "node:fs";
import path from "node:path";
import { ingestContext } from "@/lib/ingest/catalog";
import { overlaySchema, type Overlay } from "@/lib/ingest/overlay";
import type { IngestContext } from "@/lib/ingest/pipeline";
import { loadCatalog } from "@/prisma/seed";

const DOCUMENTS = path.join(import.meta.dirname, "../../prisma/data/documents");

export const corpusText = fs.readFileSync(path.join(DOCUMENTS, "china-ai-ecosystem-2025.txt"), "utf8");

export function corpusOverlay(): Overlay {
  return overlaySchema.parse(
    JSON.parse(fs.readFileSync(path.join(DOCUMENTS, "china-ai-ecosystem-2025.overlay.json"), "utf8")),
  );
}

export async function corpusContext(): Promise<IngestContext> {
  return ingestContext(await loadCatalog());
}
