// Accounts. Writes authorise here, whoever calls them (the admin pages' actions or the command line), and take input
// their caller already parsed (lib/validations/users.ts).
import type { Actor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/passwords";
import { recordAudit, type AuditAction } from "@/lib/data/audit";
import { InvalidStateError, NotFoundError, StaleVersionError } from "@/lib/data/errors";
import { pagedOf, type Paged } from "@/lib/data/paged";
import type { Prisma as PrismaNamespace } from "@/lib/generated/prisma/client.ts";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import type { Prisma, Tx } from "@/lib/prisma-client";
import type {
  ChangeUserRoleData,
  CreateUserData,
  UpdateUserData,
  UserListQuery,
  UserRefData,
} from "@/lib/validations/users";

/** The operator at a shell on the server (`npm run user:create`), who needs no account to make the first one. */
export const COMMAND_LINE = Symbol("command line");

export class DuplicateEmailError extends InvalidStateError {
  constructor(email: string) {
    super(`An account with the email ${email} already exists.`);
    this.name = "DuplicateEmailError";
  }
}

/** What an admin sees of an account; never the password hash. */
export interface Account {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabledAt: Date | null;
  version: number;
}

export interface AccountRow extends Account {
  createdAt: Date;
}

const ACCOUNT_FIELDS = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  version: true,
} as const;

export async function createUser(
  db: Prisma,
  actor: Actor | null | typeof COMMAND_LINE,
  { email, name, password, role }: CreateUserData,
) {
  if (actor !== COMMAND_LINE) requirePermission(actor, "users.manage");
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } }))
      throw new DuplicateEmailError(email);
    const user = await tx.user.create({ data: { email, name, role, passwordHash }, select: ACCOUNT_FIELDS });
    await recordAudit(tx, {
      actorId: actor === COMMAND_LINE ? null : actor.id,
      action: "user.create",
      targetType: "user",
      targetId: user.id,
      after: { email, name, role },
    });
    return user;
  });
}

/** The accounts list of /admin/users: filtered, counted and paged in the database. */
export async function getUsers(
  db: Prisma,
  actor: Actor | null,
  query: UserListQuery,
): Promise<Paged<AccountRow>> {
  requirePermission(actor, "users.manage");
  const where: PrismaNamespace.UserWhereInput = {
    ...(query.q
      ? {
          OR: [
            { name: { contains: query.q, mode: "insensitive" } },
            { email: { contains: query.q, mode: "insensitive" } },
          ],
        }
      : {}),
    ...(query.role ? { role: query.role } : {}),
    ...(query.status === "active" ? { disabledAt: null } : {}),
    ...(query.status === "disabled" ? { disabledAt: { not: null } } : {}),
  };
  const [rows, total] = await db.$transaction([
    db.user.findMany({
      where,
      select: { ...ACCOUNT_FIELDS, createdAt: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * query.size,
      take: query.size,
    }),
    db.user.count({ where }),
  ]);
  return pagedOf(rows, total, query);
}

export async function changeUserRole(
  db: Prisma,
  actor: Actor | null,
  { id, version, role }: ChangeUserRoleData,
): Promise<Account> {
  requirePermission(actor, "users.manage");
  return updateAccount(db, actor, id, version, async (tx, current) => {
    if (current.role === role) return null;
    if (current.role === "ADMIN") await refuseLastAdmin(tx, current, "demote");
    return { action: "user.role", data: { role }, before: { role: current.role }, after: { role } };
  });
}

export async function disableUser(
  db: Prisma,
  actor: Actor | null,
  { id, version }: UserRefData,
): Promise<Account> {
  requirePermission(actor, "users.manage");
  return updateAccount(db, actor, id, version, async (tx, current) => {
    if (current.disabledAt) return null;
    if (current.role === "ADMIN") await refuseLastAdmin(tx, current, "disable");
    const disabledAt = new Date();
    return {
      action: "user.disable",
      data: { disabledAt },
      before: { disabledAt: null },
      after: { disabledAt: disabledAt.toISOString() },
    };
  });
}

export async function enableUser(
  db: Prisma,
  actor: Actor | null,
  { id, version }: UserRefData,
): Promise<Account> {
  requirePermission(actor, "users.manage");
  return updateAccount(db, actor, id, version, async (_tx, current) => {
    if (!current.disabledAt) return null;
    return {
      action: "user.enable",
      data: { disabledAt: null },
      before: { disabledAt: current.disabledAt.toISOString() },
      after: { disabledAt: null },
    };
  });
}

/** Edits the account's name; the email is its sign-in identity and stays as created. */
export async function updateUser(
  db: Prisma,
  actor: Actor | null,
  { id, version, name }: UpdateUserData,
): Promise<Account> {
  requirePermission(actor, "users.manage");
  return updateAccount(db, actor, id, version, async (_tx, current) => {
    if (current.name === name) return null;
    return { action: "user.edit", data: { name }, before: { name: current.name }, after: { name } };
  });
}

interface AccountChange {
  action: AuditAction;
  data: PrismaNamespace.UserUpdateInput;
  before: PrismaNamespace.InputJsonObject;
  after: PrismaNamespace.InputJsonObject;
}

/**
 * One admin change to one account: lock the row, refuse a stale version, apply the change and its audit event in
 * one transaction. `decide` returns null when the account already is as asked, which changes nothing.
 */
async function updateAccount(
  db: Prisma,
  actor: Actor,
  id: number,
  version: number,
  decide: (tx: Tx, current: Account) => Promise<AccountChange | null>,
): Promise<Account> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${id} FOR UPDATE`;
    const current = await tx.user.findUnique({ where: { id }, select: ACCOUNT_FIELDS });
    if (!current) throw new NotFoundError("account");
    if (current.version !== version) throw new StaleVersionError("account");
    const change = await decide(tx, current);
    if (!change) return current;
    const updated = await tx.user.update({
      where: { id },
      data: { ...change.data, version: { increment: 1 } },
      select: ACCOUNT_FIELDS,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: change.action,
      targetType: "user",
      targetId: id,
      before: { email: current.email, ...change.before },
      after: { email: current.email, ...change.after },
    });
    return updated;
  });
}

/** Key of the transaction lock that serialises changes taking an admin away (any constant unique to this use). */
export const ADMIN_CHANGE_LOCK = 4_012_001;

/**
 * The team must keep one active admin, or nobody could manage accounts again without a shell on the server. The
 * lock makes two admins demoting each other at once take turns, so the second sees the first's change and stops.
 */
async function refuseLastAdmin(tx: Tx, target: Account, change: "demote" | "disable"): Promise<void> {
  if (target.disabledAt) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_CHANGE_LOCK})`;
  const others = await tx.user.count({
    where: { role: "ADMIN", disabledAt: null, id: { not: target.id } },
  });
  if (others > 0) return;
  throw new InvalidStateError(
    `${target.name} is the last active admin: ${change === "demote" ? "demoting" : "disabling"} them would leave nobody to manage accounts. Make another account an admin first.`,
  );
}
