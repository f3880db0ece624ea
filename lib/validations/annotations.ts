// Input of every annotation mutation, shared by the thread's forms (checked before sending, so an oversized
// note is refused in the browser with the text still there) and by the actions, which parse it once for the data layer.
import { z } from "zod";
import { SourceKind, Verdict } from "@/lib/generated/prisma/enums.ts";
import { CONTROL_CHARACTERS, multiLine, singleLine } from "./text";
import { MAX_INT4 } from "./url-params";

export const BODY_MAX = 20_000;
export const LOCATOR_MAX = 2_000;

export const recordIdSchema = (what: string) =>
  z
    .number({ error: `Choose a ${what}.` })
    .int()
    .positive()
    .max(MAX_INT4);

export const verdictSchema = z.enum(Verdict, { error: "Choose a verdict from the list." });

/** Only web links: a javascript: or data: URL stored as a source would become a link someone clicks. */
export const sourceUrlSchema = z
  .string({ error: "URL is required." })
  .trim()
  .min(1, "URL is required.")
  .max(2_000, "URL must be at most 2,000 characters.")
  .pipe(
    z.url({
      protocol: /^https?$/,
      error: "Enter a web address starting with http:// or https://, such as https://example.org/report.",
    }),
  )
  // One spelling per address (scheme and host lower-cased), so adding the same page twice finds the first source.
  .transform((value) => new URL(value).href);

export const evidenceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({ kind: z.literal("existing"), sourceId: recordIdSchema("source") }),
  z.object({
    kind: z.literal("new"),
    url: sourceUrlSchema,
    title: singleLine("Title", 300),
    publisher: singleLine("Publisher", 200),
    sourceKind: z.enum(SourceKind, { error: "Choose what kind of source this is." }),
  }),
]);

export type EvidenceInput = z.input<typeof evidenceSchema>;
export type EvidenceData = z.output<typeof evidenceSchema>;

/** What a note says: the same fields whether it starts a thread, replies or replaces an earlier version. */
const noteContent = {
  body: multiLine("Note", BODY_MAX),
  verdict: verdictSchema.nullable(),
  evidence: evidenceSchema,
  /** A quote from the evidence or where to find it; blank or null means none (null once parsed). */
  locator: z
    .string()
    .max(LOCATOR_MAX, `Quote or locator must be at most ${LOCATOR_MAX.toLocaleString("en")} characters.`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), "Quote or locator cannot contain control characters.")
    .nullable()
    .transform((value) => value?.trim() || null),
};

/** What the thread's forms check before sending; the actions check the same fields with the note's id. */
export const noteContentSchema = z.object(noteContent);

export const createAnnotationSchema = z.object({ claimId: recordIdSchema("claim"), ...noteContent });
export const replyToAnnotationSchema = z.object({ parentId: recordIdSchema("note"), ...noteContent });
export const editAnnotationSchema = z.object({
  annotationId: recordIdSchema("note"),
  /** The version the person started editing from. */
  version: z.number().int().positive(),
  ...noteContent,
});
/** Delete, resolve and reopen name only the note: none of them changes what it says. */
export const annotationRefSchema = z.object({ annotationId: recordIdSchema("note") });

export type NoteContentInput = z.input<typeof noteContentSchema>;
export type CreateAnnotationData = z.output<typeof createAnnotationSchema>;
export type ReplyToAnnotationData = z.output<typeof replyToAnnotationSchema>;
export type EditAnnotationData = z.output<typeof editAnnotationSchema>;
export type AnnotationRefData = z.output<typeof annotationRefSchema>;
