// Review state on the seeded claims (statuses, verdicts, an assignee, notes, a deleted note), for tests of the
// claims filters and facets: the seed imports every claim unreviewed, so without this those facets count one value.
import { COMMAND_LINE, createUser } from "@/lib/data/users";
import type { Prisma } from "@/lib/prisma-client";

export interface ReviewData {
  reviewerId: number;
  /** Claims with a note that is not deleted. */
  notedClaimIds: number[];
  /** A claim whose only note is deleted: it has no note any more. */
  deletedNoteClaimId: number;
}

/** Spreads review states over the claims, by their order in the documents, so every facet has several values. */
export async function addReviewData(prisma: Prisma, name: string): Promise<ReviewData> {
  const reviewer = await createUser(prisma, COMMAND_LINE, {
    email: `${name}@review-data.test`,
    name,
    password: "a long enough password",
    role: "REVIEWER",
  });
  const claims = await prisma.claim.findMany({
    select: { id: true },
    orderBy: [{ documentId: "asc" }, { startOffset: "asc" }],
  });
  const ids = claims.map((claim) => claim.id);
  const every = (step: number, offset: number) => ids.filter((_, index) => index % step === offset);
  await prisma.claim.updateMany({ where: { id: { in: every(3, 0) } }, data: { status: "REVIEWED" } });
  await prisma.claim.updateMany({ where: { id: { in: every(3, 1) } }, data: { status: "IN_REVIEW" } });
  await prisma.claim.updateMany({ where: { id: { in: every(4, 0) } }, data: { verdict: "SUPPORTED" } });
  await prisma.claim.updateMany({ where: { id: { in: every(4, 1) } }, data: { verdict: "FALSE" } });
  await prisma.claim.updateMany({ where: { id: { in: every(5, 2) } }, data: { assigneeId: reviewer.id } });

  const notedClaimIds = every(4, 2);
  for (const claimId of notedClaimIds) {
    await prisma.annotation.create({
      data: { claimId, authorId: reviewer.id, body: `A note on ${claimId}` },
    });
  }
  // A claim with a deleted note beside a live one still has a note; one whose only note is deleted has none.
  const deletedAt = new Date();
  await prisma.annotation.create({
    data: {
      claimId: notedClaimIds[0]!,
      authorId: reviewer.id,
      body: "Withdrawn",
      deletedAt,
      deletedById: reviewer.id,
    },
  });
  const [deletedNoteClaimId] = every(4, 3);
  await prisma.annotation.create({
    data: {
      claimId: deletedNoteClaimId!,
      authorId: reviewer.id,
      body: "Withdrawn",
      deletedAt,
      deletedById: reviewer.id,
    },
  });
  return { reviewerId: reviewer.id, notedClaimIds, deletedNoteClaimId: deletedNoteClaimId! };
}
