// Rules shared by every form that takes text from a person.
import { z } from "zod";

/** C0/C1 control characters other than tab, line feed and carriage return: never meaningful in what people type. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** A single-line field: trimmed, no line breaks or control characters. */
export function singleLine(label: string, max: number) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`)
    .refine(
      (value) => !CONTROL_CHARACTERS.test(value) && !/[\r\n]/.test(value),
      `${label} cannot contain control characters or line breaks.`,
    );
}

/** Multi-line text kept exactly as typed (no trimming inside), refusing control characters rather than dropping them. */
export function multiLine(label: string, max: number) {
  return z
    .string({ error: `${label} is required.` })
    .max(max, `${label} must be at most ${max.toLocaleString("en")} characters.`)
    .refine((value) => value.trim().length > 0, `${label} is required.`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), `${label} cannot contain control characters.`);
}

export const emailSchema = z
  .string({ error: "Email is required." })
  .trim()
  .toLowerCase()
  .max(254, "Email must be at most 254 characters.")
  .pipe(z.email("Enter an email address such as name@example.org."));

/** Empty fields arrive as "" from a form and as null from a record read back: both mean "none". */
export function emptyAsNone<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => value ?? "", schema);
}

/** A field that may be left empty: trimmed, and stored as null when empty. */
export function optionalText(label: string, max: number, { multiLine = false } = {}) {
  return emptyAsNone(
    z
      .string({ error: `${label} must be text.` })
      .trim()
      .max(max, `${label} must be at most ${max.toLocaleString("en")} characters.`)
      .refine(
        (value) => !CONTROL_CHARACTERS.test(value) && (multiLine || !/[\r\n]/.test(value)),
        multiLine
          ? `${label} cannot contain control characters.`
          : `${label} cannot contain control characters or line breaks.`,
      )
      .transform((value) => value || null),
  );
}

/** A web address, or none. */
export const httpUrl = emptyAsNone(
  z
    .string({ error: "Address must be text." })
    .trim()
    .max(2000, "Address must be at most 2,000 characters.")
    .refine((value) => {
      if (!value) return true;
      try {
        return ["http:", "https:"].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, "Address must start with http:// or https://, or be empty.")
    .transform((value) => value || null),
);
