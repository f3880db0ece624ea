// What a person sends to import a report: the file or pasted text, and what they know about it. The page's form,
// the JSON route and `npm run import` read the same fields.
import { z } from "zod";
import { MAX_DOCUMENT_CHARS } from "@/lib/ingest/import-document";
import { httpUrl, optionalText } from "./text";

export const importDetailsSchema = z.object({
  /** Blank means "the document's own title". */
  title: optionalText("Title", 300),
  publisher: optionalText("Publisher", 200),
  url: httpUrl,
  publishedAt: optionalText("Publication date", 10).refine(
    (value) => value === null || isPastDate(value),
    "Publication date must be a date such as 2025-03-14, and not in the future.",
  ),
});

export type ImportDetails = z.output<typeof importDetailsSchema>;

/** Pasted text: checked for size here, for everything else by the reader like any file. */
export const pastedTextSchema = z
  .string({ error: "Paste the report's text." })
  .refine((text) => text.trim().length > 0, "Paste the report's text, or choose a file.")
  .refine(
    (text) => text.length <= MAX_DOCUMENT_CHARS,
    `The pasted text is longer than the ${MAX_DOCUMENT_CHARS.toLocaleString("en")} characters ClaimDesk imports.`,
  );

/** The file name as the person's system gave it, without any folder, for the import's listing. */
export function uploadFileName(name: string | null | undefined): string | null {
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base ? base.slice(0, 255) : null;
}

function isPastDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && date.getTime() <= Date.now()
  );
}
