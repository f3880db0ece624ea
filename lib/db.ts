// The app's one Prisma client. Scripts and tests build their own with createPrismaClient().
import "server-only";
import { getServerEnv } from "@/lib/env";
import { createPrismaClient, type Prisma } from "@/lib/prisma-client";

// One client per process, on globalThis: Next loads this module once per bundle (pages, route handlers, and again
// after each hot reload in dev), and a client per copy would open a pool per copy.
const globalForDb = globalThis as typeof globalThis & { claimdeskDb?: Prisma };

export function getDb(): Prisma {
  return (globalForDb.claimdeskDb ??= createPrismaClient(getServerEnv().DATABASE_URL));
}
