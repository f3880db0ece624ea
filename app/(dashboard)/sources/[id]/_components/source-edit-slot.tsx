// Where the source page shows its admin edit form: nothing for anyone else, and the form's data (with the version
// it edits) read only for admins.
import { getCurrentUser } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { getSourceEdit } from "@/lib/data/catalog";
import { getDb } from "@/lib/db";
import { SourceEditForm } from "./source-edit-form";

export async function SourceEditSlot({ id }: { id: number }) {
  if (!can(await getCurrentUser(), "catalog.edit")) return null;
  const source = await getSourceEdit(getDb(), id);
  return source ? <SourceEditForm source={source} /> : null;
}
