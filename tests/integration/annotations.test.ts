// The review thread's data layer on PostgreSQL: who may write what, the audit event of every write, versions
// under concurrent edits, evidence sources, and hostile text kept exactly as typed or refused with a message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { AuthorizationError, type Actor } from "@/lib/auth/permissions";
import {
  createAnnotation,
  deleteAnnotation,
  editAnnotation,
  getAnnotationThread,
  reopenAnnotation,
  replyToAnnotation,
  resolveAnnotation,
} from "@/lib/data/annotations";
import { InvalidStateError, StaleVersionError } from "@/lib/data/errors";
import { createAnnotationSchema, editAnnotationSchema } from "@/lib/validations/annotations";
import type { Prisma } from "@/lib/prisma-client";
import { makeUser } from "@/prisma/factories";
import { freshSeededDatabase } from "@/tests/helpers/seeded-database";

let prisma: Prisma;
let reviewer: Actor;
let otherReviewer: Actor;
let admin: Actor;
let viewer: Actor;
let analyst: Actor;
let claimId: number;

beforeAll(async () => {
  prisma = await freshSeededDatabase();
  [reviewer, otherReviewer, admin, viewer, analyst] = await Promise.all([
    makeUser(prisma, { role: "REVIEWER", name: "Rita Reviewer" }),
    makeUser(prisma, { role: "REVIEWER", name: "Sam Second" }),
    makeUser(prisma, { role: "ADMIN", name: "Ada Admin" }),
    makeUser(prisma, { role: "VIEWER" }),
    makeUser(prisma, { role: "ANALYST" }),
  ]);
  claimId = (await prisma.claim.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } })).id;
});
afterAll(async () => {
  await prisma?.$disconnect();
});

const note = (body: string, extra: object = {}) => ({
  claimId,
  body,
  verdict: null,
  evidence: { kind: "none" },
  locator: "",
  ...extra,
});

