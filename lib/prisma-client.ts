// Builds a Prisma client over node-postgres. Scripts and tests call this directly; the app goes through lib/db.ts.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client.ts";

export function createPrismaClient(connectionString: string) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString }),
    // The embedded database runs one transaction at a time, so a page that starts several (the claims table and
    // its facets) queues them; Prisma's 2 s default wait to start one failed such pages under concurrent loads.
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
    // Password hashes never leave the data layer by accident: lib/auth/credentials.ts asks for the one it checks.
    omit: { user: { passwordHash: true } },
  });
}

export type Prisma = ReturnType<typeof createPrismaClient>;

/** The client inside an interactive transaction: what a write helper takes so it joins its caller's transaction. */
export type Tx = Parameters<Parameters<Prisma["$transaction"]>[0]>[0];
