"use server";

// Admin changes to accounts, from /admin/users.
import { revalidatePath } from "next/cache";
import { toActionResult, type ActionResult } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import * as users from "@/lib/data/users";
import type { Prisma } from "@/lib/prisma-client";
import { requireActor } from "./session";

type AccountResult = Promise<ActionResult<users.Account>>;

function run(change: (db: Prisma, actor: Actor) => Promise<users.Account>): AccountResult {
  return toActionResult(async () => {
    const account = await change(getDb(), await requireActor());
    revalidatePath("/admin/users");
    revalidatePath("/admin/audit");
    return account;
  });
}

export async function createUser(input: unknown): AccountResult {
  return run((db, actor) => users.createUser(db, actor, input));
}

export async function changeUserRole(input: unknown): AccountResult {
  return run((db, actor) => users.changeUserRole(db, actor, input));
}

export async function disableUser(input: unknown): AccountResult {
  return run((db, actor) => users.disableUser(db, actor, input));
}

export async function enableUser(input: unknown): AccountResult {
  return run((db, actor) => users.enableUser(db, actor, input));
}

export async function updateUser(input: unknown): AccountResult {
  return run((db, actor) => users.updateUser(db, actor, input));
}
