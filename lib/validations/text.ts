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
