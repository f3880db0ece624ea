"use server";
// Admin edits from the claim, entity and source pages.
import { serverAction } from "@/lib/actions/action";
import * as catalog from "@/lib/data/catalog";
import { updateClaimSchema, updateEntitySchema, updateSourceSchema } from "@/lib/validations/catalog";

export const updateClaim = serverAction({
  permission: "catalog.edit",
  schema: updateClaimSchema,
  write: catalog.updateClaim,
});

export const updateEntity = serverAction({
  permission: "catalog.edit",
  schema: updateEntitySchema,
  write: catalog.updateEntity,
});

export const updateSource = serverAction({
  permission: "catalog.edit",
  schema: updateSourceSchema,
  write: catalog.updateSource,
});
