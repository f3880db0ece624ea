"use server";

// Admin changes to accounts, from /admin/users.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/action";
import type { ActionResult } from "@/lib/actions/result";
import { getDb } from "@/lib/db";
import * as users from "@/lib/data/users";

type AccountResult = Promise<ActionResult<users.Account>>;

const afterChange = {
  revalidate: () => {
    revalidatePath("/admin/users");
    revalidatePath("/admin/audit");
  },
};

export async function createUser(input: unknown): AccountResult {
  return runAction((actor) => users.createUser(getDb(), actor, input), afterChange);
}

export async function changeUserRole(input: unknown): AccountResult {
  return runAction((actor) => users.changeUserRole(getDb(), actor, input), afterChange);
}

export async function disableUser(input: unknown): AccountResult {
  return runAction((actor) => users.disableUser(getDb(), actor, input), afterChange);
}

export async function enableUser(input: unknown): AccountResult {
  return runAction((actor) => users.enableUser(getDb(), actor, input), afterChange);
}

export async function updateUser(input: unknown): AccountResult {
  return runAction((actor) => users.updateUser(getDb(), actor, input), afterChange);
}
