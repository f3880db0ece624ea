// Where the entity page shows its admin edit form: nothing for anyone else, and the form's data (with the version
// it edits) read only for admins.
import { getCurrentUser } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { getEntityEdit } from "@/lib/data/catalog";
import { getDb } from "@/lib/db";
import { EntityEditForm } from "./entity-edit-form";

export async function EntityEditSlot({ id }: { id: number }) {
  if (!can(await getCurrentUser(), "catalog.edit")) return null;
  const entity = await getEntityEdit(getDb(), id);
  return entity ? <EntityEditForm entity={entity} /> : null;
}
