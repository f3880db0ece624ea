"use server";

// Saved views of the claims table, from the toolbar's Views menu.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/action";
import type { ActionResult } from "@/lib/actions/result";
import { getDb } from "@/lib/db";
import * as savedViews from "@/lib/data/saved-views";

type ViewResult = Promise<ActionResult<savedViews.SavedViewItem>>;

const afterChange = { revalidate: () => revalidatePath("/claims") };

export async function createSavedView(input: unknown): ViewResult {
  return runAction((actor) => savedViews.createSavedView(getDb(), actor, input), afterChange);
}

export async function renameSavedView(input: unknown): ViewResult {
  return runAction((actor) => savedViews.renameSavedView(getDb(), actor, input), afterChange);
}

export async function shareSavedView(input: unknown): ViewResult {
  return runAction((actor) => savedViews.shareSavedView(getDb(), actor, input), afterChange);
}

export async function deleteSavedView(input: unknown): Promise<ActionResult<{ id: number }>> {
  return runAction((actor) => savedViews.deleteSavedView(getDb(), actor, input), afterChange);
}
