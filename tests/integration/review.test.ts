// The review workflow on PostgreSQL: verdicts from notes, disagreement and settlement, status, assignment,
// stale claim versions, the queue and the claim's history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthorizationError, type Actor } from "@/lib/auth/permissions";
import { createAnnotation, deleteAnnotation, editAnnotation } from "@/lib/data/annotations";
import { InvalidStateError, StaleVersionError } from "@/lib/data/errors";
import {
  assignClaim,
  getClaimHistory,
  getClaimReview,
  getReviewQueue,
  setClaimStatus,
  settleClaimVerdict,
} from "@/lib/data/review";
import type { Verdict } from "@/lib/generated/prisma/enums.ts";
import type { Prisma } from "@/lib/prisma-client";
import { makeUser } from "@/prisma/factories";
import { freshSeededDatabase } from "@/tests/helpers/seeded-database";

let prisma: Prisma;
let rita: Actor;
let sam: Actor;
let tom: Actor;
let admin: Actor;
let viewer: Actor;
let analyst: Actor;
let claimIds: number[];
let nextClaim = 0;

beforeAll(async () => {
  prisma = await freshSeededDatabase();
  [rita, sam, tom, admin, viewer, analyst] = await Promise.all([
    makeUser(prisma, { role: "REVIEWER", name: "Rita Reviewer" }),
    makeUser(prisma, { role: "REVIEWER", name: "Sam Second" }),
    makeUser(prisma, { role: "REVIEWER", name: "Tom Third" }),
    makeUser(prisma, { role: "ADMIN", name: "Ada Admin" }),
    makeUser(prisma, { role: "VIEWER" }),
    makeUser(prisma, { role: "ANALYST" }),
  ]);
  claimIds = (await prisma.claim.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((c) => c.id);
});
afterAll(async () => {
  await prisma?.$disconnect();
});

/** Each test reviews claims no other test touched. */
function freshClaim(): number {
  const id = claimIds[nextClaim++];
  if (id === undefined) throw new Error("out of seeded claims");
  return id;
}

function giveVerdict(actor: Actor | null, claimId: number, verdict: Verdict, body = `Verdict: ${verdict}`) {
  return createAnnotation(prisma, actor, { claimId, body, verdict, evidence: { kind: "none" }, locator: "" });
}

async function claimState(claimId: number) {
  return prisma.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: { status: true, verdict: true, version: true, verdictSettledAt: true, assigneeId: true },
  });
}

async function review(claimId: number) {
  return (await getClaimReview(claimId, viewer, prisma))!;
}

async function claimEvents(claimId: number, action: string) {
  return prisma.auditEvent.findMany({ where: { claimId, action }, orderBy: { id: "asc" } });
}

