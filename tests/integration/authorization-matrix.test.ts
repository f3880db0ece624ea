// Every data-layer write (and the admin reads) × every role and anonymous: allowed or refused, against the matrix
// the issue sets out. Each cell runs the real function on the real database with input that would succeed, so a
// refusal can only come from authorisation, and an allowed cell proves the role gets through.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { getAuditActors, getAuditEvents } from "@/lib/data/audit";
import { publishDocument } from "@/lib/data/documents";
import {
  getClaimEdit,
  getEntityEdit,
  getSourceEdit,
  updateClaim,
  updateEntity,
  updateSource,
} from "@/lib/data/catalog";
import {
  assignClaim,
  getAssignableReviewers,
  getClaimHistory,
  getClaimReview,
  getReviewQueue,
  setClaimStatus,
  settleClaimVerdict,
} from "@/lib/data/review";
import {
  createSavedView,
  deleteSavedView,
  getSavedViews,
  renameSavedView,
  shareSavedView,
} from "@/lib/data/saved-views";
import {
  COMMAND_LINE,
  changeUserRole,
  createUser,
  disableUser,
  enableUser,
  getUsers,
  updateUser,
} from "@/lib/data/users";
import { openClaimsExport } from "@/lib/export/claims-export";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { createPool, type Prisma } from "@/lib/prisma-client";
import { parseAuditQuery } from "@/lib/validations/audit";
import { updateClaimSchema } from "@/lib/validations/catalog";
import { parseClaimsQuery } from "@/lib/validations/claims";
import { parseUserListQuery } from "@/lib/validations/users";
import { makeDraftDocument } from "@/prisma/factories";
import { testDatabaseUrl } from "@/tests/helpers/db";
import { freshSeededDatabase } from "@/tests/helpers/seeded-database";

type Who = "anonymous" | "viewer" | "analyst" | "reviewer" | "admin";
const WHO: Who[] = ["anonymous", "viewer", "analyst", "reviewer", "admin"];
const ROLE_OF: Record<Exclude<Who, "anonymous">, Role> = {
  viewer: "VIEWER",
  analyst: "ANALYST",
  reviewer: "REVIEWER",
  admin: "ADMIN",
};

let prisma: Prisma;
let pool: pg.Pool;
let counter = 0;

async function makeActor(role: Role): Promise<Actor> {
  const user = await createUser(prisma, COMMAND_LINE, {
    email: `matrix-${++counter}@matrix.test`,
    name: `Matrix ${counter}`,
    password: "a password for the matrix",
    role,
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** A fresh account to act on, so each cell starts from version 1. */
async function target(role: Role = "VIEWER", disabled = false) {
  const user = await makeActor(role);
  if (disabled) await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
  return user.id;
}

/** A view owned by the actor when there is one (the owner's own view), else by a fresh analyst. */
async function ownView(actor: Actor | null) {
  const ownerId = actor?.id ?? (await makeActor("ANALYST")).id;
  return prisma.savedView.create({ data: { ownerId, name: `View ${++counter}`, query: "", shared: false } });
}

/** Valid note input, so that only authorisation can refuse it. */
function note<T extends object>(fields: T) {
  return {
    body: "A note for the matrix.",
    verdict: null,
    evidence: { kind: "none" as const },
    locator: null,
    ...fields,
  };
}

/** A note by the actor when they may write one (authors edit their own), else by a fresh reviewer. */
async function ownNote(actor: Actor | null) {
  const authorId =
    actor && (actor.role === "REVIEWER" || actor.role === "ADMIN")
      ? actor.id
      : (await makeActor("REVIEWER")).id;
  return prisma.annotation.create({
    data: { claimId: await claimId(), authorId, body: "Written for the matrix." },
  });
}

let claimCursor = 0;
/** The next unassigned, unreviewed claim with its current version: each allowed cell changes one. */
async function freshClaim(): Promise<{ claimId: number; version: number }> {
  const claim = await prisma.claim.findFirstOrThrow({
    where: { assigneeId: null, status: "UNREVIEWED", verdict: null },
    orderBy: { id: "asc" },
    skip: claimCursor++ % 5,
    select: { id: true, version: true },
  });
  return { claimId: claim.id, version: claim.version };
}

async function claimId(): Promise<number> {
  return (await prisma.claim.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } })).id;
}

interface Operation {
  name: string;
  /** The least role allowed, as the issue sets it; anonymous is always refused. */
  least: Role;
  run: (actor: Actor | null) => Promise<unknown>;
}

