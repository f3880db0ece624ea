// A claim's review thread: notes in Markdown with an optional verdict and evidence, one level of replies, edits
// that keep earlier versions, soft delete and resolve. Writes authorise here, whoever calls them, and take input their
// action already parsed (lib/validations/annotations.ts).
import "server-only";
import { randomBytes } from "node:crypto";
import { AuthorizationError, hasRole, requirePermission, type Actor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/data/audit";
import { brokenForeignKey, InvalidStateError, NotFoundError, StaleVersionError } from "@/lib/data/errors";
import { getDb } from "@/lib/db";
import { Role, type SourceKind, type Verdict } from "@/lib/generated/prisma/enums.ts";
import type { Prisma, Tx } from "@/lib/prisma-client";
import type {
  AnnotationRefData,
  CreateAnnotationData,
  EditAnnotationData,
  EvidenceData,
  ReplyToAnnotationData,
} from "@/lib/validations/annotations";
import { refreshReviewerVerdict, type PersonRef } from "./review";

export type EvidenceSource = {
  id: number;
  title: string;
  publisher: string | null;
  url: string | null;
  kind: SourceKind;
};

export type AnnotationRevisionView = {
  version: number;
  body: string;
  verdict: Verdict | null;
  evidence: EvidenceSource | null;
  locator: string | null;
  editedBy: PersonRef;
  editedAt: Date;
};

export type AnnotationView = {
  id: number;
  claimId: number;
  parentId: number | null;
  author: PersonRef;
  /** Null once deleted: the text stays in the database and the audit trail, not in the thread. */
  body: string | null;
  verdict: Verdict | null;
  evidence: EvidenceSource | null;
  locator: string | null;
  version: number;
  createdAt: Date;
  /** When the text last changed. */
  updatedAt: Date;
  /** Earlier versions, newest first. */
  revisions: AnnotationRevisionView[];
  resolved: { at: Date; by: PersonRef } | null;
  deleted: { at: Date; by: PersonRef } | null;
};

export type AnnotationThread = AnnotationView & { replies: AnnotationView[] };

const PERSON = { select: { id: true, name: true } } as const;
const EVIDENCE = { select: { id: true, title: true, publisher: true, url: true, kind: true } } as const;

/** The claim's notes, oldest first, each with its replies; for signed-in people only. */
export async function getAnnotationThread(
  claimId: number,
  viewer: Actor | null,
  db: Prisma = getDb(),
): Promise<AnnotationThread[]> {
  requirePermission(viewer, "annotations.read");
  const notes = await db.annotation.findMany({
    where: { claimId },
    include: {
      author: PERSON,
      evidenceSource: EVIDENCE,
      resolvedBy: PERSON,
      deletedBy: PERSON,
      revisions: {
        include: { editedBy: PERSON, evidenceSource: EVIDENCE },
        orderBy: { version: "desc" },
      },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const views = notes.map((note): AnnotationView => ({
    id: note.id,
    claimId: note.claimId,
    parentId: note.parentId,
    author: note.author,
    body: note.deletedAt ? null : note.body,
    verdict: note.deletedAt ? null : note.verdict,
    evidence: note.deletedAt ? null : note.evidenceSource,
    locator: note.deletedAt ? null : note.evidenceLocator,
    version: note.version,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    revisions: note.deletedAt
      ? []
      : note.revisions.map((revision) => ({
          version: revision.version,
          body: revision.body,
          verdict: revision.verdict,
          evidence: revision.evidenceSource,
          locator: revision.evidenceLocator,
          editedBy: revision.editedBy,
          editedAt: revision.editedAt,
        })),
    resolved: note.resolvedAt && note.resolvedBy ? { at: note.resolvedAt, by: note.resolvedBy } : null,
    deleted: note.deletedAt && note.deletedBy ? { at: note.deletedAt, by: note.deletedBy } : null,
  }));
  return views
    .filter((view) => view.parentId === null)
    .map((root) => ({ ...root, replies: views.filter((view) => view.parentId === root.id) }));
}

/** What the audit trail keeps of a note's content. */
function contentOf(note: {
  body: string;
  verdict: Verdict | null;
  evidenceSourceId: number | null;
  evidenceLocator: string | null;
}) {
  return {
    body: note.body,
    verdict: note.verdict,
    evidenceSourceId: note.evidenceSourceId,
    evidenceLocator: note.evidenceLocator,
  };
}

/** The source a note cites: one picked from the catalog, the catalog's entry for a URL, or a new one. */
async function resolveEvidence(
  tx: Tx,
  actor: Actor,
  evidence: EvidenceData,
  claimId: number,
): Promise<number | null> {
  if (evidence.kind === "none") return null;
  if (evidence.kind === "existing") {
    const source = await tx.source.findUnique({ where: { id: evidence.sourceId }, select: { id: true } });
    if (!source) throw new NotFoundError("source");
    return source.id;
  }
  const known = await tx.source.findFirst({
    where: { url: evidence.url },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  if (known) return known.id;
  const source = await tx.source.create({
    data: {
      slug: sourceSlug(evidence.title),
      title: evidence.title,
      publisher: evidence.publisher,
      url: evidence.url,
      kind: evidence.sourceKind,
      createdById: actor.id,
    },
    select: { id: true, slug: true, title: true, publisher: true, url: true, kind: true },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "source.create",
    targetType: "source",
    targetId: source.id,
    claimId,
    after: source,
  });
  return source.id;
}

/** Readable and unique without a lookup: the title's words and a random suffix. */
function sourceSlug(title: string): string {
  const words = title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${words || "source"}-${randomBytes(3).toString("hex")}`;
}

export async function createAnnotation(db: Prisma, actor: Actor | null, input: CreateAnnotationData) {
  requirePermission(actor, "annotations.write");
  const { claimId, body, verdict, evidence, locator } = input;
  // The claim's foreign key says whether it exists: a read first would hold each of a burst's transactions for one
  // more round trip.
  return db
    .$transaction((tx) => addNote(tx, actor, { claimId, parentId: null, body, verdict, evidence, locator }))
    .catch((error: unknown) => {
      if (brokenForeignKey(error) === "Annotation_claimId_fkey") throw new NotFoundError("claim");
      throw error;
    });
}

/** Replies attach to the thread's first note, so a reply to a reply lands in the same thread. */
export async function replyToAnnotation(db: Prisma, actor: Actor | null, input: ReplyToAnnotationData) {
  requirePermission(actor, "annotations.write");
  const { parentId, body, verdict, evidence, locator } = input;
  return db.$transaction(async (tx) => {
    const parent = await tx.annotation.findUnique({
      where: { id: parentId },
      select: { id: true, claimId: true, parentId: true, deletedAt: true },
    });
    if (!parent) throw new NotFoundError("note");
    if (parent.deletedAt)
      throw new InvalidStateError("This note was deleted: it can no longer be replied to.");
    return addNote(tx, actor, {
      claimId: parent.claimId,
      parentId: parent.parentId ?? parent.id,
      body,
      verdict,
      evidence,
      locator,
    });
  });
}

async function addNote(
  tx: Tx,
  actor: Actor,
  note: {
    claimId: number;
    parentId: number | null;
    body: string;
    verdict: Verdict | null;
    evidence: EvidenceData;
    locator: string | null;
  },
) {
  const evidenceSourceId = await resolveEvidence(tx, actor, note.evidence, note.claimId);
  const created = await tx.annotation.create({
    data: {
      claimId: note.claimId,
      authorId: actor.id,
      parentId: note.parentId,
      body: note.body,
      verdict: note.verdict,
      evidenceSourceId,
      evidenceLocator: note.locator,
    },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "annotation.create",
    targetType: "annotation",
    targetId: created.id,
    claimId: note.claimId,
    after: { ...contentOf(created), parentId: created.parentId, version: created.version },
  });
  if (created.verdict) {
    await refreshReviewerVerdict(tx, actor, note.claimId, actor.id, {
      annotationId: created.id,
      verdict: created.verdict,
    });
  }
  return { id: created.id, claimId: created.claimId, version: created.version };
}

/** Authors edit their own notes; the version replaced is kept as a revision. */
export async function editAnnotation(db: Prisma, actor: Actor | null, input: EditAnnotationData) {
  requirePermission(actor, "annotations.write");
  const { annotationId, version, body, verdict, evidence, locator } = input;
  return db.$transaction(async (tx) => {
    const current = await tx.annotation.findUnique({ where: { id: annotationId } });
    if (!current) throw new NotFoundError("note");
    if (current.authorId !== actor.id) {
      throw new AuthorizationError("forbidden", "Only the author of a note can edit it.");
    }
    if (current.deletedAt) throw new InvalidStateError("This note was deleted: it can no longer be edited.");
    if (current.version !== version) throw new StaleVersionError("note");
    const evidenceSourceId = await resolveEvidence(tx, actor, evidence, current.claimId);
    // The version in the condition makes the second of two concurrent saves from one version change nothing.
    const { count } = await tx.annotation.updateMany({
      where: { id: annotationId, version },
      data: {
        body,
        verdict,
        evidenceSourceId,
        evidenceLocator: locator,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new StaleVersionError("note");
    await tx.annotationRevision.create({
      data: {
        annotationId,
        version: current.version,
        body: current.body,
        verdict: current.verdict,
        evidenceSourceId: current.evidenceSourceId,
        evidenceLocator: current.evidenceLocator,
        editedById: current.authorId,
        editedAt: current.updatedAt,
      },
    });
    const after = { body, verdict, evidenceSourceId, evidenceLocator: locator };
    await recordAudit(tx, {
      actorId: actor.id,
      action: "annotation.edit",
      targetType: "annotation",
      targetId: annotationId,
      claimId: current.claimId,
      before: { ...contentOf(current), version: current.version },
      after: { ...after, version: current.version + 1 },
    });
    if (verdict !== current.verdict) {
      const reviewerVerdict = await tx.reviewerVerdict.findUnique({
        where: { claimId_reviewerId: { claimId: current.claimId, reviewerId: actor.id } },
        select: { annotationId: true },
      });
      // A verdict removed from a note that is not the author's current one changes nothing.
      if (verdict || reviewerVerdict?.annotationId === annotationId) {
        await refreshReviewerVerdict(
          tx,
          actor,
          current.claimId,
          actor.id,
          verdict ? { annotationId, verdict } : undefined,
        );
      }
    }
    return { id: annotationId, claimId: current.claimId, version: current.version + 1 };
  });
}

/** Soft delete, by the author or an admin. */
export async function deleteAnnotation(db: Prisma, actor: Actor | null, { annotationId }: AnnotationRefData) {
  requirePermission(actor, "annotations.write");
  return db.$transaction(async (tx) => {
    const current = await tx.annotation.findUnique({ where: { id: annotationId } });
    if (!current) throw new NotFoundError("note");
    if (current.authorId !== actor.id && !hasRole(actor, Role.ADMIN)) {
      throw new AuthorizationError("forbidden", "Only the author of a note or an admin can delete it.");
    }
    if (current.deletedAt) throw new InvalidStateError("This note was already deleted.");
    const deletedAt = new Date();
    await tx.annotation.update({
      where: { id: annotationId },
      // updatedAt stays the time the text last changed: revisions and fallback verdicts read it as such.
      data: { deletedAt, deletedById: actor.id, updatedAt: current.updatedAt },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "annotation.delete",
      targetType: "annotation",
      targetId: annotationId,
      claimId: current.claimId,
      before: { ...contentOf(current), deletedAt: null },
      after: { deletedAt: deletedAt.toISOString() },
    });
    const reviewerVerdict = await tx.reviewerVerdict.findUnique({
      where: { claimId_reviewerId: { claimId: current.claimId, reviewerId: current.authorId } },
      select: { annotationId: true },
    });
    if (reviewerVerdict?.annotationId === annotationId) {
      await refreshReviewerVerdict(tx, actor, current.claimId, current.authorId);
    }
    return { id: annotationId, claimId: current.claimId };
  });
}

export async function resolveAnnotation(db: Prisma, actor: Actor | null, input: AnnotationRefData) {
  requirePermission(actor, "annotations.write");
  return setResolved(db, actor, input, true);
}

export async function reopenAnnotation(db: Prisma, actor: Actor | null, input: AnnotationRefData) {
  requirePermission(actor, "annotations.write");
  return setResolved(db, actor, input, false);
}

/** Any reviewer resolves or reopens a thread, from its first note. */
async function setResolved(db: Prisma, actor: Actor, { annotationId }: AnnotationRefData, resolved: boolean) {
  return db.$transaction(async (tx) => {
    const current = await tx.annotation.findUnique({ where: { id: annotationId } });
    if (!current) throw new NotFoundError("note");
    if (current.parentId !== null) throw new InvalidStateError("Resolve a thread from its first note.");
    if (current.deletedAt) throw new InvalidStateError("This note was deleted.");
    if (Boolean(current.resolvedAt) === resolved) {
      throw new InvalidStateError(
        resolved ? "This thread is already resolved." : "This thread is already open.",
      );
    }
    const resolvedAt = resolved ? new Date() : null;
    await tx.annotation.update({
      where: { id: annotationId },
      data: { resolvedAt, resolvedById: resolved ? actor.id : null, updatedAt: current.updatedAt },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: resolved ? "annotation.resolve" : "annotation.reopen",
      targetType: "annotation",
      targetId: annotationId,
      claimId: current.claimId,
      before: { resolvedAt: current.resolvedAt?.toISOString() ?? null, resolvedById: current.resolvedById },
      after: { resolvedAt: resolvedAt?.toISOString() ?? null, resolvedById: resolved ? actor.id : null },
    });
    return { id: annotationId, claimId: current.claimId };
  });
}
