"use server";

// Admin edits from the claim, entity and source pages.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/action";
import type { ActionResult } from "@/lib/actions/result";
import * as catalog from "@/lib/data/catalog";
import { getDb } from "@/lib/db";

/** The record's page and the lists that show it (titles and names appear on the claims table and elsewhere). */
function afterSaving(list: "/claims" | "/entities" | "/sources") {
  return {
    revalidate: ({ id }: { id: number }) => {
      revalidatePath(`${list}/${id}`);
      revalidatePath(list);
      revalidatePath("/admin/audit");
    },
  };
}

export async function updateClaim(input: unknown): Promise<ActionResult<catalog.ClaimEdit>> {
  return runAction((actor) => catalog.updateClaim(getDb(), actor, input), afterSaving("/claims"));
}

export async function updateEntity(input: unknown): Promise<ActionResult<catalog.EntityEdit>> {
  return runAction((actor) => catalog.updateEntity(getDb(), actor, input), afterSaving("/entities"));
}

export async function updateSource(input: unknown): Promise<ActionResult<catalog.SourceEdit>> {
  return runAction((actor) => catalog.updateSource(getDb(), actor, input), afterSaving("/sources"));
}
