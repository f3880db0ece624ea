// Browser tests start from the migrations and the seeded report: every test makes the records it reads through the
// factories (prisma/factories.ts), and only the README's examples (readme.spec.ts) open the seeded report's own pages.
import { freshSeededDatabase } from "../helpers/seeded-database";

export default async function globalSetup() {
  const prisma = await freshSeededDatabase();
  await prisma.$disconnect();
}
