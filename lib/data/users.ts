// Accounts. Writes authorise here, whoever calls them: the admin pages' actions or the command line.
import type { Actor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/passwords";
import { recordAudit } from "@/lib/data/audit";
import { InvalidStateError } from "@/lib/data/errors";
import type { Prisma } from "@/lib/prisma-client";
import { createUserSchema } from "@/lib/validations/users";

/** The operator at a shell on the server (`npm run user:create`), who needs no account to make the first one. */
export const COMMAND_LINE = Symbol("command line");

export class DuplicateEmailError extends InvalidStateError {
  constructor(email: string) {
    super(`An account with the email ${email} already exists.`);
    this.name = "DuplicateEmailError";
  }
}

const ACCOUNT_FIELDS = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  version: true,
} as const;

export async function createUser(db: Prisma, actor: Actor | null | typeof COMMAND_LINE, input: unknown) {
  if (actor !== COMMAND_LINE) requirePermission(actor, "users.manage");
  const { email, name, password, role } = createUserSchema.parse(input);
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
