// Where the claim page shows its admin edit form: nothing for anyone else, and the form's data (with the version
// it edits) read only for admins.
import { getCurrentUser } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { getClaimEdit, getSectorOptions } from "@/lib/data/catalog";
import { getDb } from "@/lib/db";
import { ClaimEditForm } from "./claim-edit-form";

export async function ClaimEditSlot({ id }: { id: number }) {
  if (!can(await getCurrentUser(), "catalog.edit")) return null;
  const [claim, sectorOptions] = await Promise.all([getClaimEdit(getDb(), id), getSectorOptions(getDb())]);
  return claim ? <ClaimEditForm claim={claim} sectorOptions={sectorOptions} /> : null;
}