describe("verdicts and disagreement", () => {
  it("gives the claim the verdict all reviewers agree on, audited as claim.verdict", async () => {
    const claimId = freshClaim();
    await giveVerdict(rita, claimId, "SUPPORTED");
    expect(await claimState(claimId)).toMatchObject({ verdict: "SUPPORTED", version: 2 });
    await giveVerdict(sam, claimId, "SUPPORTED");
    expect(await review(claimId)).toMatchObject({ verdict: "SUPPORTED", disagreement: false });
    const events = await claimEvents(claimId, "claim.verdict");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: rita.id,
      before: { verdict: null },
      after: {
        verdict: "SUPPORTED",
        reviewerVerdicts: [{ reviewer: "Rita Reviewer", verdict: "SUPPORTED" }],
      },
    });
  });

  it("shows who said what when reviewers differ, and keeps the claim's verdict until someone settles", async () => {
    const claimId = freshClaim();
    const ritaNote = await giveVerdict(rita, claimId, "SUPPORTED");
    const samNote = await giveVerdict(sam, claimId, "FALSE");
    const state = await review(claimId);
    expect(state.disagreement).toBe(true);
    expect(state.verdict).toBe("SUPPORTED");
    expect(state.reviewerVerdicts.map((v) => [v.reviewer.name, v.verdict, v.annotationId])).toEqual([
      ["Rita Reviewer", "SUPPORTED", ritaNote.id],
      ["Sam Second", "FALSE", samNote.id],
    ]);
    const { version } = await claimState(claimId);
    await expect(setClaimStatus(prisma, rita, { claimId, version, status: "REVIEWED" })).rejects.toThrow(
      "Reviewers disagree on the verdict: settle it before marking the claim reviewed.",
    );
  });

  it("lets only an admin or the assigned reviewer settle, then reopens only for differing later verdicts", async () => {
    const claimId = freshClaim();
    await giveVerdict(rita, claimId, "SUPPORTED");
    await giveVerdict(sam, claimId, "FALSE");
    let { version } = await claimState(claimId);
    for (const actor of [rita, sam, viewer, analyst]) {
      await expect(
        settleClaimVerdict(prisma, actor, { claimId, version, verdict: "FALSE" }),
      ).rejects.toBeInstanceOf(AuthorizationError);
    }
    await assignClaim(prisma, sam, { claimId, version, assigneeId: sam.id });
    version += 1;
    await settleClaimVerdict(prisma, sam, { claimId, version, verdict: "MIXED" });
    const settled = await review(claimId);
    expect(settled).toMatchObject({ verdict: "MIXED", status: "REVIEWED", disagreement: false });
    expect(settled.verdictSettledAt).toBeInstanceOf(Date);
    const [settleEvent] = await claimEvents(claimId, "claim.settle");
    expect(settleEvent).toMatchObject({
      actorId: sam.id,
      before: { verdict: "SUPPORTED", status: "UNREVIEWED", verdictSettledAt: null },
      after: {
        verdict: "MIXED",
        status: "REVIEWED",
        reviewerVerdicts: [
          { reviewer: "Rita Reviewer", verdict: "SUPPORTED" },
          { reviewer: "Sam Second", verdict: "FALSE" },
        ],
      },
    });

    // Agreeing with the settled verdict afterwards changes nothing.
    await giveVerdict(tom, claimId, "MIXED");
    expect(await review(claimId)).toMatchObject({ verdict: "MIXED", disagreement: false });
    // Differing from it reopens the disagreement, without changing the settled verdict.
    const reopening = await giveVerdict(rita, claimId, "FALSE");
    expect(await review(claimId)).toMatchObject({ verdict: "MIXED", disagreement: true });
    // Deleting that note brings back Rita's earlier verdict, given before the settlement: settled again.
    await deleteAnnotation(prisma, rita, { annotationId: reopening.id });
    const after = await review(claimId);
    expect(after).toMatchObject({ verdict: "MIXED", disagreement: false });
    expect(after.reviewerVerdicts.find((v) => v.reviewer.id === rita.id)?.verdict).toBe("SUPPORTED");

    await giveVerdict(tom, claimId, "OPINION");
    ({ version } = await claimState(claimId));
    await settleClaimVerdict(prisma, admin, { claimId, version, verdict: "OPINION" });
    expect(await review(claimId)).toMatchObject({ verdict: "OPINION", disagreement: false });
  });

  it("follows edits: a changed verdict moves the reviewer's verdict, a removed one falls back or withdraws", async () => {
    const claimId = freshClaim();
    const first = await giveVerdict(rita, claimId, "SUPPORTED");
    await giveVerdict(sam, claimId, "FALSE");
    expect((await review(claimId)).disagreement).toBe(true);
    await editAnnotation(prisma, rita, {
      annotationId: first.id,
      version: 1,
      body: "On reflection, false",
      verdict: "FALSE",
      evidence: { kind: "none" },
      locator: "",
    });
    expect(await review(claimId)).toMatchObject({ verdict: "FALSE", disagreement: false });
    await editAnnotation(prisma, rita, {
      annotationId: first.id,
      version: 2,
      body: "No verdict from me after all",
      verdict: null,
      evidence: { kind: "none" },
      locator: "",
    });
    const state = await review(claimId);
    expect(state.reviewerVerdicts.map((v) => v.reviewer.name)).toEqual(["Sam Second"]);
  });

  it("refuses verdicts from anyone below reviewer", async () => {
    const claimId = freshClaim();
    for (const actor of [null, viewer, analyst]) {
      await expect(giveVerdict(actor, claimId, "FALSE")).rejects.toBeInstanceOf(AuthorizationError);
    }
    expect(await prisma.reviewerVerdict.count({ where: { claimId } })).toBe(0);
  });
});

