// Every server action through its wrapper (lib/actions/action.ts), on PostgreSQL: someone signed out is asked to sign
// in and a role below the action's is refused, both before their input is read; input the schema refuses comes back
// as field messages with nothing written; a valid call writes with its audit event and makes the pages stale by the
// one rule; a database that cannot be reached answers "nothing was saved". Each action needs a case below, so a new
// action is held to the same checks as soon as it is exported.
import getPort from "get-port";
import { revalidatePath } from "next/cache";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/permissions";
import type { AuditAction } from "@/lib/data/audit";
import { getClaimEdit, getEntityEdit, getSourceEdit } from "@/lib/data/catalog";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { createPrismaClient, type Prisma } from "@/lib/prisma-client";
import { makeDraftDocument, makeUser } from "@/prisma/factories";
import { EVERY_ACTION } from "@/tests/helpers/actions";
import { freshSeededDatabase } from "@/tests/helpers/seeded-database";

const state = vi.hoisted(() => ({ actor: null as Actor | null, db: undefined as unknown }));
vi.mock("@/lib/auth", () => ({ getCurrentUser: async () => state.actor }));
vi.mock("@/lib/db", () => ({ getDb: () => state.db }));
// Outside Next.js's request scope revalidatePath throws; what the rule asks of it is checked instead.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const ROLES: Role[] = ["VIEWER", "ANALYST", "REVIEWER", "ADMIN"];
const UNAVAILABLE = { ok: false, error: DATABASE_UNAVAILABLE_MESSAGE, unavailable: true };

let prisma: Prisma;
/** A client of a port nothing listens on. */
let closed: Prisma;
let claimIds: number[];
let nextClaim = 0;
let counter = 0;

