"use server";
// Publishing a draft, from its page.
import { serverAction } from "@/lib/actions/action";
import * as documents from "@/lib/data/documents";
import { publishDocumentSchema } from "@/lib/validations/documents";

export const publishDocument = serverAction({
  permission: "documents.publish",
  schema: publishDocumentSchema,
  write: documents.publishDocument,
});
