// Prisma 7 reads no .env by itself; the database URL comes from the environment (scripts/with-db.ts sets it for the embedded database).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/claimdesk" },
});
