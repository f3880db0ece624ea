"use server";

// Saved views of the claims table, from the toolbar's Views menu.
import { revalidatePath } from "next/cache";
import { toActionResult, type ActionResult } from "@/lib/actions/result";
import { getDb } from "@/lib/db";
import * as savedViews from "@/lib/data/saved-views";
import { requireActor } from "./session";

type ViewResult = Promise<ActionResult<savedViews.SavedViewItem>>;

function afterChange<T>(value: T): T {
  revalidatePath("/claims");
  return value;
}

export async function createSavedView(input: unknown): ViewResult {
  return toActionResult(async () =>
    afterChange(await savedViews.createSavedView(getDb(), await requireActor(), input)),
  );
}

export async function renameSavedView(input: unknown): ViewResult {
  return toActionResult(async () =>
    afterChange(await savedViews.renameSavedView(getDb(), await requireActor(), input)),
  );
}

export async function shareSavedView(input: unknown): ViewResult {
  return toActionResult(async () =>
    afterChange(await savedViews.shareSavedView(getDb(), await requireActor(), input)),
  );
}

export async function deleteSavedView(input: unknown): Promise<ActionResult<{ id: number }>> {
  return toActionResult(async () =>
    afterChange(await savedViews.deleteSavedView(getDb(), await requireActor(), input)),
  );
}
