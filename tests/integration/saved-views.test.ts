// Saved views on the real database: who sees which, who may change them, what is stored, and the audit trail. Input
// arrives as the actions pass it on, parsed by the mutation's schema; what the schemas refuse is tested in
// tests/unit/validations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthorizationError, type Actor } from "@/lib/auth/permissions";
import { InvalidStateError, NotFoundError, StaleVersionError } from "@/lib/data/errors";
import {
  createSavedView,
  deleteSavedView,
  getSavedViews,
  renameSavedView,
  shareSavedView,
} from "@/lib/data/saved-views";
import { COMMAND_LINE, createUser } from "@/lib/data/users";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import type { Prisma } from "@/lib/prisma-client";
import { createSavedViewSchema } from "@/lib/validations/saved-views";
import { freshSeededDatabase } from "@/tests/helpers/seeded-database";

let prisma: Prisma;
let counter = 0;
let alice: Actor;
let bob: Actor;
let admin: Actor;

async function actor(role: Role, name: string): Promise<Actor> {
  const user = await createUser(prisma, COMMAND_LINE, {
    email: `views-${++counter}@views.test`,
    name,
    password: "a password for saved views",
    role,
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

beforeAll(async () => {
  prisma = await freshSeededDatabase();
  alice = await actor("ANALYST", "Alice Analyst");
  bob = await actor("REVIEWER", "Bob Reviewer");
  admin = await actor("ADMIN", "Ada Admin");
});

afterAll(async () => {
  await prisma?.$disconnect();
});

describe("saving a view", () => {
  it("stores the view for its owner, audited", async () => {
    const view = await createSavedView(prisma, alice, {
      name: "Huawei chips",
      query: "q=Huawei&sector=hardware-chips&kind=STATISTIC&size=50",
      shared: false,
    });
    expect(view).toMatchObject({
      name: "Huawei chips",
      query: "q=Huawei&sector=hardware-chips&kind=STATISTIC&size=50",
      shared: false,
      version: 1,
      owner: { id: alice.id, name: "Alice Analyst" },
      canManage: true,
    });
    expect(
      await prisma.auditEvent.findFirst({ where: { action: "savedView.create", targetId: String(view.id) } }),
    ).toMatchObject({
      actorId: alice.id,
      targetType: "savedView",
      after: { name: "Huawei chips", query: view.query, shared: false },
    });
  });

  it("keeps every filter of the table, the note filter included", async () => {
    const view = await createSavedView(
      prisma,
      alice,
      createSavedViewSchema.parse({
        name: "Noted events",
        query: "has_notes=yes&kind=event&has_notes=no",
        shared: false,
      }),
    );
    expect(view.query).toBe("kind=EVENT&has_notes=yes");
  });

  it("keeps 'assigned to me' as 'me', so a shared view means each reader's own claims", async () => {
    const view = await createSavedView(prisma, alice, {
      name: "My queue",
      query: "assignee=me",
      shared: true,
    });
    expect(view.query).toBe("assignee=me");
  });

  it("keeps a hostile name as text", async () => {
    const hostile = `<img src=x onerror=alert(1)> '; DROP TABLE "SavedView"; --`;
    const view = await createSavedView(prisma, alice, { name: hostile, query: "", shared: true });
    expect(view.name).toBe(hostile);
    expect((await prisma.savedView.findUniqueOrThrow({ where: { id: view.id } })).name).toBe(hostile);
  });

  it("refuses a second view with the same name for the same owner, but another owner may use it", async () => {
    await createSavedView(prisma, alice, { name: "Twice", query: "", shared: false });
    await expect(
      createSavedView(
        prisma,
        alice,
        createSavedViewSchema.parse({ name: " Twice ", query: "kind=EVENT", shared: false }),
      ),
    ).rejects.toBeInstanceOf(InvalidStateError);
    await expect(
      createSavedView(prisma, bob, { name: "Twice", query: "", shared: false }),
    ).resolves.toMatchObject({
      name: "Twice",
    });
  });

  it("is for analysts and above: a viewer and anonymous are refused", async () => {
    const viewer = await actor("VIEWER", "Vic Viewer");
    await expect(createSavedView(prisma, viewer, { name: "Mine", query: "", shared: false })).rejects.toEqual(
      new AuthorizationError("forbidden"),
    );
    await expect(getSavedViews(prisma, viewer)).rejects.toEqual(new AuthorizationError("forbidden"));
    await expect(createSavedView(prisma, null, { name: "Mine", query: "", shared: false })).rejects.toEqual(
      new AuthorizationError("signed-out"),
    );
    expect(await prisma.savedView.count({ where: { ownerId: viewer.id } })).toBe(0);
  });
});

describe("who sees and changes a view", () => {
  it("lists one's own views and the shared ones, never someone else's private ones", async () => {
    const carol = await actor("ANALYST", "Carol Analyst");
    const dave = await actor("ANALYST", "Dave Analyst");
    const mine = await createSavedView(prisma, carol, { name: "Carol private", query: "", shared: false });
    const ours = await createSavedView(prisma, carol, {
      name: "Carol shared",
      query: "kind=EVENT",
      shared: true,
    });
    const daves = await createSavedView(prisma, dave, { name: "Dave private", query: "", shared: false });

    const forDave = await getSavedViews(prisma, dave);
    const ids = forDave.map((view) => view.id);
    expect(ids).toContain(ours.id);
    expect(ids).toContain(daves.id);
    expect(ids).not.toContain(mine.id);
    // His own first.
    expect(forDave[0]!.owner.id).toBe(dave.id);
    expect(forDave.find((view) => view.id === ours.id)!.canManage).toBe(false);

    const unshared = await shareSavedView(prisma, carol, { id: ours.id, version: 1, shared: false });
    expect(unshared).toMatchObject({ shared: false, version: 2 });
    expect((await getSavedViews(prisma, dave)).map((view) => view.id)).not.toContain(ours.id);
  });

  it("lets only the owner or an admin rename, share or delete; others are refused and nothing changes", async () => {
    const view = await createSavedView(prisma, alice, {
      name: "Team view",
      query: "kind=FORECAST",
      shared: true,
    });
    await expect(
      renameSavedView(prisma, bob, { id: view.id, version: 1, name: "Bob's now" }),
    ).rejects.toBeInstanceOf(AuthorizationError);
    await expect(
      shareSavedView(prisma, bob, { id: view.id, version: 1, shared: false }),
    ).rejects.toBeInstanceOf(AuthorizationError);
    await expect(deleteSavedView(prisma, bob, { id: view.id, version: 1 })).rejects.toBeInstanceOf(
      AuthorizationError,
    );
    expect(await prisma.savedView.findUniqueOrThrow({ where: { id: view.id } })).toMatchObject({
      name: "Team view",
      shared: true,
      version: 1,
    });

    const renamed = await renameSavedView(prisma, admin, {
      id: view.id,
      version: 1,
      name: "Renamed by admin",
    });
    expect(renamed).toMatchObject({ name: "Renamed by admin", version: 2, canManage: true });
    expect(
      await prisma.auditEvent.findFirst({ where: { action: "savedView.edit", targetId: String(view.id) } }),
    ).toMatchObject({
      actorId: admin.id,
      before: { name: "Team view" },
      after: { name: "Renamed by admin" },
    });
    await deleteSavedView(prisma, alice, { id: view.id, version: 2 });
    expect(await prisma.savedView.findUnique({ where: { id: view.id } })).toBeNull();
    expect(
      await prisma.auditEvent.findFirst({ where: { action: "savedView.delete", targetId: String(view.id) } }),
    ).toMatchObject({
      actorId: alice.id,
      before: { name: "Renamed by admin", query: "kind=FORECAST", shared: true, ownerId: alice.id },
      after: null,
    });
  });

  it("answers not found for someone else's private view, as for one that does not exist", async () => {
    const secret = await createSavedView(prisma, alice, { name: "Secret", query: "", shared: false });
    await expect(deleteSavedView(prisma, bob, { id: secret.id, version: 1 })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(deleteSavedView(prisma, bob, { id: 987_654, version: 1 })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await prisma.savedView.findUnique({ where: { id: secret.id } })).not.toBeNull();
  });

  it("refuses a stale version and a rename onto a name the owner already uses", async () => {
    const view = await createSavedView(prisma, alice, { name: "Versioned", query: "", shared: false });
    await renameSavedView(prisma, alice, { id: view.id, version: 1, name: "Versioned 2" });
    await expect(
      renameSavedView(prisma, alice, { id: view.id, version: 1, name: "Versioned 3" }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    await createSavedView(prisma, alice, { name: "Taken", query: "", shared: false });
    await expect(renameSavedView(prisma, alice, { id: view.id, version: 2, name: "Taken" })).rejects.toThrow(
      /already a view named/,
    );
    expect(await prisma.savedView.findUniqueOrThrow({ where: { id: view.id } })).toMatchObject({
      name: "Versioned 2",
      version: 2,
    });
  });
});
