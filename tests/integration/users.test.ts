// Admin account management on the real database: each change, its audit event, the version check, the
// last-admin guard, and who may do it. Input arrives as the actions pass it on, parsed by the mutation's schema; what
// the schemas refuse is tested in tests/unit/validations.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthorizationError, type Actor } from "@/lib/auth/permissions";
import { InvalidStateError, NotFoundError, StaleVersionError } from "@/lib/data/errors";
import {
  ADMIN_CHANGE_LOCK,
  COMMAND_LINE,
  DuplicateEmailError,
  changeUserRole,
  createUser,
  disableUser,
  enableUser,
  getUsers,
  updateUser,
} from "@/lib/data/users";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import type { Prisma } from "@/lib/prisma-client";
import { createUserSchema, parseUserListQuery, updateUserSchema } from "@/lib/validations/users";
import { withPgClient } from "@/tests/helpers/db";
import { freshSeededDatabase } from "@/tests/helpers/seeded-database";

const PASSWORD = "correct horse battery staple";

let prisma: Prisma;
let admin: Actor;
let counter = 0;

async function account(role: Role, name?: string) {
  counter += 1;
  return createUser(prisma, COMMAND_LINE, {
    email: `person-${counter}@users.test`,
    name: name ?? `Person ${counter}`,
    password: PASSWORD,
    role,
  });
}

function actorOf(user: { id: number; email: string; name: string; role: Role }): Actor {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

async function eventsFor(userId: number) {
  return prisma.auditEvent.findMany({
    where: { targetType: "user", targetId: String(userId) },
    orderBy: { id: "asc" },
  });
}

beforeAll(async () => {
  prisma = await freshSeededDatabase();
  admin = actorOf(await account("ADMIN", "Ada Admin"));
});

afterAll(async () => {
  await prisma?.$disconnect();
});

describe("creating an account", () => {
  it("records who created it, and never returns or audits the hash", async () => {
    const created = await createUser(prisma, admin, {
      email: "new.person@example.org",
      name: "New Person",
      password: PASSWORD,
      role: "ANALYST",
    });
    expect(created).toEqual({
      id: expect.any(Number),
      email: "new.person@example.org",
      name: "New Person",
      role: "ANALYST",
      disabledAt: null,
      version: 1,
    });
    const [event] = await eventsFor(created.id);
    expect(event).toMatchObject({
      actorId: admin.id,
      action: "user.create",
      before: null,
      after: { email: "new.person@example.org", name: "New Person", role: "ANALYST" },
    });
    const stored = await prisma.user.findUniqueOrThrow({
      where: { id: created.id },
      omit: { passwordHash: false },
    });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(event)).not.toContain(stored.passwordHash);
    expect(JSON.stringify(event)).not.toContain(PASSWORD);
  });

  it("refuses a duplicate email, whatever its case, and creates nothing", async () => {
    const before = await prisma.user.count();
    await expect(
      createUser(
        prisma,
        admin,
        createUserSchema.parse({
          email: "NEW.person@example.org",
          name: "Twin",
          password: PASSWORD,
          role: "VIEWER",
        }),
      ),
    ).rejects.toBeInstanceOf(DuplicateEmailError);
    expect(await prisma.user.count()).toBe(before);
  });
});

