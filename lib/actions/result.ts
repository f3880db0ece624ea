// What every server action returns, and the one place that turns data-layer errors into it. Actions never throw
// to the client for an expected failure: the form shows the message and keeps what was typed.
import { z } from "zod";
import { AuthorizationError } from "@/lib/auth/permissions";
import { InvalidStateError, NotFoundError, StaleVersionError } from "@/lib/data/errors";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: string;
      /** Messages per form field, from the zod schema the form and the action share. */
      fieldErrors?: Record<string, string[]>;
      /** The record changed since the form was opened. */
      stale?: boolean;
    };

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
    // Unexpected: logged on the server with its stack, a generic message to the person.
    console.error(error);
    return {
      ok: false,
      error: "The change could not be saved because of a server error. Nothing was lost: try again.",
    };
  }
}
