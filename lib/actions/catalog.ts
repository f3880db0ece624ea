"use server";

// Admin edits from the claim, entity and source pages.
import { revalidatePath } from "next/cache";
import { toActionResult, type ActionResult } from "@/lib/actions/result";
import * as catalog from "@/lib/data/catalog";
import { getDb } from "@/lib/db";
import { requireActor } from "./session";

/** The record's page and the lists that show it (titles and names appear on the claims table and elsewhere). */
function revalidateRecord(list: "/claims" | "/entities" | "/sources", id: number) {
  revalidatePath(`${list}/${id}`);
  revalidatePath(list);
  revalidatePath("/admin/audit");
}

export async function updateClaim(input: unknown): Promise<ActionResult<catalog.ClaimEdit>> {
  return toActionResult(async () => {
    const claim = await catalog.updateClaim(getDb(), await requireActor(), input);
    revalidateRecord("/claims", claim.id);
    return claim;
  });
}

export async function updateEntity(input: unknown): Promise<ActionResult<catalog.EntityEdit>> {
  return toActionResult(async () => {
    const entity = await catalog.updateEntity(getDb(), await requireActor(), input);
    revalidateRecord("/entities", entity.id);
    return entity;
  });
}

export async function updateSource(input: unknown): Promise<ActionResult<catalog.SourceEdit>> {
  return toActionResult(async () => {
    const source = await catalog.updateSource(getDb(), await requireActor(), input);
    revalidateRecord("/sources", source.id);
    return source;
  });
}
