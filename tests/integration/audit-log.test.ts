// The admin audit log read: newest first, each filter, paging in the database, and who may read it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthorizationError, type Actor } from "@/lib/auth/permissions";
import { AUDIT_PAGE_SIZE, getAuditActors, getAuditEvents } from "@/lib/data/audit";
import { COMMAND_LINE, changeUserRole, createUser } from "@/lib/data/users";
import type { Prisma } from "@/lib/prisma-client";
import { parseAuditQuery } from "@/lib/validations/audit";
import { freshSeededDatabase } from "@/tests/helpers/seeded-database";

let prisma: Prisma;
let admin: Actor;
let other: Actor;
let claimId: number;

async function actor(role: "ADMIN" | "ANALYST", email: string): Promise<Actor> {
  const user = await createUser(prisma, COMMAND_LINE, {
    email,
    name: email,
    password: "an audit test password",
    role,
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

beforeAll(async () => {
  prisma = await freshSeededDatabase();
  admin = await actor("ADMIN", "admin@audit.test");
  other = await actor("ADMIN", "other@audit.test");
  claimId = (await prisma.claim.findFirstOrThrow({ select: { id: true } })).id;
  // A known history, with fixed times: three days of events by two admins.
  const event = (
    at: string,
    actorId: number | null,
    action: string,
    targetType: string,
    targetId: string,
    claim?: number,
  ) =>
    prisma.auditEvent.create({
      data: {
        at: new Date(at),
        actorId,
        action,
        targetType,
        targetId,
        claimId: claim ?? null,
        before: { a: 1 },
        after: { a: 2 },
      },
    });
  await event("2026-01-01T10:00:00Z", admin.id, "claim.edit", "claim", String(claimId), claimId);
  await event("2026-01-02T23:59:59Z", other.id, "entity.edit", "entity", "7");
  await event("2026-01-03T00:00:00Z", admin.id, "source.edit", "source", "3");
  await event("2026-01-03T12:00:00Z", null, "user.create", "user", "99");
});

afterAll(async () => {
  await prisma?.$disconnect();
});

describe("getAuditEvents", () => {
  it("lists every event newest first, with who did it", async () => {
    const { rows, total } = await getAuditEvents(prisma, admin, parseAuditQuery({}));
    expect(total).toBe(await prisma.auditEvent.count());
    const times = rows.map((row) => row.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const edit = rows.find((row) => row.action === "claim.edit")!;
    expect(edit).toMatchObject({
      actor: { id: admin.id, name: admin.name, email: admin.email },
      targetType: "claim",
      claimId,
      before: { a: 1 },
      after: { a: 2 },
    });
    expect(JSON.stringify(rows)).not.toContain("argon2");
  });

  it("filters by actor, action, target type, claim and an inclusive day range", async () => {
    const actions = async (params: Record<string, string>) =>
      (await getAuditEvents(prisma, admin, parseAuditQuery(params))).rows.map((row) => row.action);
    expect(await actions({ actor: String(other.id) })).toEqual(["entity.edit"]);
    expect(await actions({ action: "source.edit" })).toEqual(["source.edit"]);
    expect(await actions({ target: "entity" })).toEqual(["entity.edit"]);
    expect(await actions({ claim: String(claimId) })).toEqual(["claim.edit"]);
    expect(await actions({ from: "2026-01-02", to: "2026-01-02" })).toEqual(["entity.edit"]);
    expect(await actions({ from: "2026-01-01", to: "2026-01-03" })).toEqual([
      "user.create",
      "source.edit",
      "entity.edit",
      "claim.edit",
    ]);
    expect(await actions({ actor: String(admin.id), from: "2026-01-01", to: "2026-01-03" })).toEqual([
      "source.edit",
      "claim.edit",
    ]);
  });

  it("ignores malformed filters instead of failing", async () => {
    expect(
      parseAuditQuery({
        actor: "x",
        action: "user.hack",
        target: "table",
        claim: "-1",
        from: "2026-02-30",
        to: "yesterday",
        page: "0",
      }),
    ).toEqual({
      actorId: null,
      action: null,
      targetType: null,
      claimId: null,
      from: null,
      to: null,
      page: 1,
    });
  });

  it("pages in the database", async () => {
    const target = (await prisma.user.findFirstOrThrow({ where: { email: "other@audit.test" } })).id;
    for (let version = 1; version <= AUDIT_PAGE_SIZE + 2; version++) {
      await changeUserRole(prisma, admin, { id: target, version, role: version % 2 ? "REVIEWER" : "ADMIN" });
    }
    const filter = { action: "user.role", actor: String(admin.id) };
    const first = await getAuditEvents(prisma, admin, parseAuditQuery(filter));
    const second = await getAuditEvents(prisma, admin, parseAuditQuery({ ...filter, page: "2" }));
    expect(first).toMatchObject({ total: AUDIT_PAGE_SIZE + 2, pageCount: 2 });
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(second.rows).toHaveLength(2);
    // The oldest change comes last: the first one made the account a reviewer.
    expect(second.rows.at(-1)!.after).toMatchObject({ role: "REVIEWER" });
    expect(new Set([...first.rows, ...second.rows].map((row) => row.id)).size).toBe(AUDIT_PAGE_SIZE + 2);
  });

  it("is for admins only", async () => {
    const analyst = await actor("ANALYST", "analyst@audit.test");
    await expect(getAuditEvents(prisma, analyst, parseAuditQuery({}))).rejects.toEqual(
      new AuthorizationError("forbidden"),
    );
    await expect(getAuditActors(prisma, analyst)).rejects.toEqual(new AuthorizationError("forbidden"));
    await expect(getAuditEvents(prisma, null, parseAuditQuery({}))).rejects.toEqual(
      new AuthorizationError("signed-out"),
    );
  });

  it("offers as actors only the people who changed something", async () => {
    const actors = await getAuditActors(prisma, admin);
    expect(actors.map((person) => person.email)).toEqual(["admin@audit.test", "other@audit.test"]);
  });
});