describe("changing an account", () => {
  it("changes the role, bumps the version, and audits before and after", async () => {
    const user = await account("VIEWER");
    const changed = await changeUserRole(prisma, admin, { id: user.id, version: 1, role: "REVIEWER" });
    expect(changed).toMatchObject({ role: "REVIEWER", version: 2 });
    const events = await eventsFor(user.id);
    expect(events.at(-1)).toMatchObject({
      actorId: admin.id,
      action: "user.role",
      before: { email: user.email, role: "VIEWER" },
      after: { email: user.email, role: "REVIEWER" },
    });
  });

  it("refuses a stale version with a clear message and changes nothing", async () => {
    const user = await account("VIEWER");
    await changeUserRole(prisma, admin, { id: user.id, version: 1, role: "ANALYST" });
    await expect(
      changeUserRole(prisma, admin, { id: user.id, version: 1, role: "ADMIN" }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      role: "ANALYST",
      version: 2,
    });
    expect((await eventsFor(user.id)).map((event) => event.action)).toEqual(["user.create", "user.role"]);
  });

  it("disables and enables an account, each audited", async () => {
    const user = await account("ANALYST");
    const disabled = await disableUser(prisma, admin, { id: user.id, version: 1 });
    expect(disabled.disabledAt).toBeInstanceOf(Date);
    expect(disabled.version).toBe(2);
    const enabled = await enableUser(prisma, admin, { id: user.id, version: 2 });
    expect(enabled).toMatchObject({ disabledAt: null, version: 3 });
    const [, disable, enable] = await eventsFor(user.id);
    expect(disable).toMatchObject({
      action: "user.disable",
      before: { disabledAt: null },
      after: { disabledAt: disabled.disabledAt!.toISOString() },
    });
    expect(enable).toMatchObject({
      action: "user.enable",
      before: { disabledAt: disabled.disabledAt!.toISOString() },
      after: { disabledAt: null },
    });
  });

  it("edits the name, audited", async () => {
    const user = await account("VIEWER", "Old Name");
    const renamed = await updateUser(
      prisma,
      admin,
      updateUserSchema.parse({ id: user.id, version: 1, name: "  New Name " }),
    );
    expect(renamed).toMatchObject({ name: "New Name", version: 2 });
    expect((await eventsFor(user.id)).at(-1)).toMatchObject({
      action: "user.edit",
      before: { name: "Old Name" },
      after: { name: "New Name" },
    });
  });

  it("writes nothing when the account already is as asked", async () => {
    const user = await account("ANALYST");
    const same = await changeUserRole(prisma, admin, { id: user.id, version: 1, role: "ANALYST" });
    expect(same.version).toBe(1);
    expect(await eventsFor(user.id)).toHaveLength(1);
  });

  it("answers not found for an account that does not exist", async () => {
    await expect(
      changeUserRole(prisma, admin, { id: 999_999, version: 1, role: "ADMIN" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the last active admin", () => {
  it("cannot be demoted or disabled, even by themselves; with a second admin, they can", async () => {
    // Make every other admin of this file inactive, so `solo` is the only active one.
    await prisma.user.updateMany({ where: { role: "ADMIN" }, data: { disabledAt: new Date() } });
    const solo = await account("ADMIN", "Solo Admin");
    const soloActor = actorOf(solo);
    const demote = changeUserRole(prisma, soloActor, { id: solo.id, version: 1, role: "REVIEWER" });
    await expect(demote).rejects.toBeInstanceOf(InvalidStateError);
    await expect(demote).rejects.toThrow(/last active admin/);
    await expect(disableUser(prisma, soloActor, { id: solo.id, version: 1 })).rejects.toThrow(
      /last active admin/,
    );
    expect(await prisma.user.findUniqueOrThrow({ where: { id: solo.id } })).toMatchObject({
      role: "ADMIN",
      disabledAt: null,
      version: 1,
    });

    const second = await account("ADMIN", "Second Admin");
    await changeUserRole(prisma, soloActor, { id: solo.id, version: 1, role: "REVIEWER" });
    // Now `second` is the last one.
    await expect(disableUser(prisma, actorOf(second), { id: second.id, version: 1 })).rejects.toThrow(
      /last active admin/,
    );
    await prisma.user.updateMany({ where: { id: admin.id }, data: { disabledAt: null } });
  });

  it("makes two admins demoting each other take turns, so one of them stays admin", async () => {
    await prisma.user.updateMany({ where: { role: "ADMIN" }, data: { disabledAt: new Date() } });
    const first = await account("ADMIN");
    const second = await account("ADMIN");
    await withPgClient(async (client) => {
      // The first admin's demotion of the second, caught mid-transaction: it holds the lock, not yet committed.
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1)", [ADMIN_CHANGE_LOCK]);
      await client.query(`UPDATE "User" SET role = 'VIEWER' WHERE id = $1`, [second.id]);
      const concurrent = changeUserRole(prisma, actorOf(second), {
        id: first.id,
        version: 1,
        role: "VIEWER",
      });
      const outcome = await Promise.race([
        concurrent.then(
          () => "finished" as const,
          () => "finished" as const,
        ),
        waitForLockWaiter(client).then(() => "waiting" as const),
      ]);
      await client.query("COMMIT");
      expect(outcome).toBe("waiting");
      await expect(concurrent).rejects.toThrow(/last active admin/);
    });
    expect(await prisma.user.count({ where: { role: "ADMIN", disabledAt: null } })).toBe(1);
    await prisma.user.updateMany({ where: { id: admin.id }, data: { disabledAt: null } });
  });
});

/** Resolves once another session waits for an advisory lock (the concurrent change, queued behind ours). */
async function waitForLockWaiter(client: pg.Client): Promise<void> {
  for (;;) {
    const { rowCount } = await client.query(
      `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND pid <> pg_backend_pid()`,
    );
    if (rowCount) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("who may manage accounts", () => {
  it("admins only: others are refused, anonymous asked to sign in, and nothing changes", async () => {
    const target = await account("VIEWER");
    for (const role of ["VIEWER", "ANALYST", "REVIEWER"] as const) {
      const actor = actorOf(await account(role));
      const calls = [
        createUser(prisma, actor, {
          email: `by-${role}@users.test`,
          name: "X",
          password: PASSWORD,
          role: "ADMIN",
        }),
        changeUserRole(prisma, actor, { id: target.id, version: 1, role: "ADMIN" }),
        disableUser(prisma, actor, { id: target.id, version: 1 }),
        enableUser(prisma, actor, { id: target.id, version: 1 }),
        updateUser(prisma, actor, { id: target.id, version: 1, name: "Hacked" }),
        getUsers(prisma, actor, parseUserListQuery({})),
      ];
      for (const call of calls) await expect(call).rejects.toEqual(new AuthorizationError("forbidden"));
    }
    await expect(changeUserRole(prisma, null, { id: target.id, version: 1, role: "ADMIN" })).rejects.toEqual(
      new AuthorizationError("signed-out"),
    );
    expect(await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      role: "VIEWER",
      name: target.name,
      disabledAt: null,
      version: 1,
    });
    expect(await eventsFor(target.id)).toHaveLength(1);
  });
});

describe("the accounts list", () => {
  it("searches name and email in any case, filters by role and status, and pages in the database", async () => {
    const marker = "zebrafinch";
    const people = [];
    for (let i = 0; i < 3; i++) people.push(await account("REVIEWER", `Zebrafinch ${i}`));
    await disableUser(prisma, admin, { id: people[0]!.id, version: 1 });

    const all = await getUsers(prisma, admin, parseUserListQuery({ q: marker.toUpperCase() }));
    expect(all.rows.map((row) => row.name)).toEqual(["Zebrafinch 0", "Zebrafinch 1", "Zebrafinch 2"]);
    expect(all.total).toBe(3);
    expect(JSON.stringify(all)).not.toContain("argon2");

    const active = await getUsers(prisma, admin, parseUserListQuery({ q: marker, status: "active" }));
    expect(active.rows.map((row) => row.name)).toEqual(["Zebrafinch 1", "Zebrafinch 2"]);
    const disabled = await getUsers(prisma, admin, parseUserListQuery({ q: marker, status: "disabled" }));
    expect(disabled.rows.map((row) => row.name)).toEqual(["Zebrafinch 0"]);

    const byEmail = await getUsers(prisma, admin, parseUserListQuery({ q: people[1]!.email }));
    expect(byEmail.rows.map((row) => row.id)).toEqual([people[1]!.id]);

    const reviewers = await getUsers(prisma, admin, parseUserListQuery({ role: "REVIEWER", size: "10" }));
    expect(reviewers.rows.every((row) => row.role === "REVIEWER")).toBe(true);

    const page2 = await getUsers(prisma, admin, parseUserListQuery({ q: marker, size: "10", page: "2" }));
    expect(page2).toMatchObject({ rows: [], total: 3, pageCount: 1, page: 2 });
  });

  it("falls back to defaults for malformed parameters", () => {
    expect(
      parseUserListQuery({ q: "\u0000 ada ", role: "ROOT", status: "gone", page: "-3", size: "7" }),
    ).toEqual({
      q: "ada",
      role: null,
      status: null,
      page: 1,
      size: 25,
    });
  });
});