async function auditOf(targetType: string, targetId: number) {
  return prisma.auditEvent.findMany({
    where: { targetType, targetId: String(targetId) },
    orderBy: { id: "asc" },
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to be refused");
}

describe("who may write notes", () => {
  it.each([
    ["anonymous", (): Actor | null => null, "signed-out"],
    ["a viewer", () => viewer, "forbidden"],
    ["an analyst", () => analyst, "forbidden"],
  ] as const)("refuses %s and writes nothing", async (_, who, reason) => {
    const before = await prisma.annotation.count();
    const error = await rejection(createAnnotation(prisma, who(), note("Not allowed")));
    expect(error).toBeInstanceOf(AuthorizationError);
    expect((error as AuthorizationError).reason).toBe(reason);
    expect(await prisma.annotation.count()).toBe(before);
  });

  it("lets reviewers and admins write, and only signed-in people read the thread", async () => {
    const byReviewer = await createAnnotation(prisma, reviewer, note("A reviewer's note"));
    const byAdmin = await createAnnotation(prisma, admin, note("An admin's note"));
    await expect(getAnnotationThread(claimId, null, prisma)).rejects.toBeInstanceOf(AuthorizationError);
    const thread = await getAnnotationThread(claimId, viewer, prisma);
    expect(thread.map((item) => item.id)).toEqual(expect.arrayContaining([byReviewer.id, byAdmin.id]));
    expect(thread.find((item) => item.id === byReviewer.id)?.author).toEqual({
      id: reviewer.id,
      name: "Rita Reviewer",
    });
  });

  it("lets only the author edit; the author or an admin delete; any reviewer resolve", async () => {
    const { id } = await createAnnotation(prisma, reviewer, note("Mine"));
    for (const other of [otherReviewer, admin]) {
      const error = await rejection(
        editAnnotation(prisma, other, { ...note("Taken over"), annotationId: id, version: 1 }),
      );
      expect(error).toBeInstanceOf(AuthorizationError);
    }
    await expect(deleteAnnotation(prisma, otherReviewer, { annotationId: id })).rejects.toBeInstanceOf(
      AuthorizationError,
    );
    await expect(resolveAnnotation(prisma, viewer, { annotationId: id })).rejects.toBeInstanceOf(
      AuthorizationError,
    );
    await resolveAnnotation(prisma, otherReviewer, { annotationId: id });
    await reopenAnnotation(prisma, otherReviewer, { annotationId: id });
    expect((await prisma.annotation.findUniqueOrThrow({ where: { id } })).body).toBe("Mine");

    await deleteAnnotation(prisma, admin, { annotationId: id });
    const deleted = await prisma.annotation.findUniqueOrThrow({ where: { id } });
    expect(deleted).toMatchObject({ deletedById: admin.id, body: "Mine" });
    const ownDelete = await createAnnotation(prisma, reviewer, note("Mine too"));
    await deleteAnnotation(prisma, reviewer, { annotationId: ownDelete.id });
    await expect(deleteAnnotation(prisma, reviewer, { annotationId: ownDelete.id })).rejects.toBeInstanceOf(
      InvalidStateError,
    );
  });
});

describe("audit trail", () => {
  it("records create, edit, resolve, reopen and delete with before and after, by whom", async () => {
    const { id } = await createAnnotation(prisma, reviewer, note("First words", { verdict: "MIXED" }));
    await editAnnotation(prisma, reviewer, {
      ...note("Second words", { verdict: "MIXED", locator: "p. 4" }),
      annotationId: id,
      version: 1,
    });
    await resolveAnnotation(prisma, otherReviewer, { annotationId: id });
    await reopenAnnotation(prisma, reviewer, { annotationId: id });
    await deleteAnnotation(prisma, reviewer, { annotationId: id });

    const events = await auditOf("annotation", id);
    expect(events.map((event) => [event.action, event.actorId, event.claimId])).toEqual([
      ["annotation.create", reviewer.id, claimId],
      ["annotation.edit", reviewer.id, claimId],
      ["annotation.resolve", otherReviewer.id, claimId],
      ["annotation.reopen", reviewer.id, claimId],
      ["annotation.delete", reviewer.id, claimId],
    ]);
    const [created, edited, resolved, reopened, deleted] = events;
    expect(created?.before).toBeNull();
    expect(created?.after).toMatchObject({
      body: "First words",
      verdict: "MIXED",
      parentId: null,
      version: 1,
    });
    expect(edited?.before).toMatchObject({ body: "First words", evidenceLocator: null, version: 1 });
    expect(edited?.after).toMatchObject({ body: "Second words", evidenceLocator: "p. 4", version: 2 });
    expect(resolved?.before).toMatchObject({ resolvedAt: null });
    expect(resolved?.after).toMatchObject({ resolvedById: otherReviewer.id, resolvedAt: expect.any(String) });
    expect(reopened?.after).toMatchObject({ resolvedAt: null, resolvedById: null });
    expect(deleted?.before).toMatchObject({ body: "Second words", deletedAt: null });
    expect(deleted?.after).toMatchObject({ deletedAt: expect.any(String) });
  });

  it("writes nothing, not even the audit event, when the change is refused", async () => {
    const events = await prisma.auditEvent.count();
    await expect(createAnnotation(prisma, viewer, note("No"))).rejects.toThrow();
    await expect(createAnnotation(prisma, reviewer, { ...note("No"), claimId: 2_000_000 })).rejects.toThrow(
      "This claim no longer exists.",
    );
    expect(await prisma.auditEvent.count()).toBe(events);
  });
});

describe("edits and replies", () => {
  it("keeps every earlier version, newest first, and marks the note as edited", async () => {
    const { id } = await createAnnotation(prisma, reviewer, note("v1"));
    await editAnnotation(prisma, reviewer, { ...note("v2"), annotationId: id, version: 1 });
    await editAnnotation(prisma, reviewer, {
      ...note("v3", { verdict: "FALSE" }),
      annotationId: id,
      version: 2,
    });
    const item = (await getAnnotationThread(claimId, viewer, prisma)).find((entry) => entry.id === id);
    expect(item).toMatchObject({ body: "v3", version: 3, verdict: "FALSE" });
    expect(item?.revisions.map((revision) => [revision.version, revision.body])).toEqual([
      [2, "v2"],
      [1, "v1"],
    ]);
    expect(item?.revisions[1]?.editedBy).toEqual({ id: reviewer.id, name: "Rita Reviewer" });
  });

  it("threads replies one level deep, under the first note, and refuses replies to a deleted note", async () => {
    const root = await createAnnotation(prisma, reviewer, note("Root"));
    const reply = await replyToAnnotation(prisma, otherReviewer, { ...note("Reply"), parentId: root.id });
    const nested = await replyToAnnotation(prisma, reviewer, {
      ...note("Reply to reply"),
      parentId: reply.id,
    });
    const thread = await getAnnotationThread(claimId, viewer, prisma);
    expect(thread.find((item) => item.id === root.id)?.replies.map((item) => item.id)).toEqual([
      reply.id,
      nested.id,
    ]);
    expect(thread.some((item) => item.id === reply.id)).toBe(false);

    await deleteAnnotation(prisma, reviewer, { annotationId: root.id });
    await expect(
      replyToAnnotation(prisma, otherReviewer, { ...note("Too late"), parentId: root.id }),
    ).rejects.toBeInstanceOf(InvalidStateError);
    const shown = (await getAnnotationThread(claimId, viewer, prisma)).find((item) => item.id === root.id);
    expect(shown).toMatchObject({ body: null, deleted: { by: { id: reviewer.id } } });
    expect(shown?.replies).toHaveLength(2);
  });

  it("of two concurrent edits from version 1, exactly one wins and nothing of the other is written", async () => {
    const { id } = await createAnnotation(prisma, reviewer, note("Original"));
    const url = (who: string) => `https://example.org/concurrent-${id}-${who}`;
    const edit = (who: string) =>
      editAnnotation(prisma, reviewer, {
        ...note(`Edit by ${who}`, {
          evidence: {
            kind: "new",
            url: url(who),
            title: `Source ${who}`,
            publisher: "Pub",
            sourceKind: "NEWS",
          },
        }),
        annotationId: id,
        version: 1,
      });
    const results = await Promise.allSettled([edit("first"), edit("second")]);
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result) => result.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(StaleVersionError);

    const winner = results[0]!.status === "fulfilled" ? "first" : "second";
    const loser = winner === "first" ? "second" : "first";
    const saved = await prisma.annotation.findUniqueOrThrow({
      where: { id },
      include: { evidenceSource: true },
    });
    expect(saved).toMatchObject({ body: `Edit by ${winner}`, version: 2 });
    expect(saved.evidenceSource?.url).toBe(url(winner));
    expect(await prisma.annotationRevision.count({ where: { annotationId: id } })).toBe(1);
    expect(await prisma.source.count({ where: { url: url(loser) } })).toBe(0);
    expect((await auditOf("annotation", id)).map((event) => event.action)).toEqual([
      "annotation.create",
      "annotation.edit",
    ]);
  });

  it("refuses an edit from a version someone already replaced", async () => {
    const { id } = await createAnnotation(prisma, reviewer, note("Original"));
    await editAnnotation(prisma, reviewer, { ...note("Newer"), annotationId: id, version: 1 });
    const error = await rejection(
      editAnnotation(prisma, reviewer, { ...note("Stale"), annotationId: id, version: 1 }),
    );
    expect(error).toBeInstanceOf(StaleVersionError);
    expect((error as Error).message).toMatch(/Someone else changed this note while you were editing/);
    expect((await prisma.annotation.findUniqueOrThrow({ where: { id } })).body).toBe("Newer");
  });
});

describe("input the action already parsed", () => {
  it("parses the same again in the data layer, as each action passes it on", async () => {
    const input = createAnnotationSchema.parse(
      note("Parsed twice", {
        locator: "  p. 3  ",
        evidence: {
          kind: "new",
          url: "HTTPS://Twice.example",
          title: " T ",
          publisher: "P",
          sourceKind: "NEWS",
        },
      }),
    );
    const { id } = await createAnnotation(prisma, reviewer, input);
    const edited = editAnnotationSchema.parse({
      ...note("Parsed twice, edited"),
      annotationId: id,
      version: 1,
    });
    await editAnnotation(prisma, reviewer, edited);
    const saved = await prisma.annotation.findUniqueOrThrow({ where: { id }, include: { revisions: true } });
    expect(saved).toMatchObject({ body: "Parsed twice, edited", evidenceLocator: null, version: 2 });
    expect(saved.revisions[0]).toMatchObject({ evidenceLocator: "p. 3" });
  });
});

describe("evidence", () => {
  it("links an existing source with a locator", async () => {
    const source = await prisma.source.findFirstOrThrow({ orderBy: { id: "asc" } });
    const { id } = await createAnnotation(
      prisma,
      reviewer,
      note("See the source", {
        evidence: { kind: "existing", sourceId: source.id },
        locator: "  Table 3, p. 12  ",
      }),
    );
    const item = (await getAnnotationThread(claimId, viewer, prisma)).find((entry) => entry.id === id);
    expect(item?.evidence).toMatchObject({ id: source.id, title: source.title });
    expect(item?.locator).toBe("Table 3, p. 12");
  });

  it("adds a source by URL once, audited as source.create, and reuses it for the same address", async () => {
    const evidence = {
      kind: "new",
      url: "HTTPS://Reuters.example/technology/chips-2025",
      title: "Chip exports slow",
      publisher: "Reuters",
      sourceKind: "NEWS",
    };
    const first = await createAnnotation(prisma, reviewer, note("New source", { evidence }));
    const second = await createAnnotation(prisma, otherReviewer, note("Same source", { evidence }));
    const sources = await prisma.source.findMany({
      where: { url: "https://reuters.example/technology/chips-2025" },
    });
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ title: "Chip exports slow", publisher: "Reuters", kind: "NEWS" });
    expect(sources[0]?.createdById).toBe(reviewer.id);
    const notes = await prisma.annotation.findMany({ where: { id: { in: [first.id, second.id] } } });
    expect(notes.map((item) => item.evidenceSourceId)).toEqual([sources[0]!.id, sources[0]!.id]);
    const created = await auditOf("source", sources[0]!.id);
    expect(created.map((event) => [event.action, event.actorId, event.claimId])).toEqual([
      ["source.create", reviewer.id, claimId],
    ]);
    expect(created[0]?.after).toMatchObject({ title: "Chip exports slow", url: sources[0]!.url });
  });

  it.each([
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "ftp://example.org/a",
    "example.org",
  ])("refuses %j as a source address", async (url) => {
    const error = await rejection(
      createAnnotation(
        prisma,
        reviewer,
        note("Bad link", { evidence: { kind: "new", url, title: "T", publisher: "P", sourceKind: "NEWS" } }),
      ),
    );
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues[0]?.message).toMatch(/starting with http:\/\/ or https:\/\//);
    expect(await prisma.source.count({ where: { url } })).toBe(0);
  });
});

