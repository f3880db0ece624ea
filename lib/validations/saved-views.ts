// Saved views of the claims table: a name and the table's query string.
import { z } from "zod";
import { parseClaimsQuery, serializeClaimsQuery } from "./claims";
import { singleLine } from "./text";
import { recordIdSchema } from "./users";

/** Far beyond any real filter set; the parser caps every list, so a longer string is noise. */
const MAX_RAW_QUERY_LENGTH = 4000;

/**
 * What is stored is never the string that arrived: it is read by the table's own parser (unknown keys and values
 * dropped) and written back in its canonical form, starting on page 1.
 */
export function normalizeViewQuery(raw: string): string {
  const query = parseClaimsQuery(new URLSearchParams(raw));
  return serializeClaimsQuery({ ...query, page: 1 }).toString();
}

const viewName = singleLine("Name", 80);
const viewQuery = z
  .string({ error: "The view's filters are missing." })
  .max(MAX_RAW_QUERY_LENGTH, "These filters are too long to save.")
  .transform(normalizeViewQuery);
const viewRef = { id: recordIdSchema, version: recordIdSchema };

export const createSavedViewSchema = z.object({
  name: viewName,
  query: viewQuery,
  shared: z.boolean({ error: "Say whether the view is shared." }),
});
export const renameSavedViewSchema = z.object({ ...viewRef, name: viewName });
export const shareSavedViewSchema = z.object({
  ...viewRef,
  shared: z.boolean({ error: "Say whether the view is shared." }),
});
export const deleteSavedViewSchema = z.object(viewRef);

export type CreateSavedViewData = z.output<typeof createSavedViewSchema>;
export type RenameSavedViewData = z.output<typeof renameSavedViewSchema>;
export type ShareSavedViewData = z.output<typeof shareSavedViewSchema>;
export type DeleteSavedViewData = z.output<typeof deleteSavedViewSchema>;