beforeAll(async () => {
  prisma = await freshSeededDatabase();
  closed = createPrismaClient(`postgresql://claimdesk:unused@127.0.0.1:${await getPort()}/none`);
  claimIds = (await prisma.claim.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((c) => c.id);
});

afterAll(async () => {
  await Promise.all([prisma?.$disconnect(), closed?.$disconnect()]);
});

beforeEach(() => {
  state.db = prisma;
  vi.mocked(revalidatePath).mockClear();
});

/** A claim no other call of this file changed, with its current version. */
async function freshClaim(): Promise<{ claimId: number; version: number }> {
  const id = claimIds[nextClaim++];
  if (id === undefined) throw new Error("out of seeded claims");
  const { version } = await prisma.claim.findUniqueOrThrow({ where: { id }, select: { version: true } });
  return { claimId: id, version };
}

function unique(prefix: string): string {
  return `${prefix} ${++counter}`;
}

async function noteBy(authorId: number, resolved = false) {
  const { claimId } = await freshClaim();
  return prisma.annotation.create({
    data: {
      claimId,
      authorId,
      body: "Written for the action tests.",
      resolvedAt: resolved ? new Date() : null,
    },
  });
}

async function viewOf(ownerId: number) {
  return prisma.savedView.create({ data: { ownerId, name: unique("View"), query: "", shared: false } });
}

async function account(disabled = false) {
  const { id } = await makeUser(prisma, { role: "VIEWER" });
  if (disabled) await prisma.user.update({ where: { id }, data: { disabledAt: new Date() } });
  return id;
}

const NOTE = {
  body: "A note from the action tests.",
  verdict: null,
  evidence: { kind: "none" },
  locator: null,
};

interface ActionCase {
  /** The least role the action is for. */
  least: Role;
  /** Input its schema refuses, the field it names and the message it gives. */
  invalid: { input: object; field: string; message: string };
  /** Makes what a valid call by `actor` needs and returns the input. */
  valid: (actor: Actor) => Promise<object>;
  /** The audit event the write records, and the record it names from the action's answer. */
  audit: AuditAction;
  target: (data: never) => number;
  /** The review thread's form refreshes its page itself (lib/actions/action.ts). */
  refreshedByForm?: true;
}

const byId = (data: { id: number }) => data.id;
const byClaim = (data: { claimId: number }) => data.claimId;
const byDocument = (data: { documentId: number }) => data.documentId;

const CASES: Record<string, ActionCase> = {
  createAnnotation: {
    least: "REVIEWER",
    invalid: { input: { ...NOTE, claimId: 1, body: " \n " }, field: "body", message: "Note is required." },
    valid: async () => ({ ...NOTE, claimId: (await freshClaim()).claimId }),
    audit: "annotation.create",
    target: byId,
    refreshedByForm: true,
  },
  replyToAnnotation: {
    least: "REVIEWER",
    invalid: {
      input: { ...NOTE, parentId: 1, evidence: { kind: "new", url: "javascript:alert(1)" } },
      field: "evidence",
      message: "Enter a web address starting with http:// or https://, such as https://example.org/report.",
    },
    valid: async () => ({ ...NOTE, parentId: (await noteBy(await account())).id }),
    audit: "annotation.create",
    target: byId,
    refreshedByForm: true,
  },
  editAnnotation: {
    least: "REVIEWER",
    invalid: {
      input: { ...NOTE, annotationId: 1, version: 1, verdict: "PROBABLY" },
      field: "verdict",
      message: "Choose a verdict from the list.",
    },
    valid: async (actor) => ({
      ...NOTE,
      annotationId: (await noteBy(actor.id)).id,
      version: 1,
      body: "Edited.",
    }),
    audit: "annotation.edit",
    target: byId,
    refreshedByForm: true,
  },
  deleteAnnotation: {
    least: "REVIEWER",
    invalid: { input: { annotationId: "one" }, field: "annotationId", message: "Choose a note." },
    valid: async (actor) => ({ annotationId: (await noteBy(actor.id)).id }),
    audit: "annotation.delete",
    target: byId,
    refreshedByForm: true,
  },
  resolveAnnotation: {
    least: "REVIEWER",
    invalid: { input: { annotationId: -3 }, field: "annotationId", message: expect.any(String) as string },
    valid: async () => ({ annotationId: (await noteBy(await account())).id }),
    audit: "annotation.resolve",
    target: byId,
    refreshedByForm: true,
  },
  reopenAnnotation: {
    least: "REVIEWER",
    invalid: { input: {}, field: "annotationId", message: "Choose a note." },
    valid: async () => ({ annotationId: (await noteBy(await account(), true)).id }),
    audit: "annotation.reopen",
    target: byId,
    refreshedByForm: true,
  },
  setClaimStatus: {
    least: "REVIEWER",
    invalid: {
      input: { claimId: 1, version: 1, status: "DONE" },
      field: "status",
      message: "Choose a status from the list.",
    },
    valid: async () => ({ ...(await freshClaim()), status: "IN_REVIEW" }),
    audit: "claim.status",
    target: byClaim,
  },
  settleClaimVerdict: {
    least: "REVIEWER",
    invalid: {
      input: { claimId: 1, version: 1, verdict: "PROBABLY" },
      field: "verdict",
      message: "Choose a verdict from the list.",
    },
    // A reviewer settles the claims assigned to them.
    valid: async (actor) => {
      const { claimId } = await freshClaim();
      const { version } = await prisma.claim.update({
        where: { id: claimId },
        data: { assigneeId: actor.id },
      });
      return { claimId, version, verdict: "SUPPORTED" };
    },
    audit: "claim.settle",
    target: byClaim,
  },
  assignClaim: {
    least: "REVIEWER",
    invalid: {
      input: { claimId: 1, version: 1, assigneeId: 0 },
      field: "assigneeId",
      message: expect.any(String) as string,
    },
    valid: async (actor) => ({ ...(await freshClaim()), assigneeId: actor.id }),
    audit: "claim.assign",
    target: byClaim,
  },
  updateClaim: {
    least: "ADMIN",
    invalid: {
      input: { id: 1, version: 1, kind: "EVENT", sectors: [], citationMissing: false, asOf: "2025-02-30" },
      field: "asOf",
      message: "Give the date as 2025, 2025-03 or 2025-03-14, or leave it empty.",
    },
    valid: async () => {
      const form = (await getClaimEdit(prisma, (await freshClaim()).claimId))!;
      return { ...form, citationMissing: !form.citationMissing };
    },
    audit: "claim.edit",
    target: byId,
  },
  updateEntity: {
    least: "ADMIN",
    invalid: {
      input: { id: 1, version: 1, name: "", description: "", country: "", aliases: [] },
      field: "name",
      message: "Name is required.",
    },
    valid: async () => {
      const { id } = await prisma.entity.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } });
      return { ...(await getEntityEdit(prisma, id))!, description: unique("Described") };
    },
    audit: "entity.edit",
    target: byId,
  },
  updateSource: {
    least: "ADMIN",
    invalid: {
      input: {
        id: 1,
        version: 1,
        title: "A source",
        publisher: "",
        url: "javascript:alert(1)",
        kind: "NEWS",
        reliability: null,
        notes: "",
      },
      field: "url",
      message: "Address must start with http:// or https://, or be empty.",
    },
    valid: async () => {
      const { id } = await prisma.source.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } });
      return { ...(await getSourceEdit(prisma, id))!, notes: unique("Checked") };
    },
    audit: "source.edit",
    target: byId,
  },
  publishDocument: {
    least: "ADMIN",
    invalid: { input: { documentId: "first" }, field: "documentId", message: "Choose a document." },
    valid: async () => ({ documentId: (await makeDraftDocument(prisma)).document.id }),
    audit: "document.publish",
    target: byDocument,
  },
  createSavedView: {
    least: "ANALYST",
    invalid: {
      input: { name: "line\nbreak", query: "", shared: false },
      field: "name",
      message: "Name cannot contain control characters or line breaks.",
    },
    valid: async () => ({ name: unique("Events"), query: "kind=EVENT", shared: false }),
    audit: "savedView.create",
    target: byId,
  },
  renameSavedView: {
    least: "ANALYST",
    invalid: { input: { id: 1, version: 1, name: "" }, field: "name", message: "Name is required." },
    valid: async (actor) => ({ id: (await viewOf(actor.id)).id, version: 1, name: unique("Renamed") }),
    audit: "savedView.edit",
    target: byId,
  },
  shareSavedView: {
    least: "ANALYST",
    invalid: {
      input: { id: 1, version: 1, shared: "yes" },
      field: "shared",
      message: "Say whether the view is shared.",
    },
    valid: async (actor) => ({ id: (await viewOf(actor.id)).id, version: 1, shared: true }),
    audit: "savedView.edit",
    target: byId,
  },
  deleteSavedView: {
    least: "ANALYST",
    invalid: {
      input: { id: "first", version: 1 },
      field: "id",
      message: "This record reference is not valid.",
    },
    valid: async (actor) => ({ id: (await viewOf(actor.id)).id, version: 1 }),
    audit: "savedView.delete",
    target: byId,
  },
  createUser: {
    least: "ADMIN",
    invalid: {
      input: { email: "not an email", name: "X", password: "a long enough password", role: "VIEWER" },
      field: "email",
      message: "Enter an email address such as name@example.org.",
    },
    valid: async () => ({
      email: `created-${++counter}@actions.test`,
      name: "Created",
      password: "a long enough password",
      role: "VIEWER",
    }),
    audit: "user.create",
    target: byId,
  },
  changeUserRole: {
    least: "ADMIN",
    invalid: {
      input: { id: 1, version: 1, role: "ROOT" },
      field: "role",
      message: "Choose a role: viewer, analyst, reviewer or admin.",
    },
    valid: async () => ({ id: await account(), version: 1, role: "ANALYST" }),
    audit: "user.role",
    target: byId,
  },
  disableUser: {
    least: "ADMIN",
    invalid: {
      input: { id: 1, version: 0 },
      field: "version",
      message: "This record reference is not valid.",
    },
    valid: async () => ({ id: await account(), version: 1 }),
    audit: "user.disable",
    target: byId,
  },
  enableUser: {
    least: "ADMIN",
    invalid: { input: { version: 1 }, field: "id", message: "This record reference is not valid." },
    valid: async () => ({ id: await account(true), version: 1 }),
    audit: "user.enable",
    target: byId,
  },
  updateUser: {
    least: "ADMIN",
    invalid: {
      input: { id: 1, version: 1, name: "Two\nLines" },
      field: "name",
      message: "Name cannot contain control characters or line breaks.",
    },
    valid: async () => ({ id: await account(), version: 1, name: unique("Renamed") }),
    audit: "user.edit",
    target: byId,
  },
};

