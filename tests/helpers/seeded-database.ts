// A scratch database rebuilt from the migrations and seeded exactly as `npm run dev` does.
import path from "node:path";
import { applyMigrations } from "@/lib/migrations/runner";
import { seed } from "@/prisma/seed";
import { emptyDatabase, testDatabaseUrl, testPrisma } from "./db";

export const MIGRATIONS_DIR = path.join(import.meta.dirname, "../../prisma/migrations");

export async function freshSeededDatabase() {
  const url = testDatabaseUrl();
  await emptyDatabase(url);
  await applyMigrations({ connectionString: url, migrationsDir: MIGRATIONS_DIR, log: () => {} });
  const prisma = testPrisma();
  await seed(prisma);
  return prisma;
}