describe("hostile text", () => {
  const HOSTILE = [
    "<script>alert('xss')</script>",
    "[click me](javascript:alert(document.cookie))",
    '<img src="x" onerror="alert(1)">',
    '<a href="javascript:alert(1)" onclick="alert(2)">raw link</a>',
    "<iframe src=\"javascript:alert('frame')\"></iframe><style>body{display:none}</style>",
    "![img](javascript:alert(1)) <svg onload=alert(1)>",
    "Right-to-left \u202Eoverride and zero-width\u200B joiner; tabs\tand\r\nline breaks",
  ];

  it.each(HOSTILE)("stores %j exactly as typed", async (body) => {
    const { id } = await createAnnotation(
      prisma,
      reviewer,
      note(body, { locator: body.replace(/[\r\n]/g, " ") }),
    );
    const saved = await prisma.annotation.findUniqueOrThrow({ where: { id } });
    expect(saved.body).toBe(body);
    expect(saved.evidenceLocator).toBe(body.replace(/[\r\n]/g, " ").trim());
  });

  it.each([
    ["a NUL character", "before\u0000after", "Note cannot contain control characters."],
    ["an escape sequence", "\u001b[31mred", "Note cannot contain control characters."],
    ["a C1 control", "x\u0085y", "Note cannot contain control characters."],
    ["1 MB of text", "a".repeat(1024 * 1024), "Note must be at most 20,000 characters."],
    ["only whitespace", " \n\t ", "Note is required."],
  ])("refuses %s with a clear message and writes nothing", async (_, body, message) => {
    const count = await prisma.annotation.count();
    const error = await rejection(createAnnotation(prisma, reviewer, note(body)));
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((issue) => issue.message)).toContain(message);
    expect(await prisma.annotation.count()).toBe(count);
  });

  it("takes a note of exactly the longest length", async () => {
    const body = "b".repeat(20_000);
    const { id } = await createAnnotation(prisma, reviewer, note(body));
    expect((await prisma.annotation.findUniqueOrThrow({ where: { id } })).body).toHaveLength(20_000);
  });
});