const ACTIONS = EVERY_ACTION.map(([name, action]) => {
  const testCase = CASES[name];
  if (!testCase) throw new Error(`${name} has no case in server-actions.test.ts`);
  return [name, action as (input: object) => Promise<unknown>, testCase] as const;
});

/** One account per role, made before any test counts what was written. */
const actors = new Map<Role, Actor>();
beforeAll(async () => {
  for (const role of ROLES) actors.set(role, await makeUser(prisma, { role }));
});
const actorOf = (role: Role) => actors.get(role)!;

function auditCount() {
  return prisma.auditEvent.count();
}

describe("every server action", () => {
  it("has a case here, and the list holds every action module's actions", () => {
    expect(ACTIONS.map(([name]) => name).sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(ACTIONS)(
    "%s asks someone signed out to sign in, whatever they sent",
    async (_, action, { invalid }) => {
      state.actor = null;
      const before = await auditCount();
      expect(await action(invalid.input)).toEqual({ ok: false, error: "Sign in to do this." });
      expect(await auditCount()).toBe(before);
    },
  );

  it.each(ACTIONS)(
    "%s tells a role below its own that the role does not allow it, before reading what they sent",
    async (_, action, { least, invalid }) => {
      const below = ROLES.slice(0, ROLES.indexOf(least));
      const before = await auditCount();
      for (const role of below) {
        state.actor = actorOf(role);
        expect({ role, result: await action(invalid.input) }).toEqual({
          role,
          result: { ok: false, error: "Your role does not allow this." },
        });
      }
      expect(await auditCount()).toBe(before);
    },
  );

  it.each(ACTIONS)(
    "%s answers input its schema refuses with field messages, writing nothing",
    async (_, action, { least, invalid }) => {
      state.actor = actorOf(least);
      const before = await auditCount();
      expect(await action(invalid.input)).toEqual({
        ok: false,
        error: "Some fields need attention.",
        fieldErrors: expect.objectContaining({ [invalid.field]: expect.arrayContaining([invalid.message]) }),
      });
      expect(await auditCount()).toBe(before);
      expect(revalidatePath).not.toHaveBeenCalled();
    },
  );

  it.each(ACTIONS)(
    "%s writes a valid change with its audit event, and makes the pages stale by the one rule",
    async (_, action, testCase) => {
      const actor = actorOf(testCase.least);
      state.actor = actor;
      const input = await testCase.valid(actor);
      const result = (await action(input)) as { ok: boolean; data: never };
      expect(result).toMatchObject({ ok: true });
      const event = await prisma.auditEvent.findFirst({
        where: { actorId: actor.id, action: testCase.audit },
        orderBy: { id: "desc" },
      });
      expect(event?.targetId).toBe(String(testCase.target(result.data)));
      if (testCase.refreshedByForm) expect(revalidatePath).not.toHaveBeenCalled();
      else expect(vi.mocked(revalidatePath).mock.calls).toEqual([["/", "layout"]]);
    },
  );

  it.each(ACTIONS)(
    "%s says nothing was saved when its write cannot reach the database",
    async (_, action, testCase) => {
      const actor = actorOf(testCase.least);
      state.actor = actor;
      const input = await testCase.valid(actor);
      const before = await auditCount();
      state.db = closed;
      // Logged for whoever runs the server (lib/data/errors.ts); kept out of the results here.
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      expect(await action(input)).toEqual(UNAVAILABLE);
      expect(warn).toHaveBeenCalledWith(
        expect.stringMatching(/^An action failed, the database being unavailable: /),
      );
      warn.mockRestore();
      expect(await auditCount()).toBe(before);
      expect(revalidatePath).not.toHaveBeenCalled();
    },
  );
});
