// The app's one Prisma client. Scripts and tests build their own with createPrismaClient().
import "server-only";
import { getServerEnv } from "@/lib/env";
import { createPrismaClient, type Prisma } from "@/lib/prisma-client";

// Dev hot reload re-evaluates this module; keeping the client on globalThis stops every edit from opening a new pool.
const globalForDb = globalThis as typeof globalThis & { claimdeskDb?: Prisma };

let client: Prisma | undefined = globalForDb.claimdeskDb;

export function getDb(): Prisma {
  if (!client) {
    client = createPrismaClient(getServerEnv().DATABASE_URL);
    if (process.env.NODE_ENV !== "production") globalForDb.claimdeskDb = client;
  }
  return client;
}
