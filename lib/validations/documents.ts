// Input of the mutations on a document: publishing a draft.
import { z } from "zod";
import { recordIdSchema } from "./annotations";

export const publishDocumentSchema = z.object({ documentId: recordIdSchema("document") });

export type PublishDocumentData = z.output<typeof publishDocumentSchema>;
