// Builds a Prisma client over node-postgres. Scripts and tests call this directly; the app goes through lib/db.ts.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client.ts";

export function createPrismaClient(connectionString: string) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

export type Prisma = ReturnType<typeof createPrismaClient>;