describe("status", () => {
  it("moves through the steps for reviewers, audited, and refuses what makes no sense", async () => {
    const claimId = freshClaim();
    for (const actor of [null, viewer, analyst]) {
      await expect(
        setClaimStatus(prisma, actor, { claimId, version: 1, status: "IN_REVIEW" }),
      ).rejects.toBeInstanceOf(AuthorizationError);
    }
    await setClaimStatus(prisma, rita, { claimId, version: 1, status: "IN_REVIEW" });
    await expect(
      setClaimStatus(prisma, rita, { claimId, version: 2, status: "IN_REVIEW" }),
    ).rejects.toBeInstanceOf(InvalidStateError);
    await expect(setClaimStatus(prisma, rita, { claimId, version: 2, status: "REVIEWED" })).rejects.toThrow(
      "Give the claim a verdict before marking it reviewed.",
    );
    await giveVerdict(sam, claimId, "UNVERIFIABLE");
    await setClaimStatus(prisma, sam, { claimId, version: 3, status: "REVIEWED" });
    expect(await claimState(claimId)).toMatchObject({
      status: "REVIEWED",
      verdict: "UNVERIFIABLE",
      version: 4,
    });
    const events = await claimEvents(claimId, "claim.status");
    expect(events.map((e) => [e.actorId, e.before, e.after])).toEqual([
      [rita.id, { status: "UNREVIEWED" }, { status: "IN_REVIEW" }],
      [sam.id, { status: "IN_REVIEW" }, { status: "REVIEWED" }],
    ]);
  });

  it("of two concurrent changes from one version, exactly one wins", async () => {
    const claimId = freshClaim();
    const results = await Promise.allSettled([
      setClaimStatus(prisma, rita, { claimId, version: 1, status: "IN_REVIEW" }),
      assignClaim(prisma, sam, { claimId, version: 1, assigneeId: sam.id }),
    ]);
    const rejected = results.filter((result) => result.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(StaleVersionError);
    const state = await claimState(claimId);
    expect(state.version).toBe(2);
    const statusWon = results[0]!.status === "fulfilled";
    expect(state).toMatchObject(
      statusWon ? { status: "IN_REVIEW", assigneeId: null } : { status: "UNREVIEWED", assigneeId: sam.id },
    );
    expect(await prisma.auditEvent.count({ where: { claimId } })).toBe(1);
  });
});

describe("assignment", () => {
  it("lets reviewers take an unassigned claim and release their own, nothing else", async () => {
    const claimId = freshClaim();
    await expect(assignClaim(prisma, rita, { claimId, version: 1, assigneeId: sam.id })).rejects.toThrow(
      "Reviewers can only take a claim for themselves",
    );
    await assignClaim(prisma, rita, { claimId, version: 1, assigneeId: rita.id });
    await expect(assignClaim(prisma, sam, { claimId, version: 2, assigneeId: sam.id })).rejects.toThrow(
      "This claim is assigned to Rita Reviewer",
    );
    await expect(assignClaim(prisma, sam, { claimId, version: 2, assigneeId: null })).rejects.toBeInstanceOf(
      AuthorizationError,
    );
    await assignClaim(prisma, rita, { claimId, version: 2, assigneeId: null });
    await expect(
      assignClaim(prisma, viewer, { claimId, version: 3, assigneeId: viewer.id }),
    ).rejects.toBeInstanceOf(AuthorizationError);
    const events = await claimEvents(claimId, "claim.assign");
    expect(events.map((e) => [e.actorId, e.before, e.after])).toEqual([
      [rita.id, { assigneeId: null, assignee: null }, { assigneeId: rita.id, assignee: "Rita Reviewer" }],
      [rita.id, { assigneeId: rita.id, assignee: "Rita Reviewer" }, { assigneeId: null, assignee: null }],
    ]);
  });

  it("lets admins assign reviewers and admins, never lower roles, and refuses a stale version", async () => {
    const claimId = freshClaim();
    await assignClaim(prisma, admin, { claimId, version: 1, assigneeId: rita.id });
    await assignClaim(prisma, admin, { claimId, version: 2, assigneeId: sam.id });
    await expect(assignClaim(prisma, admin, { claimId, version: 3, assigneeId: analyst.id })).rejects.toThrow(
      "cannot be assigned claims",
    );
    await expect(
      assignClaim(prisma, admin, { claimId, version: 2, assigneeId: admin.id }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    expect(await claimState(claimId)).toMatchObject({ assigneeId: sam.id, version: 3 });
  });
});

describe("queue and history", () => {
  it("lists the reviewer's own claims a page at a time, by status, with the disagreement flag", async () => {
    const reviewer = await makeUser(prisma, { role: "REVIEWER", name: "Quinn Queue" });
    const mine = [freshClaim(), freshClaim(), freshClaim()];
    for (const claimId of mine)
      await assignClaim(prisma, admin, { claimId, version: 1, assigneeId: reviewer.id });
    await setClaimStatus(prisma, reviewer, { claimId: mine[2]!, version: 2, status: "IN_REVIEW" });
    await giveVerdict(rita, mine[1]!, "FALSE");
    await giveVerdict(sam, mine[1]!, "SUPPORTED");

    const first = await getReviewQueue(reviewer, { status: null, page: 1, size: 2 }, prisma);
    expect(first).toMatchObject({
      total: 3,
      pageCount: 2,
      counts: { UNREVIEWED: 2, IN_REVIEW: 1, REVIEWED: 0 },
    });
    expect(first.rows.map((row) => row.id)).toEqual([mine[0], mine[1]]);
    expect(first.rows.map((row) => row.disagreement)).toEqual([false, true]);
    const second = await getReviewQueue(reviewer, { status: null, page: 2, size: 2 }, prisma);
    expect(second.rows.map((row) => row.id)).toEqual([mine[2]]);
    const inReview = await getReviewQueue(reviewer, { status: "IN_REVIEW", page: 1, size: 25 }, prisma);
    expect(inReview).toMatchObject({ total: 1, rows: [{ id: mine[2], status: "IN_REVIEW" }] });

    await expect(getReviewQueue(analyst, { status: null, page: 1, size: 25 }, prisma)).rejects.toBeInstanceOf(
      AuthorizationError,
    );
  });

  it("gives a claim's history newest first, with who did it, to signed-in people only", async () => {
    const claimId = freshClaim();
    await assignClaim(prisma, rita, { claimId, version: 1, assigneeId: rita.id });
    await giveVerdict(rita, claimId, "MISLEADING");
    await expect(getClaimHistory(claimId, null, prisma)).rejects.toBeInstanceOf(AuthorizationError);
    const { events, total } = await getClaimHistory(claimId, viewer, prisma);
    expect(total).toBe(3);
    expect(events.map((event) => [event.action, event.actor?.name])).toEqual([
      ["claim.verdict", "Rita Reviewer"],
      ["annotation.create", "Rita Reviewer"],
      ["claim.assign", "Rita Reviewer"],
    ]);
  });
});
