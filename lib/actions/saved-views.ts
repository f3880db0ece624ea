"use server";
// Saved views of the claims table, from the toolbar's Views menu.
import { serverAction } from "@/lib/actions/action";
import * as savedViews from "@/lib/data/saved-views";
import {
  createSavedViewSchema,
  deleteSavedViewSchema,
  renameSavedViewSchema,
  shareSavedViewSchema,
} from "@/lib/validations/saved-views";

export const createSavedView = serverAction({
  permission: "savedViews.manage",
  schema: createSavedViewSchema,
  write: savedViews.createSavedView,
});

export const renameSavedView = serverAction({
  permission: "savedViews.manage",
  schema: renameSavedViewSchema,
  write: savedViews.renameSavedView,
});

export const shareSavedView = serverAction({
  permission: "savedViews.manage",
  schema: shareSavedViewSchema,
  write: savedViews.shareSavedView,
});

export const deleteSavedView = serverAction({
  permission: "savedViews.manage",
  schema: deleteSavedViewSchema,
  write: savedViews.deleteSavedView,
});
