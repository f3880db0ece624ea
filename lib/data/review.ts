// The review workflow of a claim: status, the verdict reviewers give through their notes and the disagreement
// between them, settlement, assignment, a reviewer's queue and the claim's history. Writes authorise here, and take
// input their action already parsed (lib/validations/review.ts).
import "server-only";
import { AuthorizationError, can, requirePermission, type Actor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/data/audit";
import { InvalidStateError, NotFoundError, StaleVersionError } from "@/lib/data/errors";
import { getDb } from "@/lib/db";
import { labelOf, REVIEW_STATUS_OPTIONS } from "@/lib/domain/options";
import { Role, type ReviewStatus, type Verdict } from "@/lib/generated/prisma/enums.ts";
import type { Prisma as PrismaNamespace } from "@/lib/generated/prisma/client.ts";
import type { Prisma, Tx } from "@/lib/prisma-client";
import {
  reviewQueueSchema,
  type AssignClaimData,
  type ReviewQueueQuery,
  type SetClaimStatusData,
  type SettleClaimVerdictData,
} from "@/lib/validations/review";
import { pagedOf, type Paged } from "@/lib/data/paged";

export type PersonRef = { id: number; name: string };

export type ReviewerVerdictView = {
  reviewer: PersonRef;
  verdict: Verdict;
  /** The note that gives it, to link to. */
  annotationId: number;
  givenAt: Date;
};

export type ClaimReviewState = {
  claimId: number;
  status: ReviewStatus;
  verdict: Verdict | null;
  version: number;
  verdictSettledAt: Date | null;
  assignee: PersonRef | null;
  /** Reviewers' current verdicts, oldest first. */
  reviewerVerdicts: ReviewerVerdictView[];
  /** Reviewers differ (or differ from the settled verdict since it was settled): someone must settle it. */
  disagreement: boolean;
};

export type QueueRow = {
  id: number;
  text: string;
  status: ReviewStatus;
  verdict: Verdict | null;
  updatedAt: Date;
  disagreement: boolean;
};

export type ClaimHistoryEvent = {
  id: number;
  at: Date;
  action: string;
  actor: PersonRef | null;
  targetType: string;
  targetId: string;
  before: PrismaNamespace.JsonValue | null;
  after: PrismaNamespace.JsonValue | null;
};

/** The newest events a claim page shows; older ones stay in the admin audit log. */
export const HISTORY_LIMIT = 100;

/**
 * Before any settlement, reviewers disagree when their verdicts differ. After one, only verdicts given since
 * count, and only when they differ from the settled verdict: agreeing with it changes nothing.
 */
export function hasDisagreement(
  claim: { verdict: Verdict | null; verdictSettledAt: Date | null },
  verdicts: { verdict: Verdict; givenAt: Date }[],
): boolean {
  const settledAt = claim.verdictSettledAt;
  if (settledAt) return verdicts.some((v) => v.givenAt > settledAt && v.verdict !== claim.verdict);
  return new Set(verdicts.map((v) => v.verdict)).size > 1;
}

const PERSON = { select: { id: true, name: true } } as const;

export async function getClaimReview(
  claimId: number,
  viewer: Actor | null,
  db: Prisma = getDb(),
): Promise<ClaimReviewState | null> {
  requirePermission(viewer, "annotations.read");
  const claim = await db.claim.findUnique({
    where: { id: claimId },
    select: {
      id: true,
      status: true,
      verdict: true,
      version: true,
      verdictSettledAt: true,
      assignee: PERSON,
      reviewerVerdicts: {
        select: { verdict: true, annotationId: true, givenAt: true, reviewer: PERSON },
        orderBy: { givenAt: "asc" },
      },
    },
  });
  if (!claim) return null;
  return {
    claimId: claim.id,
    status: claim.status,
    verdict: claim.verdict,
    version: claim.version,
    verdictSettledAt: claim.verdictSettledAt,
    assignee: claim.assignee,
    reviewerVerdicts: claim.reviewerVerdicts,
    disagreement: hasDisagreement(claim, claim.reviewerVerdicts),
  };
}

/** Who an admin may assign a claim to: active reviewers and admins, by name. */
export async function getAssignableReviewers(
  viewer: Actor | null,
  db: Prisma = getDb(),
): Promise<PersonRef[]> {
  requirePermission(viewer, "claims.assignOthers");
  return db.user.findMany({
    where: { role: { in: [Role.REVIEWER, Role.ADMIN] }, disabledAt: null },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

/** Claims assigned to the viewer, unreviewed first, a page at a time, with how many there are per status. */
export async function getReviewQueue(
  viewer: Actor | null,
  query: ReviewQueueQuery,
  db: Prisma = getDb(),
): Promise<Paged<QueueRow> & { counts: Record<ReviewStatus, number> }> {
  requirePermission(viewer, "claims.review");
  const { status, page, size } = reviewQueueSchema.parse(query);
  const mine = { assigneeId: viewer.id };
  const [claims, groups] = await db.$transaction([
    db.claim.findMany({
      where: { ...mine, ...(status ? { status } : {}) },
      select: {
        id: true,
        text: true,
        status: true,
        verdict: true,
        verdictSettledAt: true,
        updatedAt: true,
        reviewerVerdicts: { select: { verdict: true, givenAt: true } },
      },
      // PostgreSQL orders an enum by its declaration: unreviewed, in review, reviewed.
      orderBy: [{ status: "asc" }, { id: "asc" }],
      skip: (page - 1) * size,
      take: size,
    }),
    db.claim.groupBy({ by: ["status"], where: mine, _count: { _all: true }, orderBy: { status: "asc" } }),
  ]);
  const counts: Record<ReviewStatus, number> = { UNREVIEWED: 0, IN_REVIEW: 0, REVIEWED: 0 };
  for (const group of groups) counts[group.status] = (group._count as { _all: number })._all;
  const total = status ? counts[status] : counts.UNREVIEWED + counts.IN_REVIEW + counts.REVIEWED;
  const rows = claims.map(({ reviewerVerdicts, verdictSettledAt, ...claim }) => ({
    ...claim,
    disagreement: hasDisagreement({ verdict: claim.verdict, verdictSettledAt }, reviewerVerdicts),
  }));
  return { ...pagedOf(rows, total, { page, size }), counts };
}

/** The claim's audit trail, newest first: its own changes and those of its notes and their evidence. */
export async function getClaimHistory(
  claimId: number,
  viewer: Actor | null,
  db: Prisma = getDb(),
): Promise<{ events: ClaimHistoryEvent[]; total: number }> {
  requirePermission(viewer, "annotations.read");
  const [events, total] = await db.$transaction([
    db.auditEvent.findMany({
      where: { claimId },
      select: {
        id: true,
        at: true,
        action: true,
        actor: PERSON,
        targetType: true,
        targetId: true,
        before: true,
        after: true,
      },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: HISTORY_LIMIT,
    }),
    db.auditEvent.count({ where: { claimId } }),
  ]);
  return { events, total };
}

const CLAIM_STATE = {
  id: true,
  status: true,
  verdict: true,
  version: true,
  verdictSettledAt: true,
  assigneeId: true,
  assignee: PERSON,
} as const;

/** The claim as the form saw it, or the reason the change cannot go ahead. */
async function claimAtVersion(tx: Tx, claimId: number, version: number) {
  const claim = await tx.claim.findUnique({ where: { id: claimId }, select: CLAIM_STATE });
  if (!claim) throw new NotFoundError("claim");
  if (claim.version !== version) throw new StaleVersionError("claim");
  return claim;
}

/** The write itself re-checks the version: of two saves from the same version, the later one finds none. */
async function updateClaimAtVersion(
  tx: Tx,
  claimId: number,
  version: number,
  data: PrismaNamespace.ClaimUncheckedUpdateManyInput,
): Promise<void> {
  const { count } = await tx.claim.updateMany({
    where: { id: claimId, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw new StaleVersionError("claim");
}

export async function setClaimStatus(
  db: Prisma,
  actor: Actor | null,
  { claimId, version, status }: SetClaimStatusData,
) {
  requirePermission(actor, "claims.review");
  return db.$transaction(async (tx) => {
    const claim = await claimAtVersion(tx, claimId, version);
    if (claim.status === status) {
      throw new InvalidStateError(
        `The claim is already ${labelOf(REVIEW_STATUS_OPTIONS, status).toLowerCase()}.`,
      );
    }
    if (status === "REVIEWED") {
      if (!claim.verdict) throw new InvalidStateError("Give the claim a verdict before marking it reviewed.");
      const verdicts = await tx.reviewerVerdict.findMany({ where: { claimId } });
      if (hasDisagreement(claim, verdicts)) {
        throw new InvalidStateError(
          "Reviewers disagree on the verdict: settle it before marking the claim reviewed.",
        );
      }
    }
    await updateClaimAtVersion(tx, claimId, version, { status });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "claim.status",
      targetType: "claim",
      targetId: claimId,
      claimId,
      before: { status: claim.status },
      after: { status },
    });
    return { claimId, version: version + 1 };
  });
}

/** An admin or the claim's assignee chooses the verdict over the reviewers' differing ones. */
export async function settleClaimVerdict(
  db: Prisma,
  actor: Actor | null,
  { claimId, version, verdict }: SettleClaimVerdictData,
) {
  requirePermission(actor, "claims.review");
  return db.$transaction(async (tx) => {
    const claim = await claimAtVersion(tx, claimId, version);
    if (!can(actor, "claims.assignOthers") && claim.assigneeId !== actor.id) {
      throw new AuthorizationError(
        "forbidden",
        "Only an admin or the reviewer assigned to this claim can settle its verdict.",
      );
    }
    const verdicts = await tx.reviewerVerdict.findMany({
      where: { claimId },
      select: { verdict: true, reviewer: PERSON },
      orderBy: { givenAt: "asc" },
    });
    const settledAt = new Date();
    await updateClaimAtVersion(tx, claimId, version, {
      verdict,
      verdictSettledAt: settledAt,
      status: "REVIEWED",
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "claim.settle",
      targetType: "claim",
      targetId: claimId,
      claimId,
      before: {
        verdict: claim.verdict,
        status: claim.status,
        verdictSettledAt: claim.verdictSettledAt?.toISOString() ?? null,
      },
      after: {
        verdict,
        status: "REVIEWED",
        verdictSettledAt: settledAt.toISOString(),
        // What each reviewer had said when it was settled, so the history reads without the notes.
        reviewerVerdicts: verdicts.map((v) => ({ reviewer: v.reviewer.name, verdict: v.verdict })),
      },
    });
    return { claimId, version: version + 1 };
  });
}

/**
 * Reviewers take an unassigned claim or release their own; admins assign anyone who reviews, or no one.
 */
export async function assignClaim(
  db: Prisma,
  actor: Actor | null,
  { claimId, version, assigneeId }: AssignClaimData,
) {
  requirePermission(actor, "claims.review");
  return db.$transaction(async (tx) => {
    const claim = await claimAtVersion(tx, claimId, version);
    if (claim.assigneeId === assigneeId) {
      throw new InvalidStateError(
        assigneeId === null
          ? "The claim is not assigned to anyone."
          : `The claim is already assigned to ${claim.assignee?.name}.`,
      );
    }
    if (!can(actor, "claims.assignOthers")) {
      const takes = assigneeId === actor.id && claim.assigneeId === null;
      const releases = assigneeId === null && claim.assigneeId === actor.id;
      if (!takes && !releases) {
        throw new AuthorizationError(
          "forbidden",
          claim.assigneeId === null
            ? "Reviewers can only take a claim for themselves; an admin assigns it to someone else."
            : `This claim is assigned to ${claim.assignee?.name}; only they can release it, or an admin reassign it.`,
        );
      }
    }
    const assignee =
      assigneeId === null
        ? null
        : await tx.user.findUnique({
            where: { id: assigneeId },
            select: { id: true, name: true, role: true, disabledAt: true },
          });
    if (assigneeId !== null) {
      if (!assignee || assignee.disabledAt) throw new NotFoundError("reviewer's account");
      if (assignee.role !== Role.REVIEWER && assignee.role !== Role.ADMIN) {
        throw new InvalidStateError(
          `${assignee.name} cannot be assigned claims: only reviewers and admins review.`,
        );
      }
    }
    await updateClaimAtVersion(tx, claimId, version, { assigneeId });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "claim.assign",
      targetType: "claim",
      targetId: claimId,
      claimId,
      before: { assigneeId: claim.assigneeId, assignee: claim.assignee?.name ?? null },
      after: { assigneeId, assignee: assignee?.name ?? null },
    });
    return { claimId, version: version + 1 };
  });
}

/**
 * Sets a reviewer's current verdict on a claim after one of their notes changed, then the claim's own verdict.
 * `given` is the verdict a note just gave; without it (the note giving their verdict was deleted or lost its
 * verdict) their verdict falls back to their latest remaining note that gives one, or is withdrawn.
 */
export async function refreshReviewerVerdict(
  tx: Tx,
  actor: Actor,
  claimId: number,
  reviewerId: number,
  given?: { annotationId: number; verdict: Verdict },
): Promise<void> {
  // Serialises verdict changes on one claim: the second of two concurrent notes sees the first one's verdict.
  await tx.$executeRaw`SELECT 1 FROM "Claim" WHERE id = ${claimId} FOR UPDATE`;
  const key = { claimId_reviewerId: { claimId, reviewerId } };
  if (given) {
    const row = { verdict: given.verdict, annotationId: given.annotationId, givenAt: new Date() };
    await tx.reviewerVerdict.upsert({ where: key, create: { claimId, reviewerId, ...row }, update: row });
  } else {
    const latest = await tx.annotation.findFirst({
      where: { claimId, authorId: reviewerId, deletedAt: null, verdict: { not: null } },
      select: { id: true, verdict: true, updatedAt: true },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    });
    if (latest?.verdict) {
      // The note's own time, not now: an old verdict coming back must not reopen a settled disagreement.
      const row = { verdict: latest.verdict, annotationId: latest.id, givenAt: latest.updatedAt };
      await tx.reviewerVerdict.upsert({ where: key, create: { claimId, reviewerId, ...row }, update: row });
    } else {
      await tx.reviewerVerdict.deleteMany({ where: { claimId, reviewerId } });
    }
  }
  await adoptAgreedVerdict(tx, actor, claimId);
}

/** When every reviewer's verdict agrees and nothing was settled, the claim takes that verdict. */
async function adoptAgreedVerdict(tx: Tx, actor: Actor, claimId: number): Promise<void> {
  const claim = await tx.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: { verdict: true, verdictSettledAt: true },
  });
  const verdicts = await tx.reviewerVerdict.findMany({
    where: { claimId },
    select: { verdict: true, givenAt: true, reviewer: PERSON },
    orderBy: { givenAt: "asc" },
  });
  if (verdicts.length === 0 || claim.verdictSettledAt || hasDisagreement(claim, verdicts)) return;
  const agreed = verdicts[0]!.verdict;
  if (claim.verdict === agreed) return;
  await tx.claim.update({ where: { id: claimId }, data: { verdict: agreed, version: { increment: 1 } } });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "claim.verdict",
    targetType: "claim",
    targetId: claimId,
    claimId,
    before: { verdict: claim.verdict },
    after: {
      verdict: agreed,
      reviewerVerdicts: verdicts.map((v) => ({ reviewer: v.reviewer.name, verdict: v.verdict })),
    },
  });
}