const OPERATIONS: Operation[] = [
  // Accounts (issue item 1): admins only.
  {
    name: "createUser",
    least: "ADMIN",
    run: (actor) =>
      createUser(prisma, actor, {
        email: `created-${++counter}@matrix.test`,
        name: "Created",
        password: "a password for the matrix",
        role: "VIEWER",
      }),
  },
  {
    name: "changeUserRole",
    least: "ADMIN",
    run: async (actor) => changeUserRole(prisma, actor, { id: await target(), version: 1, role: "ANALYST" }),
  },
  {
    name: "disableUser",
    least: "ADMIN",
    run: async (actor) => disableUser(prisma, actor, { id: await target(), version: 1 }),
  },
  {
    name: "enableUser",
    least: "ADMIN",
    run: async (actor) => enableUser(prisma, actor, { id: await target("VIEWER", true), version: 1 }),
  },
  {
    name: "updateUser",
    least: "ADMIN",
    run: async (actor) => updateUser(prisma, actor, { id: await target(), version: 1, name: "Renamed" }),
  },
  { name: "getUsers", least: "ADMIN", run: (actor) => getUsers(prisma, actor, parseUserListQuery({})) },
  // Saved views (item 4): analysts and above, on their own views.
  { name: "getSavedViews", least: "ANALYST", run: (actor) => getSavedViews(prisma, actor) },
  {
    name: "createSavedView",
    least: "ANALYST",
    run: (actor) =>
      createSavedView(prisma, actor, { name: `New ${++counter}`, query: "kind=EVENT", shared: false }),
  },
  {
    name: "renameSavedView",
    least: "ANALYST",
    run: async (actor) =>
      renameSavedView(prisma, actor, {
        id: (await ownView(actor)).id,
        version: 1,
        name: `Renamed ${++counter}`,
      }),
  },
  {
    name: "shareSavedView",
    least: "ANALYST",
    run: async (actor) =>
      shareSavedView(prisma, actor, { id: (await ownView(actor)).id, version: 1, shared: true }),
  },
  {
    name: "deleteSavedView",
    least: "ANALYST",
    run: async (actor) => deleteSavedView(prisma, actor, { id: (await ownView(actor)).id, version: 1 }),
  },
  // Export (item 1: analysts export).
  {
    name: "openClaimsExport",
    least: "ANALYST",
    run: async (actor) => {
      const stream = await openClaimsExport(parseClaimsQuery({}), {
        actor,
        format: "csv",
        origin: "http://x",
        pool,
      });
      await stream.cancel();
    },
  },
  // Catalog (item 1: admins edit claims, entities, sources).
  {
    name: "updateClaim",
    least: "ADMIN",
    run: async (actor) => {
      const form = (await getClaimEdit(prisma, await claimId()))!;
      return updateClaim(
        prisma,
        actor,
        updateClaimSchema.parse({ ...form, citationMissing: !form.citationMissing }),
      );
    },
  },
  {
    name: "updateEntity",
    least: "ADMIN",
    run: async (actor) => {
      const { id } = await prisma.entity.findUniqueOrThrow({ where: { slug: "huawei" } });
      const form = (await getEntityEdit(prisma, id))!;
      return updateEntity(prisma, actor, { ...form, description: `Edited ${++counter}` });
    },
  },
  {
    name: "updateSource",
    least: "ADMIN",
    run: async (actor) => {
      const { id } = await prisma.source.findFirstOrThrow({ orderBy: { id: "asc" } });
      const form = (await getSourceEdit(prisma, id))!;
      return updateSource(prisma, actor, { ...form, notes: `Edited ${++counter}` });
    },
  },
  // Drafts: admins publish them.
  {
    name: "publishDocument",
    least: "ADMIN",
    run: async (actor) =>
      publishDocument(prisma, actor, { documentId: (await makeDraftDocument(prisma)).document.id }),
  },
  // Audit trail (item 5): admins read the whole log.
  {
    name: "getAuditEvents",
    least: "ADMIN",
    run: (actor) => getAuditEvents(prisma, actor, parseAuditQuery({})),
  },
  { name: "getAuditActors", least: "ADMIN", run: (actor) => getAuditActors(prisma, actor) },
  // Annotations (item 2): signed-in people read threads; reviewers and admins write. Authors edit their own notes.
  {
    name: "getAnnotationThread",
    least: "VIEWER",
    run: async (actor) => getAnnotationThread(await claimId(), actor, prisma),
  },
  {
    name: "createAnnotation",
    least: "REVIEWER",
    run: async (actor) => createAnnotation(prisma, actor, note({ claimId: await claimId() })),
  },
  {
    name: "replyToAnnotation",
    least: "REVIEWER",
    run: async (actor) => replyToAnnotation(prisma, actor, note({ parentId: (await ownNote(actor)).id })),
  },
  {
    name: "editAnnotation",
    least: "REVIEWER",
    run: async (actor) =>
      editAnnotation(
        prisma,
        actor,
        note({ annotationId: (await ownNote(actor)).id, version: 1, body: "Edited." }),
      ),
  },
  {
    name: "deleteAnnotation",
    least: "REVIEWER",
    run: async (actor) => deleteAnnotation(prisma, actor, { annotationId: (await ownNote(actor)).id }),
  },
  {
    name: "resolveAnnotation",
    least: "REVIEWER",
    run: async (actor) => resolveAnnotation(prisma, actor, { annotationId: (await ownNote(actor)).id }),
  },
  {
    name: "reopenAnnotation",
    least: "REVIEWER",
    run: async (actor) => {
      const { id } = await ownNote(actor);
      await prisma.annotation.update({ where: { id }, data: { resolvedAt: new Date() } });
      return reopenAnnotation(prisma, actor, { annotationId: id });
    },
  },
  // Review workflow (item 3): reviewers set status and take claims; admins assign others and settle any claim.
  {
    name: "getClaimReview",
    least: "VIEWER",
    run: async (actor) => getClaimReview(await claimId(), actor, prisma),
  },
  {
    name: "getClaimHistory",
    least: "VIEWER",
    run: async (actor) => getClaimHistory(await claimId(), actor, prisma),
  },
  {
    name: "getReviewQueue",
    least: "REVIEWER",
    run: (actor) => getReviewQueue(actor, { status: null, page: 1, size: 25 }, prisma),
  },
  { name: "getAssignableReviewers", least: "ADMIN", run: (actor) => getAssignableReviewers(actor, prisma) },
  {
    name: "setClaimStatus",
    least: "REVIEWER",
    run: async (actor) => setClaimStatus(prisma, actor, { ...(await freshClaim()), status: "IN_REVIEW" }),
  },
  {
    name: "assignClaim to oneself",
    least: "REVIEWER",
    run: async (actor) => assignClaim(prisma, actor, { ...(await freshClaim()), assigneeId: actor?.id ?? 1 }),
  },
  {
    name: "assignClaim to someone else",
    least: "ADMIN",
    run: async (actor) =>
      assignClaim(prisma, actor, { ...(await freshClaim()), assigneeId: await target("REVIEWER") }),
  },
  {
    name: "settleClaimVerdict (not the assignee)",
    least: "ADMIN",
    run: async (actor) =>
      settleClaimVerdict(prisma, actor, { ...(await freshClaim()), verdict: "SUPPORTED" }),
  },
];

