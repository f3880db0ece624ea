// Where the claim, entity and source pages show their admin edit forms: nothing for anyone else, and the form's
// data (with the version it edits) read only for admins.
import { ClaimEditForm } from "@/app/(dashboard)/claims/[id]/_components/claim-edit-form";
import { EntityEditForm } from "@/app/(dashboard)/entities/[id]/_components/entity-edit-form";
import { SourceEditForm } from "@/app/(dashboard)/sources/[id]/_components/source-edit-form";
import { getCurrentUser } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { getClaimEdit, getEntityEdit, getSectorOptions, getSourceEdit } from "@/lib/data/catalog";
import { getDb } from "@/lib/db";

async function canEdit(): Promise<boolean> {
  return can(await getCurrentUser(), "catalog.edit");
}

export async function ClaimEditSlot({ id }: { id: number }) {
  if (!(await canEdit())) return null;
  const [claim, sectorOptions] = await Promise.all([getClaimEdit(getDb(), id), getSectorOptions(getDb())]);
  return claim ? <ClaimEditForm claim={claim} sectorOptions={sectorOptions} /> : null;
}

export async function EntityEditSlot({ id }: { id: number }) {
  if (!(await canEdit())) return null;
  const entity = await getEntityEdit(getDb(), id);
  return entity ? <EntityEditForm entity={entity} /> : null;
}

export async function SourceEditSlot({ id }: { id: number }) {
  if (!(await canEdit())) return null;
  const source = await getSourceEdit(getDb(), id);
  return source ? <SourceEditForm source={source} /> : null;
}
