// Scratch databases rebuilt from the migrations: empty, for tests that make their own data (prisma/factories.ts),
// seeded exactly as `npm run dev` does, for tests of the seed itself, or filled with a synthetic corpus.
import path from "node:path";
import { applyMigrations } from "@/lib/migrations/runner";
import { insertCorpus } from "@/scripts/bench/corpus-loader";
import { generateSyntheticCorpus } from "@/scripts/bench/synthetic-corpus";
import { loadCatalog, seed } from "@/prisma/seed";
import { emptyDatabase, testDatabaseUrl, testPrisma, withPgClient } from "./db";

export const MIGRATIONS_DIR = path.join(import.meta.dirname, "../../prisma/migrations");

/** A scratch database with every migration applied and no rows. */
export async function freshDatabase() {
  const url = testDatabaseUrl();
  await emptyDatabase(url);
  await applyMigrations({ connectionString: url, migrationsDir: MIGRATIONS_DIR, log: () => {} });
  return testPrisma();
}

export async function freshSeededDatabase() {
  const prisma = await freshDatabase();
  await seed(prisma);
  return prisma;
}

/** A scratch database rebuilt from the migrations and filled with a small synthetic corpus (1,500 claims). */
export async function freshSyntheticDatabase(seed: string) {
  const prisma = await freshDatabase();
  const corpus = generateSyntheticCorpus(
    { seed, claims: 1_500, documents: 4, entities: 150, sources: 40 },
    await loadCatalog(),
  );
  await withPgClient(async (client) => {
    await client.query("BEGIN");
    await insertCorpus(client, corpus, () => {});
    await client.query("COMMIT");
  });
  return prisma;
}
