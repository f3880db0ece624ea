// Admin edits to the catalog: a claim's classification (never its text), an entity, a source.
import { z } from "zod";
import { ClaimKind, DatePrecision, SourceKind, SourceReliability } from "@/lib/generated/prisma/enums.ts";
import type { AsOf } from "@/lib/format";
import { emptyAsNone, httpUrl, optionalText, singleLine } from "./text";
import { recordIdSchema } from "./users";

/** "2025", "2025-03" or "2025-03-14" as the claim's date and how precise the text is about it. */
export function parseAsOf(value: string): AsOf | null | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month ?? 1) - 1, Number(day ?? 1)));
  const iso = date.toISOString();
  if (!iso.startsWith(value) || Number(year) < 1900 || Number(year) > 2200) return undefined;
  return { date, precision: day ? DatePrecision.DAY : month ? DatePrecision.MONTH : DatePrecision.YEAR };
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const updateClaimSchema = z.object({
  id: recordIdSchema,
  version: recordIdSchema,
  kind: z.enum(ClaimKind, { error: "Choose a kind." }),
  sectors: z
    .array(z.string().regex(SLUG, "Choose sectors from the list."), {
      error: "Choose sectors from the list.",
    })
    .max(50, "Choose sectors from the list.")
    .transform((slugs) => [...new Set(slugs)]),
  citationMissing: z.boolean({ error: "Say whether a citation was lost." }),
  asOf: z
    .string({ error: "Give the date as 2025, 2025-03 or 2025-03-14, or leave it empty." })
    .trim()
    .transform((value, context) => {
      if (!value) return null;
      const asOf = parseAsOf(value);
      if (asOf) return asOf;
      context.addIssue({
        code: "custom",
        message: "Give the date as 2025, 2025-03 or 2025-03-14, or leave it empty.",
      });
      return z.NEVER;
    }),
});

const ALIAS_LIMIT = 100;

export const updateEntitySchema = z.object({
  id: recordIdSchema,
  version: recordIdSchema,
  name: singleLine("Name", 200),
  description: optionalText("Description", 2000, { multiLine: true }),
  country: emptyAsNone(
    z
      .string({ error: "Country must be a two-letter code such as CN, or empty." })
      .trim()
      .toUpperCase()
      .regex(/^([A-Z]{2})?$/, "Country must be a two-letter code such as CN, or empty.")
      .transform((value) => value || null),
  ),
  aliases: z
    .array(singleLine("Each alias", 200), { error: "Aliases must be a list of names." })
    .max(ALIAS_LIMIT, `At most ${ALIAS_LIMIT} aliases.`)
    .transform((aliases) => [...new Set(aliases)]),
});

export const updateSourceSchema = z.object({
  id: recordIdSchema,
  version: recordIdSchema,
  title: singleLine("Title", 300),
  publisher: optionalText("Publisher", 200),
  url: httpUrl,
  kind: z.enum(SourceKind, { error: "Choose a kind." }),
  reliability: z.enum(SourceReliability, { error: "Choose a reliability grade, or none." }).nullable(),
  notes: optionalText("Notes", 4000, { multiLine: true }),
});

export type UpdateClaimData = z.output<typeof updateClaimSchema>;
export type UpdateEntityData = z.output<typeof updateEntitySchema>;
export type UpdateSourceData = z.output<typeof updateSourceSchema>;