/** The expected answer for one cell, from the matrix above. */
function expected(operation: Operation, who: Who): "allowed" | "signed-out" | "forbidden" {
  if (who === "anonymous") return "signed-out";
  const order: Role[] = ["VIEWER", "ANALYST", "REVIEWER", "ADMIN"];
  return order.indexOf(ROLE_OF[who]) >= order.indexOf(operation.least) ? "allowed" : "forbidden";
}

const actors = new Map<Who, Actor | null>();

beforeAll(async () => {
  prisma = await freshSeededDatabase();
  pool = createPool({ connectionString: testDatabaseUrl(), max: 2 });
  actors.set("anonymous", null);
  for (const who of WHO) if (who !== "anonymous") actors.set(who, await makeActor(ROLE_OF[who]));
});

afterAll(async () => {
  await pool?.end();
  await prisma?.$disconnect();
});

describe("authorisation matrix", () => {
  for (const operation of OPERATIONS) {
    it(`${operation.name}: ${WHO.map((who) => `${who} ${expected(operation, who)}`).join(", ")}`, async () => {
      const outcomes: Record<string, string> = {};
      for (const who of WHO) {
        try {
          await operation.run(actors.get(who)!);
          outcomes[who] = "allowed";
        } catch (error) {
          if (!(error instanceof AuthorizationError)) throw error;
          outcomes[who] = error.reason;
        }
      }
      expect(outcomes).toEqual(Object.fromEntries(WHO.map((who) => [who, expected(operation, who)])));
    });
  }
});
