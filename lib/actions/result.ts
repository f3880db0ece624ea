// What every server action returns, and the one place that turns errors into it. Actions never throw to the client
// for an expected failure: the form shows the message and keeps what was typed.
import { z } from "zod";
import { AuthorizationError } from "@/lib/auth/permissions";
import {
  InvalidStateError,
  isDatabaseUnavailable,
  NotFoundError,
  StaleVersionError,
  warnDatabaseUnavailable,
} from "@/lib/data/errors";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: string;
      /** Messages per form field, from the zod schema the form and the action share. */
      fieldErrors?: Record<string, string[]>;
      /** The record changed since the form was opened. */
      stale?: boolean;
      /** The database could not be reached: nothing was written, and the same request may succeed in a moment. */
      unavailable?: boolean;
      /** The request was larger than a server action may be (proxy.ts refused it before the action ran). */
      tooLarge?: boolean;
    };

export const DATABASE_UNAVAILABLE_MESSAGE =
  "The database is unavailable, so nothing was saved. What you entered is still here: try again in a moment.";

export async function toActionResult<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    if (error instanceof z.ZodError) {
      const { fieldErrors } = z.flattenError(error);
      return {
        ok: false,
        error: "Some fields need attention.",
        fieldErrors: fieldErrors as Record<string, string[]>,
      };
    }
    if (error instanceof StaleVersionError) return { ok: false, error: error.message, stale: true };
    if (
      error instanceof AuthorizationError ||
      error instanceof NotFoundError ||
      error instanceof InvalidStateError
    ) {
      return { ok: false, error: error.message };
    }
    if (isDatabaseUnavailable(error)) {
      warnDatabaseUnavailable("An action", error);
      return { ok: false, error: DATABASE_UNAVAILABLE_MESSAGE, unavailable: true };
    }
    // Unexpected: logged on the server with its stack, a generic message to the person.
    console.error(error);
    return {
      ok: false,
      error: "The change could not be saved because of a server error. Nothing was lost: try again.",
    };
  }
}
