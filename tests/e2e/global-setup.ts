// Browser tests read the seeded report: rebuild the scratch database from the migrations and seed it.
import { freshSeededDatabase } from "../helpers/seeded-database";

export default async function globalSetup() {
  const prisma = await freshSeededDatabase();
  await prisma.$disconnect();
}
