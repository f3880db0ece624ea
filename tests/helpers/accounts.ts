// Accounts for integration tests, made through the data layer as `npm run user:create` makes them.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/permissions";
import { COMMAND_LINE, createUser } from "@/lib/data/users";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import type { Prisma } from "@/lib/prisma-client";

export async function makeActor(prisma: Prisma, role: Role, name?: string): Promise<Actor> {
  const suffix = randomUUID().slice(0, 8);
  const user = await createUser(prisma, COMMAND_LINE, {
    email: `${role.toLowerCase()}-${suffix}@claimdesk.test`,
    name: name ?? `${role} ${suffix}`,
    password: "an integration test password",
    role,
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
