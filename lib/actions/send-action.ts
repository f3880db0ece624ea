// How a form calls a server action: whatever happens on the way there and back, it gets an ActionResult to show.
// The action answers its own failures (lib/actions/result.ts); these are the request's own.
import { ACTION_FROM_ANOTHER_SITE_MESSAGE, ACTION_TOO_LARGE_MESSAGE } from "./limits";
import type { ActionResult } from "./result";

const UNREACHABLE_MESSAGE =
  "The server could not be reached, so nothing was saved. What you entered is still here: try again.";

const FAILED_MESSAGE =
  "The server could not handle this request, so nothing was saved. What you entered is still here: try again, and report it if it keeps failing.";

export async function sendAction<T>(call: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await call();
  } catch (error) {
    // proxy.ts answers its refusals in plain text, which Next.js's client throws as the error's message.
    const message = error instanceof Error ? error.message : "";
    if (message === ACTION_TOO_LARGE_MESSAGE) return { ok: false, error: message, tooLarge: true };
    if (message === ACTION_FROM_ANOTHER_SITE_MESSAGE) return { ok: false, error: message };
    // fetch rejects with a TypeError when no answer came back at all (offline, server down, connection cut).
    return { ok: false, error: error instanceof TypeError ? UNREACHABLE_MESSAGE : FAILED_MESSAGE };
  }
}
